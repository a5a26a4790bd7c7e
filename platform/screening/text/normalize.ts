import { skeleton } from './phonetic';
import { scriptWords, transliterateWord, type Script } from './translit';
import { ABJAD_HONORIFICS, GENERIC_ORG_WORDS, HONORIFICS, LEGAL_FORMS, PARTICLES } from './vocabulary';

// Name → comparable tokens. Every step that drops or rewrites something records it, so a match can be
// explained ("ignored legal form LLC", "transliterated from Cyrillic").

/** Which vocabulary applies: person names lose honorifics, organisation names lose legal forms. */
export type NameKind = 'person' | 'org' | 'any';

export type TokenKind = 'word' | 'particle' | 'generic' | 'initial';

export interface NameToken {
  text: string;
  skel: string;
  weight: number;
  kind: TokenKind;
  /** From Arabic or Hebrew script: spelling without short vowels, compared by skeleton. */
  abjad: boolean;
  /** Transliterated from another script: one spelling of several possible, so skeletons weigh more. */
  translit: boolean;
}

export interface NormalizedName {
  original: string;
  tokens: NameToken[];
  /** Honorifics and legal forms that were dropped, as normalised text. */
  removed: string[];
  /** Non-Latin scripts that were transliterated. */
  scripts: Script[];
}

const ARTICLE_SPELLINGS = new Set(['el', 'ul']);

const WEIGHTS: Record<TokenKind, number> = { word: 1, generic: 0.5, particle: 0.3, initial: 0.6 };

const CJK_LEGAL =
  /(股份有限公司|有限责任公司|有限責任公司|集团有限公司|集團有限公司|有限公司|株式会社|合同会社|集团|集團|公司)$|^(株式会社)/;

const LATIN_SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ŀ: 'l',
  ħ: 'h',
  ŧ: 't',
  ĸ: 'k',
};

// Most names are plain ASCII: no mark to drop, no letter to decompose or rewrite, nothing for NFKC to change
const ASCII = /^[\x00-\x7f]*$/;

function foldLatin(word: string): string {
  const lower = word.toLowerCase();
  if (ASCII.test(lower)) return lower.replace(/[^a-z0-9]/g, '');
  let out = '';
  for (const ch of lower.normalize('NFKD')) {
    if (/\p{M}/u.test(ch)) continue;
    out += LATIN_SPECIAL[ch] ?? ch;
  }
  return out.replace(/[^a-z0-9\u3400-\u9fff]/g, '');
}

const toSeq = (list: string[]) => list.map((s) => s.split(' ')).sort((a, b) => b.length - a.length);
const HONORIFIC_SEQS = toSeq(HONORIFICS);
/** The words an honorific can start with: any other word starts none (most words, so most are passed at once). */
const HONORIFIC_STARTS = new Set(HONORIFIC_SEQS.map((s) => s[0]));
const LEGAL_SEQS = toSeq(LEGAL_FORMS);

function seqAt(words: string[], at: number, seq: string[]): boolean {
  if (at < 0 || at + seq.length > words.length) return false;
  return seq.every((w, i) => words[at + i] === w);
}

interface Word {
  text: string;
  abjad: boolean;
  translit: boolean;
  skel?: string;
}

function dropHonorifics(words: Word[], removed: string[]): Word[] {
  // Latin abbreviations must not eat unvocalised words: عمر is "mr" (Omar), not "Mr"
  const texts = words.map((w) => (w.abjad && !ABJAD_HONORIFICS.has(w.text) ? '' : w.text));
  const keep: Word[] = [];
  for (let i = 0; i < words.length;) {
    const seq = HONORIFIC_STARTS.has(texts[i]) ? HONORIFIC_SEQS.find((s) => seqAt(texts, i, s)) : undefined;
    // never drop everything: "Major" may be a surname when it is all there is
    if (seq && words.length - seq.length > 0) {
      removed.push(seq.join(' '));
      i += seq.length;
    } else keep.push(words[i++]);
  }
  return keep.length ? keep : words;
}

