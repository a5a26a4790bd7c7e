import { editDistance } from '../text/distance';
import type { NameToken } from '../text/normalize';
import { skeleton } from '../text/phonetic';

// How alike two name tokens are, and why. The values are the matcher's calibration: an exact token is 1,
// a spelling variant that keeps the consonant skeleton 0.88, one typo in a long token 0.9.

export type MatchHow = 'exact' | 'initial' | 'typo' | 'phonetic' | 'translit' | 'merged';

export interface TokenSimilarity {
  sim: number;
  how: MatchHow;
}

const NONE: TokenSimilarity = { sim: 0, how: 'exact' };

export function tokenSimilarity(a: NameToken, b: NameToken): TokenSimilarity {
  if (a.text === b.text) return { sim: 1, how: 'exact' };
  if (a.kind === 'initial' || b.kind === 'initial') {
    const [init, full] = a.kind === 'initial' ? [a, b] : [b, a];
    // an initial abbreviates a name, never an article: "A." is Abu or Ahmad, not the "al" beside them
    return full.text[0] === init.text && full.kind !== 'particle' ? { sim: 0.85, how: 'initial' } : NONE;
  }
  if (a.abjad || b.abjad) return abjadSimilarity(a, b);
  const minLen = Math.min(a.text.length, b.text.length);
  let best = NONE;
  const d = editDistance(a.text, b.text, 4);
  // three-letter names one letter apart are usually different names (Lin/Liu, Ali/Ari)
  if (d === 1 && minLen >= 4) best = { sim: minLen >= 6 ? 0.9 : 0.85, how: 'typo' };
  else if (d === 2 && minLen >= 6) best = { sim: 0.8, how: 'typo' };
  const skelLen = a.skel.length;
  if (minLen >= 3 && skelLen >= 2 && a.skel === b.skel) {
    let sim = 0;
    // a transliteration is one spelling among several (Хусейн → "khuseyn" for "Hussein"): its skeleton is what counts
    if (a.translit || b.translit) sim = 0.88;
    // two consonants say little (Luis/Allouch): only near spellings; Mahmoud/Mohammad share "mhmd" but are not one name
    else if (skelLen === 2) sim = d <= 1 ? 0.85 : 0;
    else if (d <= 2) sim = minLen >= 6 ? 0.88 : 0.8;
    else if (d === 3 && minLen >= 6) sim = 0.8;
    if (sim > best.sim) best = { sim, how: 'phonetic' };
  }
  return best;
}

/** Unvocalised Arabic/Hebrew against anything: only the consonants can be compared. */
function abjadSimilarity(a: NameToken, b: NameToken): TokenSimilarity {
  const longest = Math.max(a.text.length, b.text.length);
  if (a.skel === b.skel) {
    if (a.skel.length >= 3) return { sim: 0.92, how: 'translit' };
    if (a.skel.length === 2) return { sim: 0.85, how: 'translit' };
    if (a.skel.length === 1 && longest <= 6) return { sim: longest <= 4 ? 0.85 : 0.8, how: 'translit' };
    return NONE;
  }
  // h is the weakest consonant: ه, ح and ة come and go in Latin spellings ("Allah"/"Alla", "Taha"/"طه")
  const ha = a.skel.replace(/h/g, '');
  const hb = b.skel.replace(/h/g, '');
  if (ha === hb && ha.length >= 1 && (ha.length >= 2 || longest <= 6)) return { sim: 0.85, how: 'translit' };
  if (Math.min(a.skel.length, b.skel.length) >= 3 && editDistance(a.skel, b.skel, 1) === 1) return { sim: 0.8, how: 'translit' };
  return NONE;
}

/** Adjacent tokens read as one word ("Abdul Fattah" ~ "Abdulfattah", "Jian Guo" ~ "Jianguo"). */
export function mergeTokens(tokens: NameToken[]): NameToken {
  const text = tokens.map((t) => t.text).join('');
  const abjad = tokens.some((t) => t.abjad);
  return {
    text,
    // abjad skeletons come from the letters, not from the Latin text: join them as they are
    skel: abjad ? tokens.map((t) => t.skel).join('') : skeleton(text),
    weight: tokens.reduce((s, t) => s + t.weight, 0),
    kind: 'word',
    abjad,
    translit: tokens.some((t) => t.translit),
  };
}
