// nameDobMatch (platform/crm/duplicates.ts) is what duplicate detection compares names with: it must give
// exactly what compareNames(a, b, 'Person') gives for every pair at or above the threshold (score and
// explanation), and nothing for the others, whatever the scripts, spellings and shapes of the names.
import { describe, expect, it } from 'vitest';
import { compareNames } from '../../../platform/screening/match/compare';
import { NAME_DOB_THRESHOLD, nameDobMatch } from '../../../platform/crm/duplicates';

// mulberry32: deterministic
function prng(seed: number) {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// given names and surnames in several scripts, with spellings of each other among them
// prettier-ignore
const GIVEN = [
  'Oliver', 'Olivier', 'Amelia', 'Emilia', 'George', 'Georg', 'Harry', 'Ivan', 'Iван', 'Иван', 'Dmitry', 'Дмитрий', 'Dmitriy',
  'Mohammed', 'Muhammad', 'محمد', 'Ahmed', 'أحمد', 'Abdul', 'Abd', 'al', 'Rahman', 'Abdulrahman', 'عبد الرحمن', 'Moshe', 'משה',
  'Jian', 'Guo', 'Jianguo', '建国', 'Wei', '伟', 'Sokratis', 'Σωκράτης', 'Maria', 'María', 'Marie', 'J.', 'A', 'Seán', 'Sean',
  'Nguyễn', 'Nguyen', 'Thi', 'Somchai', 'สมชาย', 'Jean-Luc', "O'Neil", 'Dr.', 'Mr', 'Sheikh',
];
// prettier-ignore
const FAMILY = [
  'Smith', 'Smyth', 'Smit', 'Petrov', 'Петров', 'Petroff', 'Volkov', 'Волков', 'Wang', '王', 'Zhang', '张', 'Li', 'Lee',
  'Cohen', 'Kohen', 'כהן', 'Hussein', 'Husain', 'حسين', 'Papadopoulos', 'Παπαδόπουλος', 'Kowalski', 'Kowalska', 'Müller',
  'Mueller', 'Muller', 'Nguyen', 'Tran', 'Trần', 'Al-Rashid', 'Rashid', 'Lead1', 'Old1', 'Brown', 'Braun', 'Johnson', 'Jonson',
];

/** A person's name: one to four words, now and then a typo, a join or another order. */
function nameOf(rand: () => number): string {
  const pick = (xs: string[]) => xs[Math.floor(rand() * xs.length)];
  const words = [pick(GIVEN)];
  if (rand() < 0.3) words.push(pick(GIVEN));
  if (rand() < 0.9) words.push(pick(FAMILY));
  if (rand() < 0.15) words.push(pick(FAMILY));
  let name = (rand() < 0.2 ? words.reverse() : words).join(rand() < 0.1 ? '' : ' ');
  if (rand() < 0.15 && name.length > 4) {
    const at = 1 + Math.floor(rand() * (name.length - 2));
    name = name.slice(0, at) + 'aeiouk'[Math.floor(rand() * 6)] + name.slice(at + 1);
  }
  return name;
}

describe('nameDobMatch', () => {
  it('reports exactly the pairs compareNames puts at or above the threshold, with its score and explanation', () => {
    const rand = prng(42);
    const names = Array.from({ length: 400 }, () => nameOf(rand));
    let reported = 0;
    let pairs = 0;
    // pairs near the threshold, where the rounding matters, and matches across scripts
    let near = 0;
    let acrossScripts = 0;
    for (let i = 0; i < names.length; i++) {
      for (let j = 0; j < 40; j++) {
        const other = names[(i * 7 + j * 13) % names.length];
        // some pairs are spellings of the same person on purpose
        const b = j % 5 === 0 ? names[i].replace(/o/g, 'u') : other;
        const full = compareNames(names[i], b, 'Person');
        const fast = nameDobMatch(names[i], b);
        pairs++;
        if (Math.abs(full.score - NAME_DOB_THRESHOLD) <= 0.05) near++;
        if (full.score >= NAME_DOB_THRESHOLD && full.explanation.transliterated.length) acrossScripts++;
        if (full.score >= NAME_DOB_THRESHOLD) {
          expect(fast, `${names[i]} / ${b}`).toEqual(full);
          reported++;
        } else expect(fast, `${names[i]} / ${b} (${full.score})`).toBeNull();
      }
    }
    // the set holds both kinds in number
    expect(reported).toBeGreaterThan(pairs / 50);
    expect(pairs - reported).toBeGreaterThan(pairs / 2);
    expect(near).toBeGreaterThan(50);
    expect(acrossScripts).toBeGreaterThan(20);
  });

  it('matches across scripts as compareNames does', () => {
    for (const [a, b] of [
      ['Иван Петров', 'Ivan Petrov'],
      ['王建国', 'Wang Jianguo'],
      ['Σωκράτης Παπαδόπουλος', 'Sokratis Papadopoulos'],
      ['Dr. Oliver Smith', 'Oliver Smyth'],
      ['Oliver Smith', 'Old1 Lead1'],
    ]) {
      const full = compareNames(a, b, 'Person');
      expect(nameDobMatch(a, b)).toEqual(full.score >= NAME_DOB_THRESHOLD ? full : null);
    }
    expect(nameDobMatch('Иван Петров', 'Ivan Petrov')?.score).toBe(1);
  });
});