function dropLegalForms(words: Word[], removed: string[]): Word[] {
  let w = words;
  for (let changed = true; changed && w.length > 1;) {
    changed = false;
    const texts = w.map((x) => x.text);
    const tail = LEGAL_SEQS.find((s) => s.length < w.length && seqAt(texts, w.length - s.length, s));
    if (tail) {
      removed.push(tail.join(' '));
      w = w.slice(0, w.length - tail.length);
      changed = true;
      continue;
    }
    const head = LEGAL_SEQS.find((s) => s.length < w.length && seqAt(texts, 0, s));
    if (head) {
      removed.push(head.join(' '));
      w = w.slice(head.length);
      changed = true;
    }
  }
  return w;
}

// Screening a book normalises the same words (first names, surnames) again and again: what a word becomes
// depends on the word alone, so it is remembered (the words are not changed after; the caches are bounded).
const CACHE_LIMIT = 100_000;
const wordCache = new Map<string, { words: Word[]; scripts: Script[] }>();
const skelCache = new Map<string, string>();

function wordsOf(w: string, person: boolean): { words: Word[]; scripts: Script[] } {
  const key = (person ? 'p' : 'o') + w;
  let done = wordCache.get(key);
  if (done) return done;
  done = { words: [], scripts: [] };
  for (const t of transliterateWord(w, person)) {
    if (t.script !== 'Latin' && t.script !== 'Other') done.scripts.push(t.script);
    // the Arabic article is "al", "el" or "ul" in Latin spellings: one spelling, so they pair
    const folded = foldLatin(t.text);
    const text = ARTICLE_SPELLINGS.has(folded) ? 'al' : folded;
    if (text) done.words.push({ text, abjad: t.abjad, translit: t.script !== 'Latin' && t.script !== 'Other', skel: t.skel });
  }
  if (wordCache.size >= CACHE_LIMIT) wordCache.clear();
  wordCache.set(key, done);
  return done;
}

function skeletonOf(text: string): string {
  let skel = skelCache.get(text);
  if (skel === undefined) {
    skel = skeleton(text);
    if (skelCache.size >= CACHE_LIMIT) skelCache.clear();
    skelCache.set(text, skel);
  }
  return skel;
}

export function normalizeName(name: string, kind: NameKind = 'any'): NormalizedName {
  const removed: string[] = [];
  const scripts = new Set<Script>();
  // apostrophes join: O'Brien → obrien, Nu'man → numan
  let raw = (ASCII.test(name) ? name : name.normalize('NFKC')).replace(/['’ʼʻ`´]/g, '');
  if (kind !== 'person') {
    const m = CJK_LEGAL.exec(raw.replace(/\s+$/, ''));
    if (m && raw.trim().length > m[0].length) {
      removed.push(m[0]);
      raw = raw.replace(/\s+$/, '').replace(CJK_LEGAL, '');
    }
  }
  let words: Word[] = [];
  for (const w of scriptWords(raw)) {
    const done = wordsOf(w, kind === 'person');
    for (const sc of done.scripts) scripts.add(sc);
    words.push(...done.words);
  }
  if (kind !== 'org') words = dropHonorifics(words, removed);
  if (kind !== 'person') words = dropLegalForms(words, removed);
  // a name made only of initials is an acronym: "C.A.D." is "cad"
  if (words.length > 1 && words.every((w) => w.text.length === 1 && !w.abjad))
    words = [{ text: words.map((w) => w.text).join(''), abjad: false, translit: false }];
  const tokens = words.map(({ text, abjad, translit, skel }): NameToken => {
    // in a person's name a lone letter is an initial, even "a" or "y"; in a company name it may be a conjunction
    const tokenKind: TokenKind =
      text.length === 1 && /[a-z]/.test(text) && (kind === 'person' || !PARTICLES.has(text))
        ? 'initial'
        : PARTICLES.has(text)
          ? 'particle'
          : kind !== 'person' && GENERIC_ORG_WORDS.has(text)
            ? 'generic'
            : 'word';
    return { text, skel: skel ?? skeletonOf(text), weight: WEIGHTS[tokenKind], kind: tokenKind, abjad, translit };
  });
  return { original: name, tokens, removed, scripts: [...scripts] };
}
