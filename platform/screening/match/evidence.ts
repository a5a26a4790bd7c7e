import { yearSpan } from '../parse/dates';
import { countryCode } from '../text/countries';
import type { BirthDate, SanctionEntry } from '../types';

// Facts besides the name. A matching birth date, country or document number makes a name hit more likely
// the same party; a contradicting birth date or nationality makes it less likely. Effects are additive.

export interface Evidence {
  kind: 'birth_date' | 'country' | 'identifier';
  effect: number;
  detail: string;
}

export interface QueryFacts {
  /** "1960", "1960-03" or "1960-03-12". */
  birthDate?: string;
  /** Country name or ISO code: nationality for people, registration or address country for organisations. */
  country?: string;
  identifiers?: string[];
}

/** Entry facts in comparable form, computed once per entry when the index is built. */
export interface EntryFacts {
  birthDates: BirthDate[];
  nationalities: Set<string>;
  otherCountries: Set<string>;
  identifiers: Map<string, string>;
}

export const EFFECTS = {
  birthDateExact: 0.08,
  birthYear: 0.04,
  birthDateConflict: -0.15,
  countryMatch: 0.04,
  nationalityConflict: -0.08,
  identifierMatch: 0.2,
};

export function identifierKey(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function entryFacts(e: SanctionEntry): EntryFacts {
  const codes = (values: (string | undefined)[]) => new Set(values.map((v) => countryCode(v)).filter((c): c is string => !!c));
  const birthCountries = e.birthPlaces.map((p) => p.split(',').pop());
  return {
    birthDates: e.birthDates,
    nationalities: codes(e.nationalities),
    otherCountries: codes([...birthCountries, ...e.addresses.map((a) => a.country), ...e.identifiers.map((i) => i.country)]),
    identifiers: new Map(e.identifiers.map((i) => [identifierKey(i.number), `${i.label} ${i.number}`])),
  };
}

function birthDateEvidence(query: string, dates: BirthDate[]): Evidence | undefined {
  if (dates.length === 0) return undefined;
  const year = Number(query.slice(0, 4));
  const exact = dates.find(
    (d) => d.date.length > 4 && !d.toYear && (query.startsWith(d.date) || d.date.startsWith(query)) && query.length > 4,
  );
  if (exact) return { kind: 'birth_date', effect: EFFECTS.birthDateExact, detail: `${query} matches listed ${exact.date}` };
  const inSpan = dates.find((d) => {
    const [from, to] = yearSpan(d);
    return year >= from && year <= to;
  });
  if (inSpan) {
    // the same year but a different published day is a weaker match, not a conflict: lists carry alternates
    return { kind: 'birth_date', effect: EFFECTS.birthYear, detail: `${query} within listed ${describeDate(inSpan)}` };
  }
  const near = dates.some((d) => {
    const [from, to] = yearSpan(d);
    return year >= from - 1 && year <= to + 1;
  });
  if (near) return undefined;
  return {
    kind: 'birth_date',
    effect: EFFECTS.birthDateConflict,
    detail: `${query} differs from listed ${dates.map(describeDate).join(', ')}`,
  };
}

function describeDate(d: BirthDate): string {
  return `${d.circa ? 'circa ' : ''}${d.date}${d.toYear ? `..${d.toYear}` : ''}`;
}

function countryEvidence(query: string, facts: EntryFacts, person: boolean): Evidence | undefined {
  const code = countryCode(query);
  if (!code) return undefined;
  if (facts.nationalities.has(code) || facts.otherCountries.has(code)) {
    return { kind: 'country', effect: EFFECTS.countryMatch, detail: `${code} is linked to the entry` };
  }
  // only a published nationality contradicts; an address abroad says nothing about who someone is
  if (person && facts.nationalities.size > 0) {
    return {
      kind: 'country',
      effect: EFFECTS.nationalityConflict,
      detail: `${code} is not a listed nationality (${[...facts.nationalities].join(', ')})`,
    };
  }
  return undefined;
}

/**
 * The most evidence can add to a name score for this entry, whatever the query's birth date and country,
 * for a query with `identifiers` identifiers: weighEvidence adds at most one birth-date effect (where the
 * entry has a date), one country effect (where it has a country) and one identifier effect per query
 * identifier that equals a listed one.
 */
export function maxEvidenceEffect(facts: EntryFacts, identifiers = 0): number {
  const countries = facts.nationalities.size + facts.otherCountries.size > 0;
  return (
    (facts.birthDates.length ? Math.max(EFFECTS.birthDateExact, EFFECTS.birthYear) : 0) +
    (countries ? EFFECTS.countryMatch : 0) +
    (facts.identifiers.size ? identifiers * EFFECTS.identifierMatch : 0)
  );
}

export function weighEvidence(query: QueryFacts, facts: EntryFacts, person: boolean): Evidence[] {
  const out: Evidence[] = [];
  if (query.birthDate && /^\d{4}/.test(query.birthDate)) {
    const e = birthDateEvidence(query.birthDate, facts.birthDates);
    if (e) out.push(e);
  }
  if (query.country) {
    const e = countryEvidence(query.country, facts, person);
    if (e) out.push(e);
  }
  for (const id of query.identifiers ?? []) {
    const listed = facts.identifiers.get(identifierKey(id));
    if (listed && identifierKey(id).length >= 4) {
      out.push({ kind: 'identifier', effect: EFFECTS.identifierMatch, detail: `${id} matches listed ${listed}` });
    }
  }
  return out;
}
