import { z } from 'zod';
import { QUERY_SCHEMAS } from '../../platform/screening/match/schema';
import { LIST_SOURCES } from '../../platform/screening/types';

// Request and response bodies of POST /api/screening/search and POST /api/screening/compare. The handlers
// pass the parsed bodies to searchName(index, …) and compareNames(…) from platform/screening as they are.

const name = z.string().trim().min(1).max(500);
const schema = z.enum(QUERY_SCHEMAS);

export const SearchRequestSchema = z.object({
  name,
  /** Person, or an organisation kind; omitted: every kind of entry. */
  schema: schema.optional(),
  birthDate: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
    .optional(),
  /** Nationality (people) or country of registration (organisations): a name or ISO 3166 alpha-2 code. */
  country: z.string().trim().min(2).max(100).optional(),
  /** Passport, national id, tax or registration numbers. */
  identifiers: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
  limit: z.number().int().min(1).max(50).default(10),
  /** Lowest score returned; the review threshold applies when omitted. */
  minScore: z.number().min(0).max(1).optional(),
});

const TokenPairSchema = z.object({
  query: z.string(),
  candidate: z.string(),
  how: z.enum(['exact', 'initial', 'typo', 'phonetic', 'translit', 'merged']),
  similarity: z.number(),
});

const EvidenceSchema = z.object({
  kind: z.enum(['birth_date', 'country', 'identifier']),
  effect: z.number(),
  detail: z.string(),
});

export const ExplanationSchema = z.object({
  query: z.string(),
  matchedName: z.string(),
  variant: z.enum(['primary', 'aka', 'fka', 'nka', 'weak', 'original_script']),
  nameScore: z.number(),
  tokens: z.array(TokenPairSchema),
  unmatched: z.object({ query: z.array(z.string()), candidate: z.array(z.string()) }),
  ignored: z.array(z.string()),
  transliterated: z.array(z.string()),
  evidence: z.array(EvidenceSchema),
  adjustments: z.array(z.object({ reason: z.string(), factor: z.number() })),
  summary: z.string(),
});

export const SearchHitSchema = z.object({
  list: z.enum(LIST_SOURCES),
  entryId: z.string(),
  name: z.string(),
  schema: z.enum(['Person', 'Organization', 'Vessel', 'Airplane']),
  score: z.number().min(0).max(1),
  matchedName: z.string(),
  explanation: ExplanationSchema,
});

export const SearchResponseSchema = z.object({
  /** The review threshold in force: hits at or above it go to review. */
  threshold: z.number(),
  /** The list versions searched. */
  versions: z.array(
    z.object({ source: z.enum(LIST_SOURCES), versionId: z.string(), importedAt: z.string(), entryCount: z.number().int() }),
  ),
  hits: z.array(SearchHitSchema),
});

export const CompareRequestSchema = z.object({
  name1: name,
  name2: name,
  schema,
});

export const CompareResponseSchema = z.object({
  score: z.number().min(0).max(1),
  explanation: ExplanationSchema,
});

export type SearchRequest = z.infer<typeof SearchRequestSchema>;
export type SearchResponse = z.infer<typeof SearchResponseSchema>;
export type CompareRequest = z.infer<typeof CompareRequestSchema>;
export type CompareResponse = z.infer<typeof CompareResponseSchema>;
