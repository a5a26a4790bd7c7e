import { PINYIN, PINYIN_WORDS, SURNAME_READINGS } from './pinyin-table';

// Script → Latin, one word at a time. Arabic and Hebrew are written without short vowels, so their words
// are flagged `abjad` and the matcher compares them by consonant skeleton rather than by spelling.

export type Script = 'Latin' | 'Cyrillic' | 'Greek' | 'Arabic' | 'Hebrew' | 'Han' | 'Other';

export interface TranslitWord {
  text: string;
  script: Script;
  abjad: boolean;
  /** Consonant skeleton straight from the letters (abjads only): "כהן" is k-h-n, not the "kh" of ח. */
  skel?: string;
}

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Ukrainian, Belarusian, Serbian/Macedonian, Kazakh/Kyrgyz/Tajik/Uzbek
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
  ђ: 'dj',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'c',
  џ: 'dz',
  ѓ: 'gj',
  ќ: 'kj',
  ѕ: 'dz',
  ә: 'a',
  ғ: 'gh',
  қ: 'q',
  ң: 'ng',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  ҳ: 'h',
  ӣ: 'i',
  ӯ: 'u',
  ҷ: 'j',
};

const GREEK_PAIRS: [string, string][] = [
  ['ου', 'ou'],
  ['αι', 'ai'],
  ['ει', 'ei'],
  ['οι', 'oi'],
  ['γγ', 'ng'],
  ['γκ', 'gk'],
  ['μπ', 'mp'],
  ['ντ', 'nt'],
];
const GREEK: Record<string, string> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
};

const HEBREW: Record<string, string> = {
  א: '',
  ב: 'b',
  ג: 'g',
  ד: 'd',
  ה: 'h',
  ו: 'o',
  ז: 'z',
  ח: 'kh',
  ט: 't',
  י: 'y',
  כ: 'k',
  ך: 'k',
  ל: 'l',
  מ: 'm',
  ם: 'm',
  נ: 'n',
  ן: 'n',
  ס: 's',
  ע: '',
  פ: 'p',
  ף: 'f',
  צ: 'ts',
  ץ: 'ts',
  ק: 'k',
  ר: 'r',
  ש: 'sh',
  ת: 't',
};

const ARABIC: Record<string, string> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ٱ: 'a',
  ء: '',
  ئ: '',
  ؤ: '',
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: '',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ة: 'a',
  ى: 'a',
  // Persian and Urdu
  پ: 'p',
  چ: 'ch',
  ژ: 'zh',
  گ: 'g',
  ک: 'k',
  ی: 'y',
  ے: 'e',
  ٹ: 't',
  ڈ: 'd',
  ڑ: 'r',
  ں: 'n',
  ھ: 'h',
  ۀ: 'a',
  ہ: 'h',
  ۃ: 'a',
  ې: 'e',
  ۍ: 'i',
  ڭ: 'ng',
};
// Each letter's consonant class, the same classes text/phonetic.ts gives their usual Latin spellings
// (ث th → t, خ kh → h, ق q → k, ز z → s, ج/غ/گ → j); long vowels, alef, ayn and hamza have none.
const ABJAD_SKELETON: Record<string, string> = {
  ب: 'b',
  ت: 't',
  ث: 't',
  ج: 'j',
  ح: 'h',
  خ: 'h',
  د: 'd',
  ذ: 'd',
  ر: 'r',
  ز: 's',
  س: 's',
  ش: 's',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 's',
  غ: 'j',
  ف: 'f',
  ق: 'k',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  پ: 'p',
  چ: 's',
  ژ: 'j',
  گ: 'j',
  ک: 'k',
  ٹ: 't',
  ڈ: 'd',
  ڑ: 'r',
  ں: 'n',
  ھ: 'h',
  ہ: 'h',
  ב: 'b',
  ג: 'j',
  ד: 'd',
  ה: 'h',
  ז: 's',
  ח: 'h',
  ט: 't',
  כ: 'k',
  ך: 'k',
  ל: 'l',
  מ: 'm',
  ם: 'm',
  נ: 'n',
  ן: 'n',
  ס: 's',
  פ: 'p',
  ף: 'f',
  צ: 's',
  ץ: 's',
  ק: 'k',
  ר: 'r',
  ש: 's',
  ת: 't',
};

function abjadSkeleton(word: string): string {
  let out = '';
  let prev = '';
  for (const ch of word) {
    const c = ABJAD_SKELETON[ch];
    // a letter without a class is a vowel sign (ا و ي ع …): like a Latin vowel it separates repeats (جليل = j-l-l)
    if (c && c !== prev) out += c;
    prev = c ?? '';
  }
  // a word-final ه is silent or dropped in Latin spellings, as a final h is in Latin skeletons ("Abdullah" = "Abdulla")
  return ABJAD_SKELETON[word[word.length - 1]] === 'h' && out.endsWith('h') ? out.slice(0, -1) : out;
}

// و and ي are consonants at the start of a word and long vowels inside it.
const ARABIC_SEMIVOWELS: Record<string, [string, string]> = { و: ['w', 'u'], ي: ['y', 'i'], ی: ['y', 'i'] };

