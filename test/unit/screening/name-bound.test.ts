// The name-only bound the delta re-screen prunes with (nameCouldReach): when it says a name cannot reach the
// threshold, no birth date or country makes searchName return a hit at the threshold for that name; when
// it says it can, it may (a name a little under the threshold is kept, as its evidence can lift it).
import { describe, expect, it } from 'vitest';
import { buildIndex, nameCouldReach, searchName } from '../../../platform/screening/index';
import { maxEvidenceEffect } from '../../../platform/screening/match/evidence';
import { every, lists } from './lists';

const MIN = 0.8;

describe('nameCouldReach', () => {
  const { un } = lists();
  // entries with a birth date and a nationality, so evidence can lift a name score by the most it can
  const entries = every(
    un.entries.filter((e) => e.schema === 'Person' && e.birthDates.some((d) => d.date.length === 10) && e.nationalities.length),
    7,
  ).slice(0, 40);
  const index = buildIndex(entries);

  // names near the entries' names (a token dropped, a surname swapped, a typo) and unrelated ones sharing a token
  const probes = entries.flatMap((e) => {
    const words = e.name.split(' ');
    return [
      e.name,
      words.slice(0, 2).join(' '),
      `${words[0]} Smith`,
      `Oliver ${words[words.length - 1]}`,
      words.length > 2 ? `${words[0]} ${words[words.length - 1]}` : `${words[0]}x ${words[1] ?? ''}`,
      words.map((w, i) => (i === 0 && w.length > 4 ? w.slice(0, 2) + 'e' + w.slice(3) : w)).join(' '),
    ];
  });

  it('never drops a name that some birth date and country bring to the threshold', () => {
    let dropped = 0;
    for (const name of probes) {
      const could = nameCouldReach(index, name, 'Person', MIN);
      if (could) continue;
      dropped++;
      // the most favourable facts each entry has: its own exact birth date and nationality
      for (const e of entries) {
        const hits = searchName(
          index,
          { name, schema: 'Person', birthDate: e.birthDates.find((d) => d.date.length === 10)!.date, country: e.nationalities[0] },
          { minScore: MIN, limit: 50 },
        );
        expect(hits, `${name} with the facts of ${e.name}`).toEqual([]);
      }
    }
    // the bound does prune: a shared first name or surname alone does not make a match
    expect(dropped).toBeGreaterThan(probes.length / 4);
  });

  it('keeps a name under the threshold that evidence can lift over it', () => {
    const single = entries.map((e) => ({ e, one: buildIndex([e]) }));
    const cases = probes.flatMap((name) =>
      single.map(({ e, one }) => {
        const [bare] = searchName(one, { name, schema: 'Person' }, { minScore: 0, limit: 1 });
        return { name, e, one, bare: bare?.score ?? 0 };
      }),
    );
    const lifted = cases.find(({ one, bare }) => bare < MIN && bare + maxEvidenceEffect(one.facts[0]) >= MIN);
    expect(lifted, 'a probe scoring a little under the threshold on its name alone').toBeDefined();
    const { name, e, one } = lifted!;
    expect(nameCouldReach(one, name, 'Person', MIN)).toBe(true);
    const [hit] = searchName(
      one,
      { name, schema: 'Person', birthDate: e.birthDates.find((d) => d.date.length === 10)!.date, country: e.nationalities[0] },
      { minScore: 0, limit: 1 },
    );
    expect(hit.score).toBeGreaterThanOrEqual(MIN);
  });
});
