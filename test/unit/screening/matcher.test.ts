import { describe, expect, it } from 'vitest';
import { DEFAULT_REVIEW_THRESHOLD } from '../../../platform/screening/config';
import { searchName, type SearchQuery } from '../../../platform/screening/index';
import { compareNames } from '../../../platform/screening/match/compare';
import { normalizeName } from '../../../platform/screening/text/normalize';
import { PINYIN } from '../../../platform/screening/text/pinyin-table';
import type { SanctionEntry } from '../../../platform/screening/types';
import { every, lists } from './lists';
import { initialise, reorder, toCyrillic, typo, words } from '../../fixtures/screening/perturb';

// Every case is built from the list files: names, aliases and facts of real entries.

const schemaOf = (e: SanctionEntry): SearchQuery['schema'] =>
  e.schema === 'Airplane' || e.schema === 'Vessel' ? e.schema : e.schema === 'Person' ? 'Person' : 'Organization';
// word order does not make a different name, so names are compared as sorted token lists
const key = (name: string, e: SanctionEntry) =>
  normalizeName(name, e.schema === 'Person' ? 'person' : 'org')
    .tokens.map((t) => t.text)
    .sort()
    .join(' ');
const allEntries = () => [...lists().sdn.entries, ...lists().cons.entries, ...lists().un.entries];
const isEntry = (e: SanctionEntry) => (h: { list: string; entryId: string }) => h.list === e.source && h.entryId === e.entryId;

/** The entry's score and the best score of any other entry, for a query. */
function standing(query: SearchQuery, e: SanctionEntry) {
  const hits = searchName(lists().index, query, { limit: 50 });
  const own = hits.find(isEntry(e));
  const top = hits[0]?.score ?? 0;
  return { own: own?.score ?? 0, top, hits };
}

/** Names with enough letters to be told apart (single-letter and numeric aliases exist in the lists). */
const distinctive = (name: string, e: SanctionEntry) => key(name, e).replace(/[^a-z]/g, '').length >= 6 && words(name).length >= 2;

