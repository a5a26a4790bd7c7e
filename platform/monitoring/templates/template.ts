// A scenario template: parameters (zod), defaults per risk band, the red flag it follows, and its SQL.
// A scenario is a template with a name; its versions are parameter sets (platform/monitoring/versions.ts).
import { z } from 'zod';
import { BANDS, type Band, type Candidate, type Scope, type Sql } from '../sql';

export type Execution = 'inline' | 'window' | 'rescreen';

export interface Template<P extends Record<string, unknown> = Record<string, unknown>> {
  id: string;
  name: string;
  execution: Execution;
  /** the red flag and where it comes from, shown with every alert */
  description: string;
  params: z.ZodObject<z.ZodRawShape>;
  defaults: Parameters<P>;
  /** alerts of one scenario for a client whose windows overlap are one alert; 0: one per transaction */
  dedupeByWindow: boolean;
  /** the query: rows of CANDIDATE_COLUMNS for the anchors in scope (absent for re-screening) */
  query?(sql: Sql, bands: string, scope: Scope): string;
  /** checks SQL cannot make (the screening matcher); returns the candidates that stand, with more evidence */
  refine?(rows: Candidate[]): Candidate[];
}

/** A version's parameters: a full set for clients of any band, and overrides per risk band. */
export interface Parameters<P extends Record<string, unknown> = Record<string, unknown>> {
  default: P;
  bands?: Partial<Record<Band, Partial<P>>>;
}

/** The schema of a version's parameters for a template: full default, partial per band, nothing else. */
export function parametersSchema(t: Template) {
  return z
    .object({
      default: t.params.strict(),
      bands: z.partialRecord(z.enum(BANDS), t.params.partial().strict()).optional(),
    })
    .strict();
}

/** The parameters each band runs with: the default overlaid with the band's own. */
export function effectiveParameters(p: Parameters): Record<Band | 'default', Record<string, unknown>> {
  const out = { default: { ...p.default } } as Record<Band | 'default', Record<string, unknown>>;
  for (const band of BANDS) out[band] = { ...p.default, ...(p.bands?.[band] ?? {}) };
  return out;
}

export const defineTemplate = <P extends Record<string, unknown>>(t: Template<P>): Template<P> => t;

export const money = () => z.number().min(0).max(1e12);
export const percent = () => z.number().min(0).max(1000);
export const days = () => z.number().int().min(0).max(3650);
