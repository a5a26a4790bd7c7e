import { normalizeName, type NormalizedName } from '../text/normalize';
import type { AliasKind } from '../types';
import { align, type Alignment, type TokenPair } from './align';
import type { Evidence } from './evidence';
import { nameKind, type QuerySchema } from './schema';

export type VariantKind = 'primary' | AliasKind;

/** Why two names scored what they did; plain JSON, shown to reviewers as is. */
export interface MatchExplanation {
  query: string;
  matchedName: string;
  variant: VariantKind;
  nameScore: number;
  tokens: TokenPair[];
  unmatched: { query: string[]; candidate: string[] };
  /** Honorifics and legal forms dropped from either name. */
  ignored: string[];
  /** Scripts transliterated to Latin before comparing. */
  transliterated: string[];
  evidence: Evidence[];
  /** Multipliers applied to the name score, e.g. a low-quality alias. */
  adjustments: { reason: string; factor: number }[];
  summary: string;
}

export interface Comparison {
  score: number;
  explanation: MatchExplanation;
}

/** Low-quality aliases ("Abu Ahmed") identify less than a full name. */
export const WEAK_ALIAS_FACTOR = 0.9;

const round = (x: number) => Math.round(x * 1000) / 1000;

export function explainAlignment(
  query: NormalizedName,
  candidate: NormalizedName,
  variant: VariantKind,
  evidence: Evidence[] = [],
  alignment?: Alignment,
): Comparison {
  const a = alignment ?? align(query.tokens, candidate.tokens);
  const adjustments = variant === 'weak' ? [{ reason: 'weak_alias', factor: WEAK_ALIAS_FACTOR }] : [];
  const nameScore = adjustments.reduce((s, adj) => s * adj.factor, a.score);
  const score = round(Math.max(0, Math.min(1, nameScore + evidence.reduce((s, e) => s + e.effect, 0))));
  const how = a.pairs.map((p) => (p.how === 'exact' ? p.query : `${p.query}~${p.candidate} (${p.how})`));
  const summary = [
    `"${query.original}" vs "${candidate.original}": ${how.join(', ') || 'no tokens in common'}`,
    a.unmatchedQuery.length ? `unmatched in query: ${a.unmatchedQuery.join(' ')}` : '',
    a.unmatchedCandidate.length ? `unmatched in list name: ${a.unmatchedCandidate.join(' ')}` : '',
    ...evidence.map((e) => `${e.kind} ${e.effect > 0 ? '+' : ''}${e.effect}: ${e.detail}`),
  ]
    .filter(Boolean)
    .join('; ');
  return {
    score,
    explanation: {
      query: query.original,
      matchedName: candidate.original,
      variant,
      nameScore: round(nameScore),
      tokens: a.pairs.map((p) => ({ ...p, similarity: round(p.similarity) })),
      unmatched: { query: a.unmatchedQuery, candidate: a.unmatchedCandidate },
      ignored: [...new Set([...query.removed, ...candidate.removed])],
      transliterated: [...new Set([...query.scripts, ...candidate.scripts])],
      evidence,
      adjustments,
      summary,
    },
  };
}

/** Similarity of two names of the same schema, in [0, 1], with the reasons. */
export function compareNames(a: string, b: string, schema?: QuerySchema): Comparison {
  const kind = nameKind(schema);
  return explainAlignment(normalizeName(a, kind), normalizeName(b, kind), 'primary');
}
