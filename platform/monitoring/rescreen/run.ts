// Re-screening runs in batches, each one database transaction guarded by the cursor it started from (as
// sweeps are): a batch retried after it committed changes nothing. A delta run goes through the entries a
// list version added, changed or removed; a full run through every client. New matches become alerts of
// the sanctions_match scenario (grouped into the client's AML case); matches of removed entries are
// withdrawn, and so are their alerts.
import type pg from 'pg';
import type { PrismaClient } from '@prisma/client';
import { inTransaction } from '../../db';
import { computeDelta } from '../../screening/delta';
import type { ScreeningIndex } from '../../screening/index';
import type { AlertRow } from '../alerts';
import { SANCTIONS_SCENARIO, templateOf } from '../templates';
import { versionsInForce, type Queryable, type ScenarioVersion } from '../versions';
import { BOOK_COLUMNS, BOOK_FROM, loadEntries, matchEntries, search, type BookClient, type Match, type MatchStats } from './match';

export type RescreenKind = 'delta' | 'full';

export async function createRun(
  prisma: PrismaClient,
  r: { id: string; kind: RescreenKind; versionId?: string | null; workflowId: string; requestedById?: string | null },
): Promise<void> {
  if (r.kind === 'delta') await computeDelta(prisma, r.versionId!);
  const total =
    r.kind === 'delta' ? await prisma.sanctionListDelta.count({ where: { versionId: r.versionId! } }) : await prisma.client.count();
  await prisma.rescreenRun.createMany({
    data: [
      { id: r.id, kind: r.kind, versionId: r.versionId ?? null, workflowId: r.workflowId, requestedById: r.requestedById ?? null, total },
    ],
    skipDuplicates: true,
  });
}

export interface RescreenBatch {
  cursor: string | null;
  done: boolean;
  alerts: AlertRow[];
  withdrawn: { id: string; case_id: string | null }[];
}

async function scenario(db: Queryable): Promise<ScenarioVersion> {
  const [v] = await versionsInForce(db, { scenarioIds: [SANCTIONS_SCENARIO] });
  if (!v) throw new Error('the sanctions_match scenario has no version in force');
  return v;
}

/** Stores matches; the ones that are new (or listed again) become alerts. */
async function recordMatches(db: Queryable, runId: string, matches: Match[], v: ScenarioVersion, now: Date): Promise<AlertRow[]> {
  const t = templateOf(SANCTIONS_SCENARIO)!;
  const alerts: AlertRow[] = [];
  for (const m of matches) {
    const { hit } = m;
    const fresh = await db.query<{ client_id: string }>(
      `INSERT INTO screening_matches (client_id, source, entry_id, score, entry_name, explanation, version_id, run_id)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)
       ON CONFLICT (client_id, source, entry_id) DO UPDATE SET status = 'open', withdrawn_at = NULL, score = EXCLUDED.score, entry_name = EXCLUDED.entry_name,
         explanation = EXCLUDED.explanation, version_id = EXCLUDED.version_id, run_id = EXCLUDED.run_id
       WHERE screening_matches.status = 'withdrawn' RETURNING client_id`,
      [m.clientId, hit.list, hit.entryId, hit.score, hit.name, JSON.stringify(hit.explanation), m.versionId, runId],
    );
    if (!fresh.rowCount) continue;
    const evidence = {
      scenario: v.scenarioId,
      scenarioName: t.name,
      redFlag: t.description,
      version: v.version,
      band: 'default',
      thresholds: v.parameters.default,
      currency: 'USD',
      window: { start: now, end: now },
      aggregates: {
        source: hit.list,
        entryId: hit.entryId,
        entryName: hit.name,
        schema: hit.schema,
        score: hit.score,
        matchedName: hit.matchedName,
        listVersionId: m.versionId,
      },
      explanation: hit.explanation,
      transactions: [],
    };
    const { rows } = await db.query<AlertRow>(
      `INSERT INTO monitoring_alerts (scenario_id, scenario_version_id, scenario_version, client_id, window_key, window_start, window_end, evidence, source)
       VALUES ($1, $2, $3, $4, $5, $6, $6, $7::jsonb, 'rescreen') ON CONFLICT DO NOTHING RETURNING *`,
      [v.scenarioId, v.id, v.version, m.clientId, `${hit.list}:${hit.entryId}@${m.versionId}`, now, JSON.stringify(evidence)],
    );
    for (const a of rows) {
      await db.query('UPDATE screening_matches SET alert_id = $4 WHERE client_id = $1 AND source = $2 AND entry_id = $3', [
        m.clientId,
        hit.list,
        hit.entryId,
        a.id,
      ]);
      alerts.push(a);
    }
  }
  return alerts;
}

/** Matches of entries that left a list are withdrawn, with their alerts not yet decided. */
async function withdraw(db: Queryable, source: string, entryIds: string[]) {
  if (!entryIds.length) return [];
  const { rows } = await db.query<{ alert_id: string | null }>(
    `UPDATE screening_matches SET status = 'withdrawn', withdrawn_at = now() WHERE source = $1 AND entry_id = ANY($2::text[]) AND status = 'open' RETURNING alert_id`,
    [source, entryIds],
  );
  const ids = rows.map((r) => r.alert_id).filter((x): x is string => !!x);
  if (!ids.length) return [];
  return (
    await db.query<{ id: string; case_id: string | null }>(
      `UPDATE monitoring_alerts SET status = 'withdrawn', updated_at = now() WHERE id = ANY($1::uuid[]) AND status IN ('new', 'open') RETURNING id, case_id`,
      [ids],
    )
  ).rows;
}

