// Consonant skeleton: the part of a name that survives transliteration. Vowels (and y/w, which are half
// vowels in Arabic and Hebrew) are dropped, sound-alike consonants share a letter, doubles collapse.
// "Hussein", "Husayn", "حسين" → "hsn"; "Marzouk", "Marzuq" → "mrsk"; "Rajapovich", "Razhapovich" → "rjpfs".

const DIGRAPHS: [RegExp, string][] = [
  // not "ts": it would make Watson sound like Wason
  [/shch|sch|tch|sh|ch|tz|cz|sz/g, 's'],
  [/dzh|zh|dj|dz/g, 'j'],
  // Russian Х and Arabic خ are "kh" in Latin and stand for the h of foreign names (Хусейн = Hussein)
  [/kh/g, 'h'],
  [/ck|q|x/g, 'k'],
  [/gh/g, 'g'],
  [/ph|v/g, 'f'],
  [/th/g, 't'],
  [/dh/g, 'd'],
  [/c(?=[eiy])/g, 's'],
];

const CLASS: Record<string, string> = { c: 'k', z: 's', g: 'j' };

export function skeleton(token: string): string {
  let s = token;
  for (const [re, to] of DIGRAPHS) s = s.replace(re, to);
  let out = '';
  let prev = '';
  for (let i = 0; i < s.length; i++) {
    let ch = s[i];
    if ('aeiouyw'.includes(ch)) {
      prev = '';
      continue;
    }
    // a final h is silent in transliterations ("Abdullah" = "Abdulla", "Fatimah" = "Fatima")
    if (ch === 'h' && i === s.length - 1) continue;
    ch = CLASS[ch] ?? ch;
    if (ch !== prev) out += ch;
    prev = ch;
  }
  return out;
}