describe('aliases find their entry', () => {
  const cases = every(
    allEntries().filter((e) => e.aliases.some((a) => a.kind !== 'weak' && a.kind !== 'original_script')),
    4,
  );

  it('at rank 1 (ties with entries that carry the very same name allowed)', () => {
    let total = 0;
    const misses: string[] = [];
    for (const e of cases) {
      for (const a of e.aliases.filter((x) => x.kind === 'aka' || x.kind === 'fka' || x.kind === 'nka')) {
        total++;
        const { own, top } = standing({ name: a.name, schema: schemaOf(e) }, e);
        if (own < top || own === 0) misses.push(`${e.source}:${e.entryId} ${a.name}`);
      }
    }
    expect(total).toBeGreaterThan(1500);
    expect(misses, misses.slice(0, 10).join('\n')).toHaveLength(0);
  });

  it('with other entries of a different name scoring below the true entry', () => {
    let violations = 0;
    let checked = 0;
    for (const e of every(cases, 3)) {
      const names = new Set([e.name, ...e.aliases.map((a) => a.name)].map((n) => key(n, e)));
      for (const a of e.aliases.filter((x) => x.kind === 'aka')) {
        const { own, hits } = standing({ name: a.name, schema: schemaOf(e) }, e);
        for (const h of hits) {
          if (isEntry(e)(h)) continue;
          const other = allEntries().find((x) => x.source === h.list && x.entryId === h.entryId)!;
          // another entry carrying this exact name (a namesake or the same person on another list) may tie
          if ([other.name, ...other.aliases.map((x) => x.name)].some((n) => names.has(key(n, other)))) continue;
          checked++;
          if (h.score >= own) violations++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(violations).toBe(0);
  });
});

describe('disguised forms of listed names are found', () => {
  const people = every(
    lists().sdn.entries.filter((e) => e.schema === 'Person' && distinctive(e.name, e)),
    10,
  );
  const orgs = every(
    lists().sdn.entries.filter((e) => e.schema === 'Organization' && distinctive(e.name, e)),
    10,
  );

  const foundShare = (entries: SanctionEntry[], disguise: (n: string) => string) => {
    const found = entries.filter((e) => {
      const { own, top } = standing({ name: disguise(e.name), schema: schemaOf(e) }, e);
      return own >= DEFAULT_REVIEW_THRESHOLD && own === top;
    });
    return found.length / entries.length;
  };

  it('reordered', () => {
    expect(foundShare(people, reorder)).toBeGreaterThan(0.97);
    // multi-word legal forms ("S.A. de C.V.") stay in one piece at the end, as people write them
    const coreReversed = (name: string) =>
      `${reorder(
        normalizeName(name, 'org')
          .tokens.map((t) => t.text)
          .join(' '),
      )} LLC`;
    expect(foundShare(orgs, coreReversed)).toBeGreaterThan(0.97);
  });

  it('with one typo', () => {
    expect(foundShare(people, typo)).toBeGreaterThan(0.9);
    expect(foundShare(orgs, typo)).toBeGreaterThan(0.9);
  });

  it('with a given name cut to an initial', () => {
    const threeWords = people.filter((e) => words(e.name).length >= 3);
    expect(threeWords.length).toBeGreaterThan(100);
    expect(foundShare(threeWords, initialise)).toBeGreaterThan(0.85);
  });

  it('spelled in Cyrillic', () => {
    expect(foundShare(people, toCyrillic)).toBeGreaterThan(0.85);
  });

  it('spelled in Arabic script as the UN publishes it', () => {
    const ar = lists().un.entries.filter(
      (e) => e.schema === 'Person' && e.aliases.some((a) => a.kind === 'original_script' && /[\u0600-\u06ff]/.test(a.name)),
    );
    const found = ar.filter((e) => {
      const orig = e.aliases.find((a) => a.kind === 'original_script')!.name;
      const { own, top } = standing({ name: orig, schema: 'Person' }, e);
      return own === top && own > 0;
    });
    expect(found.length / ar.length).toBeGreaterThan(0.85);
  });

  it('spelled in hanzi, for Chinese names whose syllables are in the pinyin table', () => {
    const reverse = new Map<string, string>();
    for (const [ch, py] of PINYIN) if (!reverse.has(py)) reverse.set(py, ch);
    const syllables = [...reverse.keys()].sort((a, b) => b.length - a.length);
    const toHanzi = (word: string): string | undefined => {
      if (!word) return '';
      for (const s of syllables) {
        if (word.startsWith(s)) {
          const rest = toHanzi(word.slice(s.length));
          if (rest !== undefined) return reverse.get(s)! + rest;
        }
      }
      return undefined;
    };
    const chinese = allEntries().filter((e) => e.schema === 'Person' && e.nationalities.some((n) => /china/i.test(n)));
    const cases = chinese
      .map((e) => {
        const [last, given] = e.name.split(',').map((s) => s.trim().toLowerCase().replace(/[\s-]/g, ''));
        const han = given && toHanzi(last) !== undefined && toHanzi(given) !== undefined ? toHanzi(last)! + toHanzi(given)! : undefined;
        return { e, han };
      })
      .filter((c): c is { e: SanctionEntry; han: string } => !!c.han && c.han.length <= 4);
    expect(cases.length).toBeGreaterThan(5);
    for (const { e, han } of cases) {
      const { own, top } = standing({ name: han, schema: 'Person' }, e);
      expect(own, `${han} for ${e.name}`).toBe(top);
      expect(own).toBeGreaterThanOrEqual(DEFAULT_REVIEW_THRESHOLD);
    }
  });
});

describe('words that do not identify', () => {
  it('legal forms on organisations change nothing', () => {
    const orgs = every(
      lists().sdn.entries.filter((e) => e.schema === 'Organization' && distinctive(e.name, e)),
      25,
    );
    for (const e of orgs) {
      const bare = normalizeName(e.name, 'org')
        .tokens.map((t) => t.text)
        .join(' ');
      for (const form of [`${bare} LLC`, `OOO ${bare}`, `${bare} GmbH`, `${bare} Co., Ltd.`, `${bare} 有限公司`]) {
        expect(compareNames(form, e.name, 'Company').score, form).toBe(compareNames(bare, e.name, 'Company').score);
      }
    }
  });

  it('honorifics on people change nothing', () => {
    const people = every(
      lists().sdn.entries.filter((e) => e.schema === 'Person' && distinctive(e.name, e)),
      25,
    );
    for (const e of people) {
      const base = compareNames(reorder(e.name), e.name, 'Person').score;
      for (const title of ['Mr', 'Dr.', 'Sheikh', 'Haji', 'Colonel'])
        expect(compareNames(`${title} ${reorder(e.name)}`, e.name, 'Person').score).toBe(base);
    }
  });
});

describe('secondary evidence', () => {
  const withFacts = every(
    lists().sdn.entries.filter((e) => e.schema === 'Person' && e.birthDates.some((d) => d.date.length === 10) && distinctive(e.name, e)),
    20,
  );

  it('a matching birth date raises the score and a distant one lowers it', () => {
    expect(withFacts.length).toBeGreaterThan(50);
    for (const e of withFacts) {
      const dob = e.birthDates.find((d) => d.date.length === 10)!.date;
      const name = typo(e.name);
      const base = standing({ name, schema: 'Person' }, e).own;
      const far = `${Number(dob.slice(0, 4)) - 30}${dob.slice(4)}`;
      expect(standing({ name, schema: 'Person', birthDate: dob }, e).own).toBeGreaterThan(base);
      if (!e.birthDates.some((d) => Math.abs(Number(d.date.slice(0, 4)) - Number(far.slice(0, 4))) < 5)) {
        expect(standing({ name, schema: 'Person', birthDate: far }, e).own).toBeLessThan(base);
      }
    }
  });

  it('a listed nationality raises, another one lowers, a listed passport raises', () => {
    const cases = every(
      lists().sdn.entries.filter(
        (e) =>
          e.schema === 'Person' &&
          e.nationalities.length === 1 &&
          e.identifiers.some((i) => i.type === 'passport') &&
          distinctive(e.name, e),
      ),
      5,
    );
    expect(cases.length).toBeGreaterThan(20);
    for (const e of cases) {
      const name = typo(e.name);
      const base = standing({ name, schema: 'Person' }, e).own;
      const other = e.nationalities[0] === 'Iceland' ? 'Norway' : 'Iceland';
      expect(standing({ name, schema: 'Person', country: e.nationalities[0] }, e).own).toBeGreaterThan(base);
      expect(standing({ name, schema: 'Person', country: other }, e).own).toBeLessThan(base);
      const passport = e.identifiers.find((i) => i.type === 'passport')!.number;
      expect(standing({ name, schema: 'Person', identifiers: [passport] }, e).own).toBeGreaterThan(base);
    }
  });

  it('explains what moved the score', () => {
    const e = withFacts[0];
    const dob = e.birthDates.find((d) => d.date.length === 10)!.date;
    const hit = searchName(lists().index, { name: reorder(e.name), schema: 'Person', birthDate: dob }).find(isEntry(e))!;
    expect(hit.explanation.evidence).toEqual([expect.objectContaining({ kind: 'birth_date', effect: expect.any(Number) })]);
    expect(hit.explanation.evidence[0].effect).toBeGreaterThan(0);
    expect(hit.explanation.tokens.length).toBeGreaterThan(1);
    expect(hit.explanation.summary).toContain(e.birthDates[0].date.slice(0, 4));
  });
});

describe('compareNames', () => {
  it('scores in [0, 1], symmetric for reordering, and explains each token', () => {
    for (const e of every(lists().un.entries, 40)) {
      const c = compareNames(e.name, reorder(e.name), schemaOf(e));
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
      expect(c.score).toBe(compareNames(reorder(e.name), e.name, schemaOf(e)).score);
      expect(c.explanation.tokens.every((t) => t.how && t.similarity > 0)).toBe(true);
    }
  });

  it('tells different entries apart', () => {
    const people = every(
      lists().sdn.entries.filter((e) => e.schema === 'Person' && distinctive(e.name, e)),
      7,
    );
    let above = 0;
    for (let i = 0; i + 1 < people.length; i++)
      if (compareNames(people[i].name, people[i + 1].name, 'Person').score >= DEFAULT_REVIEW_THRESHOLD) above++;
    expect(above).toBe(0);
  });
});