type RunRow = { id: string; kind: RescreenKind; version_id: string | null; status: string; cursor: string | null };

async function guarded(
  pool: pg.Pool,
  runId: string,
  after: string | null,
  work: (db: pg.PoolClient, run: RunRow) => Promise<RescreenBatch & { n: number; matchesNew: number }>,
): Promise<RescreenBatch> {
  return inTransaction(pool, async (db) => {
    const { rows } = await db.query<RunRow>('SELECT * FROM rescreen_runs WHERE id = $1 FOR UPDATE', [runId]);
    const run = rows[0];
    if (!run) throw new Error(`re-screening run ${runId} not found`);
    if (run.status !== 'running' || run.cursor !== after)
      return { cursor: run.cursor, done: run.status !== 'running' || run.cursor === '\uffff', alerts: [], withdrawn: [] };
    const r = await work(db, run);
    await db.query(
      `UPDATE rescreen_runs SET cursor = $2, done = done + $3, matches_new = matches_new + $4, matches_withdrawn = matches_withdrawn + $5 WHERE id = $1`,
      [runId, r.done ? '\uffff' : r.cursor, r.n, r.matchesNew, r.withdrawn.length],
    );
    return { cursor: r.done ? '\uffff' : r.cursor, done: r.done, alerts: r.alerts, withdrawn: r.withdrawn };
  });
}

/** The next `size` changed entries of the run's list version. */
export function deltaBatch(
  pool: pg.Pool,
  prisma: PrismaClient,
  input: { runId: string; after: string | null; size: number; now?: Date; stats?: MatchStats },
): Promise<RescreenBatch> {
  return guarded(pool, input.runId, input.after, async (db, run) => {
    const { rows } = await db.query<{ entry_id: string; change: string; source: string }>(
      `SELECT d.entry_id, d.change, v.source FROM sanction_list_deltas d JOIN sanction_list_versions v ON v.id = d.version_id
        WHERE d.version_id = $1 AND ($2::text IS NULL OR d.entry_id > $2) ORDER BY d.entry_id LIMIT $3`,
      [run.version_id, input.after, input.size],
    );
    if (!rows.length) return { cursor: input.after, done: true, alerts: [], withdrawn: [], n: 0, matchesNew: 0 };
    const v = await scenario(db);
    const minScore = Number(v.parameters.default.minScore);
    const changed = rows.filter((r) => r.change !== 'removed').map((r) => r.entry_id);
    const entries = await loadEntries(prisma, run.version_id!, changed);
    const matches = await matchEntries(
      db,
      entries.map((entry) => ({ entry, versionId: run.version_id! })),
      minScore,
      input.stats,
    );
    const alerts = await recordMatches(db, run.id, matches, v, input.now ?? new Date());
    const withdrawn = await withdraw(
      db,
      rows[0].source,
      rows.filter((r) => r.change === 'removed').map((r) => r.entry_id),
    );
    const last = rows[rows.length - 1].entry_id;
    return { cursor: last, done: rows.length < input.size, alerts, withdrawn, n: rows.length, matchesNew: alerts.length };
  });
}

/** The next `size` clients against every entry of the latest lists (`index`, with their version ids). */
export function fullBatch(
  pool: pg.Pool,
  input: { runId: string; after: string | null; size: number; index: ScreeningIndex; now?: Date },
): Promise<RescreenBatch> {
  return guarded(pool, input.runId, input.after, async (db, run) => {
    const { rows } = await db.query<BookClient>(
      `SELECT ${BOOK_COLUMNS} FROM ${BOOK_FROM} WHERE ($1::text IS NULL OR c.id > $1) ORDER BY c.id LIMIT $2`,
      [input.after, input.size],
    );
    if (!rows.length) return { cursor: input.after, done: true, alerts: [], withdrawn: [], n: 0, matchesNew: 0 };
    const v = await scenario(db);
    const minScore = Number(v.parameters.default.minScore);
    const versionOf = new Map(input.index.versions.map((x) => [x.source as string, x.versionId]));
    const matches = rows.flatMap((c) =>
      search(input.index, c, minScore).map((hit) => ({ clientId: c.id, hit, versionId: versionOf.get(hit.list)! })),
    );
    const alerts = await recordMatches(db, run.id, matches, v, input.now ?? new Date());
    return {
      cursor: rows[rows.length - 1].id,
      done: rows.length < input.size,
      alerts,
      withdrawn: [],
      n: rows.length,
      matchesNew: alerts.length,
    };
  });
}

export async function finishRun(pool: pg.Pool, runId: string, error?: string): Promise<void> {
  await pool.query(`UPDATE rescreen_runs SET status = $2, error = $3, finished_at = now() WHERE id = $1 AND status = 'running'`, [
    runId,
    error ? 'failed' : 'completed',
    error ?? null,
  ]);
}
