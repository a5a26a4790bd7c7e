// Sweeps and backtests in batches of client-id ranges. Each batch is one database transaction that finds
// the patterns of its clients, raises the alerts (or backtest hits) and moves the sweep's cursor, guarded
// by the cursor it started from: a batch retried after it committed (a worker killed before reporting)
// changes nothing and answers where the sweep stands, so nothing is lost and nothing is created twice.
import type pg from 'pg';
import type { PrismaClient } from '@prisma/client';
import { inTransaction } from '../db';
import { raiseAlerts, recordBacktestHits, type AlertRow } from './alerts';
import { findEach } from './candidates';
import { versionsById, versionsInForce, type Queryable } from './versions';

export type SweepKind = 'scheduled' | 'on_demand' | 'backtest';

export interface SweepRequest {
  id: string;
  kind: SweepKind;
  from: Date;
  to: Date;
  clientIds?: string[] | null;
  scenarioId?: string | null;
  versionIds?: string[];
  workflowId: string;
  requestedById?: string | null;
}

/** Creates the sweep's row (idempotent by id) with the number of clients it will look at. */
export async function createSweep(prisma: PrismaClient, r: SweepRequest): Promise<void> {
  const clientIds = r.clientIds?.length ? [...new Set(r.clientIds)].sort() : null;
  const totalClients = clientIds ? await prisma.client.count({ where: { id: { in: clientIds } } }) : await prisma.client.count();
  await prisma.monitoringSweep.createMany({
    data: [
      {
        id: r.id,
        kind: r.kind,
        fromAt: r.from,
        toAt: r.to,
        clientIds: clientIds ?? undefined,
        scenarioId: r.scenarioId ?? null,
        versionIds: r.versionIds ?? [],
        workflowId: r.workflowId,
        requestedById: r.requestedById ?? null,
        totalClients,
      },
    ],
    skipDuplicates: true,
  });
}

interface SweepRow {
  id: string;
  kind: SweepKind;
  status: string;
  from_at: Date;
  to_at: Date;
  client_ids: string[] | null;
  version_ids: string[];
  cursor: string | null;
}

/** The next `size` client ids after `after` in the sweep's scope. */
async function nextClients(db: Queryable, s: SweepRow, after: string | null, size: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM clients WHERE ($1::text IS NULL OR id > $1) AND ($2::text[] IS NULL OR id = ANY($2)) ORDER BY id LIMIT $3`,
    [after, s.client_ids, size],
  );
  return rows.map((r) => r.id);
}

export interface BatchResult {
  /** the last client id the sweep has covered */
  cursor: string | null;
  done: boolean;
  /** alerts this batch raised (to route into cases) */
  alerts: AlertRow[];
}

/** Versions a sweep runs: every rule in force (inline ones too, as a safety net), or the backtest's. */
async function versionsFor(db: Queryable, s: SweepRow) {
  return s.kind === 'backtest' ? versionsById(db, s.version_ids) : versionsInForce(db, { executions: ['window', 'inline'] });
}

export async function runBatch(
  pool: pg.Pool,
  input: { sweepId: string; after: string | null; size: number; now?: Date; beat?: () => void },
): Promise<BatchResult> {
  return inTransaction(pool, async (db) => {
    const { rows } = await db.query<SweepRow>('SELECT * FROM monitoring_sweeps WHERE id = $1 FOR UPDATE', [input.sweepId]);
    const s = rows[0];
    if (!s) throw new Error(`sweep ${input.sweepId} not found`);
    if (s.status !== 'running' || s.cursor !== input.after) {
      // this batch committed before (its report was lost): where the sweep stands now
      const more = s.status === 'running' && (await nextClients(db, s, s.cursor, 1)).length > 0;
      return { cursor: s.cursor, done: !more, alerts: [] };
    }
    const clients = await nextClients(db, s, input.after, input.size);
    if (!clients.length) return { cursor: s.cursor, done: true, alerts: [] };
    const upTo = clients[clients.length - 1];
    const versions = await versionsFor(db, s);
    const found = await findEach(
      db,
      versions,
      { kind: 'range', from: s.from_at, to: s.to_at, after: input.after, upTo, clientIds: s.client_ids ?? undefined },
      input.beat,
    );
    let alerts: AlertRow[] = [];
    let created: number;
    if (s.kind === 'backtest') created = await recordBacktestHits(db, versions, found, s.id);
    else {
      alerts = (await raiseAlerts(db, versions, found, { source: 'sweep', sweepId: s.id, now: input.now ?? new Date() })).created;
      created = alerts.length;
    }
    await db.query(
      `UPDATE monitoring_sweeps SET cursor = $2, batches_done = batches_done + 1, clients_done = clients_done + $3, alerts_created = alerts_created + $4 WHERE id = $1`,
      [s.id, upTo, clients.length, created],
    );
    return { cursor: upTo, done: clients.length < input.size, alerts };
  });
}

/** A backtest's comparison: alerts per version, and which (client, window) only one version finds. */
export async function backtestResult(db: Queryable, sweepId: string, versionIds: string[], sample = 50) {
  const { rows } = await db.query<{
    scenario_version_id: string;
    client_id: string;
    window_key: string;
    window_start: Date;
    window_end: Date;
  }>('SELECT scenario_version_id, client_id, window_key, window_start, window_end FROM monitoring_backtest_hits WHERE sweep_id = $1', [
    sweepId,
  ]);
  const versions = await versionsById(db, versionIds);
  const keyOf = (r: { client_id: string; window_key: string }) => `${r.client_id}/${r.window_key}`;
  const sets = versionIds.map((id) => new Map(rows.filter((r) => r.scenario_version_id === id).map((r) => [keyOf(r), r])));
  const summary = versionIds.map((id, i) => ({
    versionId: id,
    version: versions.find((v) => v.id === id)?.version ?? null,
    alerts: sets[i].size,
    clients: new Set([...sets[i].values()].map((r) => r.client_id)).size,
  }));
  if (versionIds.length < 2) return { versions: summary, both: null, onlyDraft: null, onlyPublished: null };
  const [draft, published] = sets;
  const only = (a: typeof draft, b: typeof draft) => [...a.values()].filter((r) => !b.has(keyOf(r)));
  const view = (r: (typeof rows)[number]) => ({
    clientId: r.client_id,
    windowKey: r.window_key,
    windowStart: r.window_start,
    windowEnd: r.window_end,
  });
  const onlyDraft = only(draft, published);
  const onlyPublished = only(published, draft);
  return {
    versions: summary,
    both: [...draft.keys()].filter((k) => published.has(k)).length,
    onlyDraft: { count: onlyDraft.length, sample: onlyDraft.slice(0, sample).map(view) },
    onlyPublished: { count: onlyPublished.length, sample: onlyPublished.slice(0, sample).map(view) },
  };
}

export async function finishSweep(pool: pg.Pool, sweepId: string): Promise<void> {
  const { rows } = await pool.query<SweepRow>('SELECT * FROM monitoring_sweeps WHERE id = $1', [sweepId]);
  const s = rows[0];
  const result = s.kind === 'backtest' ? await backtestResult(pool, sweepId, s.version_ids) : null;
  await pool.query(
    `UPDATE monitoring_sweeps SET status = 'completed', finished_at = coalesce(finished_at, now()), result = $2 WHERE id = $1 AND status = 'running'`,
    [sweepId, result && JSON.stringify(result)],
  );
}

export async function failSweep(pool: pg.Pool, sweepId: string, error: string): Promise<void> {
  await pool.query(`UPDATE monitoring_sweeps SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1 AND status = 'running'`, [
    sweepId,
    error.slice(0, 2000),
  ]);
}
