import type { Response } from 'express';
import { z } from 'zod';

const json = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

export const MAX_PAGE = 200;

/**
 * react-admin (ra-data-simple-rest) list parameters: sort=["field","ASC"], range=[0,24], filter={...}.
 * `filter` is validated by the resource's own schema.
 */
export function listQuery<F extends z.ZodType, S extends readonly [string, ...string[]]>(filter: F, sortable: S) {
  return z.object({
    sort: json(z.tuple([z.enum(sortable), z.enum(['ASC', 'DESC'])])).optional(),
    range: json(
      z
        .tuple([z.number().int().min(0), z.number().int().min(0)])
        .refine(([a, b]) => b >= a && b - a < MAX_PAGE, `at most ${MAX_PAGE} rows, end not before start`),
    ).optional(),
    filter: json(filter).optional(),
  });
}

export function page(range: [number, number] | undefined): { skip: number; take: number } {
  const [start, end] = range ?? [0, 24];
  return { skip: start, take: end - start + 1 };
}

/** Sets the Content-Range header react-admin reads for the total. */
export function sendRange(res: Response, resource: string, skip: number, count: number, total: number): void {
  const end = count === 0 ? skip : skip + count - 1;
  res.setHeader('Content-Range', `${resource} ${skip}-${end}/${total}`);
}

/**
 * A case-insensitive substring filter for a user's search text. LIKE's wildcards in the text are
 * escaped, so `100%` finds "100%" and not everything starting with "100".
 */
export function textContains(q: string): { contains: string; mode: 'insensitive' } {
  return { contains: q.replace(/[\\%_]/g, '\\$&'), mode: 'insensitive' };
}