export function scriptOf(ch: string): Script {
  const c = ch.codePointAt(0) ?? 0;
  if (c < 0x250 || (c >= 0x1e00 && c < 0x1f00)) return 'Latin';
  if (c >= 0x400 && c < 0x530) return 'Cyrillic';
  if ((c >= 0x370 && c < 0x400) || (c >= 0x1f00 && c < 0x2000)) return 'Greek';
  if (c >= 0x590 && c < 0x600) return 'Hebrew';
  if ((c >= 0x600 && c < 0x700) || (c >= 0x750 && c < 0x780) || (c >= 0xfb50 && c < 0xff00)) return 'Arabic';
  if ((c >= 0x4e00 && c < 0xa000) || (c >= 0x3400 && c < 0x4dc0) || (c >= 0xf900 && c < 0xfb00)) return 'Han';
  return 'Other';
}

function cyrillic(word: string): string {
  let out = '';
  for (const ch of word.toLowerCase()) out += CYRILLIC[ch] ?? ch;
  return out;
}

function greek(word: string): string {
  let w = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  for (const [from, to] of GREEK_PAIRS) w = w.split(from).join(to);
  let out = '';
  for (const ch of w) out += GREEK[ch] ?? ch;
  return out;
}

function hebrew(word: string): string {
  const w = word.replace(/[\u0591-\u05c7]/g, '');
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const ch = w[i];
    // וו is the consonant v; a single ו at the start of a word is "v", elsewhere usually a vowel
    if (ch === 'ו' && (i === 0 || w[i + 1] === 'ו')) {
      out += 'v';
      if (w[i + 1] === 'ו') i++;
    } else out += HEBREW[ch] ?? ch;
  }
  return out;
}

function arabic(word: string): TranslitWord[] {
  let w = word.replace(/[\u064b-\u065f\u0670\u0640]/g, '');
  const words: TranslitWord[] = [];
  // the article ال is its own word in Latin spellings ("al-Tikriti")
  if (w.length > 3 && w.startsWith('ال') && w !== 'الله' && w !== 'اللہ') {
    words.push({ text: 'al', script: 'Arabic', abjad: false });
    w = w.slice(2);
  }
  let out = '';
  [...w].forEach((ch, i) => {
    const semi = ARABIC_SEMIVOWELS[ch];
    out += semi ? semi[i === 0 ? 0 : 1] : (ARABIC[ch] ?? ch);
  });
  words.push({ text: out, script: 'Arabic', abjad: true, skel: abjadSkeleton(w) });
  return words;
}

function hanSyllables(run: string, person: boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < run.length;) {
    const word = Object.keys(PINYIN_WORDS).find((w) => run.startsWith(w, i));
    if (word) {
      out.push(...PINYIN_WORDS[word]);
      i += word.length;
      continue;
    }
    const ch = run[i];
    out.push((person && i === 0 && SURNAME_READINGS[ch]) || PINYIN.get(ch) || ch);
    i++;
  }
  return out;
}

/** Transliterate one word (a run of letters of one script). A Han run may yield several words. */
export function transliterateWord(word: string, person: boolean): TranslitWord[] {
  const script = scriptOf(word[0]);
  switch (script) {
    case 'Cyrillic':
      return [{ text: cyrillic(word), script, abjad: false }];
    case 'Greek':
      return [{ text: greek(word), script, abjad: false }];
    case 'Hebrew':
      return [{ text: hebrew(word), script, abjad: true, skel: abjadSkeleton(word.replace(/[\u0591-\u05c7]/g, '')) }];
    case 'Arabic':
      return arabic(word);
    case 'Han':
      // one token per syllable: the matcher joins adjacent ones, so 王建国 meets both "Wang Jianguo" and "Jian Guo Wang"
      return hanSyllables(word, person).map((text) => ({ text, script, abjad: false }));
    default:
      return [{ text: word, script, abjad: false }];
  }
}

const ASCII_WORD = /^[A-Za-z0-9]+$/;
const ASCII_TEXT = /^[\x00-\x7f]*$/;

/** Split text into single-script words: "ООО Ромашка" → ["ООО", "Ромашка"], "王建国Ltd" → ["王建国", "Ltd"]. */
export function scriptWords(text: string): string[] {
  const words: string[] = [];
  // in ASCII the letters, numbers and marks are [A-Za-z0-9]: the same split without Unicode properties
  const chunks = ASCII_TEXT.test(text) ? text.split(/[^A-Za-z0-9]+/) : text.split(/[^\p{L}\p{N}\p{M}]+/u);
  for (const chunk of chunks) {
    if (!chunk) continue;
    // ASCII letters and digits are all Latin, with no marks: one word
    if (ASCII_WORD.test(chunk)) {
      words.push(chunk);
      continue;
    }
    let current = '';
    let script: Script | undefined;
    for (const ch of chunk) {
      const s = /\p{M}/u.test(ch) ? script : scriptOf(ch);
      if (current && s !== script) {
        words.push(current);
        current = '';
      }
      current += ch;
      script = s;
    }
    if (current) words.push(current);
  }
  return words;
}
