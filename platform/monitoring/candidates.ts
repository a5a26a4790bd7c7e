// Runs the compiled scenario queries: one statement for the few inline rules of an arriving transaction,
// one per version for sweeps and backtests. Returns what each version found, refined by the checks SQL
// cannot make.
import { createHash } from 'node:crypto';
import { effectiveParameters } from './templates';
import { CANDIDATE_COLUMNS, Sql, bandsCte, type Candidate, type Scope } from './sql';
import type { Queryable, ScenarioVersion } from './versions';

/** The SQL of one version over a scope (exported for the docs and the tests that print it). */
export function compile(version: ScenarioVersion, scope: Scope, sql = new Sql()): { text: string; values: unknown[] } {
  const { template } = version;
  if (!template.query) throw new Error(`Template ${template.id} has no query`);
  const bands = bandsCte(sql, effectiveParameters(version.parameters));
  return { text: template.query(sql, bands, scope), values: sql.values };
}

export type Found = Map<string, Candidate[]>;

function refine(version: ScenarioVersion, rows: Candidate[]): Candidate[] {
  return version.template.refine ? version.template.refine(rows) : rows;
}

/** Every version's candidates over the scope, in one statement (UNION ALL). For a handful of cheap queries. */
export async function findTogether(db: Queryable, versions: ScenarioVersion[], scope: Scope): Promise<Found> {
  const found: Found = new Map(versions.map((v) => [v.id, []]));
  const runnable = versions.filter((v) => v.template.query);
  if (!runnable.length) return found;
  const sql = new Sql();
  const parts = runnable.map((v) => `SELECT ${sql.v(v.id)}::uuid AS version_id, x.* FROM (${compile(v, scope, sql).text}) x`);
  const text = parts.join('\nUNION ALL\n');
  // a named (prepared) statement: planning these joins costs more than running them on one transaction,
  // and the text only changes when a version is published, so each connection plans it once
  const name = `monitoring_inline_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  const { rows } = await db.query<Candidate & { version_id: string }>({ name, text, values: sql.values });
  for (const v of runnable)
    found.set(
      v.id,
      refine(
        v,
        rows.filter((r) => r.version_id === v.id),
      ),
    );
  return found;
}

/** Each version's candidates over the scope, one statement per version. For sweeps over many clients. */
export async function findEach(
  db: Queryable,
  versions: ScenarioVersion[],
  scope: Scope,
  beat: () => void = () => undefined,
): Promise<Found> {
  const found: Found = new Map();
  for (const v of versions) {
    if (!v.template.query) continue;
    beat();
    const { text, values } = compile(v, scope);
    const { rows } = await db.query<Candidate>(`SELECT ${CANDIDATE_COLUMNS} FROM (${text}) x`, values);
    found.set(v.id, refine(v, rows));
  }
  return found;
}
