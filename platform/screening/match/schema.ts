import type { NameKind } from '../text/normalize';
import type { EntrySchema } from '../types';

/** Schemas a caller may name (FollowTheMoney-style), mapped onto what the lists hold. */
export const QUERY_SCHEMAS = ['Person', 'Organization', 'Company', 'LegalEntity', 'Vessel', 'Airplane'] as const;
export type QuerySchema = (typeof QUERY_SCHEMAS)[number];

export function nameKind(schema: QuerySchema | EntrySchema | undefined): NameKind {
  if (!schema) return 'any';
  return schema === 'Person' ? 'person' : 'org';
}

/**
 * Whether an entry of `entry` schema can be the thing a query of `query` schema describes. Clients are
 * people and companies: a company is not screened against ships' and aircraft's names (tail numbers like
 * "EP-MNE" would differ from each other by one letter), unless the caller asks for vessels or aircraft.
 */
export function schemaCompatible(query: QuerySchema | undefined, entry: EntrySchema): boolean {
  if (!query) return true;
  if (query === 'Person' || query === 'Vessel' || query === 'Airplane') return entry === query;
  return entry === 'Organization';
}
