// Pieces every scenario template's SQL is built from: bound values, the scope of the anchors, and the
// per-risk-band parameters as a small table joined on the client's band.

export const BANDS = ['low', 'medium', 'high', 'critical'] as const;
export type Band = (typeof BANDS)[number];

/** Collects bound values; `v(x)` returns its placeholder. */
export class Sql {
  readonly values: unknown[] = [];
  v(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

/**
 * Which anchor transactions a query looks at: the one transaction that just arrived (inline), or every
 * transaction booked in a period for a range of client ids (sweeps and backtests).
 */
export type Scope =
  | { kind: 'transaction'; transactionId: string }
  | { kind: 'range'; from: Date; to: Date; after: string | null; upTo: string | null; clientIds?: string[] };

export function scopeWhere(sql: Sql, scope: Scope, a: string): string {
  if (scope.kind === 'transaction') return `${a}.id = ${sql.v(scope.transactionId, '::uuid')}`;
  const parts = [`${a}.booked_at >= ${sql.v(scope.from, '::timestamptz')}`, `${a}.booked_at <= ${sql.v(scope.to, '::timestamptz')}`];
  if (scope.after !== null) parts.push(`${a}.client_id > ${sql.v(scope.after)}`);
  if (scope.upTo !== null) parts.push(`${a}.client_id <= ${sql.v(scope.upTo)}`);
  if (scope.clientIds) parts.push(`${a}.client_id = ANY(${sql.v(scope.clientIds, '::text[]')})`);
  return parts.join(' AND ');
}

/** `bands(band, p)`: the effective parameters of each band (and `default` for clients without one). */
export function bandsCte(sql: Sql, effective: Record<Band | 'default', Record<string, unknown>>): string {
  const rows = (['default', ...BANDS] as const).map((band) => `(${sql.v(band)}, ${sql.v(JSON.stringify(effective[band]), '::jsonb')})`);
  return `bands(band, p) AS (VALUES ${rows.join(', ')})`;
}

/** Joins the client and its band's parameters to anchor alias `a` (aliases `c` and `b`). */
export const bandJoin = (a: string) =>
  `JOIN clients c ON c.id = ${a}.client_id JOIN bands b ON b.band = CASE WHEN c.risk_band IN ('low', 'medium', 'high', 'critical') THEN c.risk_band ELSE 'default' END`;

/** A numeric, integer or text-array parameter of the band row `b` (or another alias). */
export const num = (name: string, b = 'b') => `(${b}.p->>'${name}')::numeric`;
export const int = (name: string, b = 'b') => `(${b}.p->>'${name}')::int`;
export const list = (name: string, b = 'b') => `ARRAY(SELECT jsonb_array_elements_text(${b}.p->'${name}'))`;

/** The columns every template's query returns, in this order. */
export const CANDIDATE_COLUMNS = 'client_id, anchor_id, anchor_at, window_start, window_end, transaction_ids, aggregates, band, thresholds';

/** A row of a template's query: a pattern found, before suppression and deduplication. */
export interface Candidate {
  client_id: string;
  anchor_id: string;
  anchor_at: Date;
  window_start: Date;
  window_end: Date;
  transaction_ids: string[];
  aggregates: Record<string, unknown>;
  band: Band | 'default';
  thresholds: Record<string, unknown>;
}
