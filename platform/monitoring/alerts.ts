// From candidates to alerts: suppression, one alert per pattern window (a pattern that goes on inside an
// alerted window is the same alert, whatever version found it), the evidence an investigator reads, and
// the insert that the unique key (scenario version, client, window) makes idempotent. Backtests write
// the same rows to monitoring_backtest_hits instead.
import type { Candidate } from './sql';
import type { Found } from './candidates';
import { applySuppression, type Suppressed } from './suppression';
import type { Queryable, ScenarioVersion } from './versions';

export interface AlertRow {
  id: string;
  scenario_id: string;
  scenario_version_id: string;
  scenario_version: number;
  client_id: string;
  window_key: string;
  window_start: Date;
  window_end: Date;
  transaction_ids: string[];
  evidence: Record<string, unknown>;
  status: string;
  source: string;
  sweep_id: string | null;
  case_id: string | null;
  created_at: Date;
}

type Window = { client_id: string; window_key: string; window_start: Date; window_end: Date };

const overlaps = (byWindow: boolean, a: Window, b: Window) =>
  byWindow ? a.window_start <= b.window_end && b.window_start <= a.window_end : a.window_key === b.window_key;

/** Earliest first, a candidate stands when no alert (existing or just taken) covers its window. */
export function pickWindows(version: ScenarioVersion, candidates: Candidate[], existing: Window[]): Candidate[] {
  const byWindow = version.template.dedupeByWindow;
  const taken = new Map<string, Window[]>();
  for (const e of existing) taken.set(e.client_id, [...(taken.get(e.client_id) ?? []), e]);
  const sorted = [...candidates].sort((a, b) => +a.anchor_at - +b.anchor_at || a.anchor_id.localeCompare(b.anchor_id));
  const out: Candidate[] = [];
  for (const c of sorted) {
    const w = { client_id: c.client_id, window_key: c.anchor_id, window_start: c.window_start, window_end: c.window_end };
    const mine = taken.get(c.client_id) ?? [];
    if (mine.some((e) => overlaps(byWindow, e, w))) continue;
    taken.set(c.client_id, [...mine, w]);
    out.push(c);
  }
  return out;
}

/** Serialises alerting per client (inline ingest and sweeps alike) for the rest of the transaction. */
export async function lockClients(db: Queryable, clientIds: string[]): Promise<void> {
  if (!clientIds.length) return;
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('monitoring:' || id)) FROM unnest($1::text[]) AS id ORDER BY id`, [
    [...new Set(clientIds)].sort(),
  ]);
}

async function evidenceTransactions(db: Queryable, ids: string[]): Promise<Map<string, Record<string, unknown>>> {
  if (!ids.length) return new Map();
  const { rows } = await db.query<{ id: string } & Record<string, unknown>>(
    `SELECT t.id, t.source, t.external_id AS "externalId", t.type, t.method, t.status, t.amount::text AS amount, t.currency,
            round(t.amount * coalesce(fx.usd_rate, 1), 2)::text AS "usdAmount", t.booked_at AS "bookedAt",
            t.counterparty_name AS "counterpartyName", t.counterparty_country AS "counterpartyCountry"
       FROM transactions t LEFT JOIN monitoring_fx_rates fx ON fx.currency = upper(t.currency) WHERE t.id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

function evidenceOf(version: ScenarioVersion, c: Candidate, txs: Map<string, Record<string, unknown>>): Record<string, unknown> {
  const { template } = version;
  return {
    scenario: version.scenarioId,
    scenarioName: template.name,
    redFlag: template.description,
    version: version.version,
    band: c.band,
    thresholds: c.thresholds,
    aggregates: c.aggregates,
    currency: 'USD',
    window: { start: c.window_start, end: c.window_end },
    anchorTransactionId: c.anchor_id,
    transactions: c.transaction_ids.map((id) => txs.get(id) ?? { id }),
  };
}

export interface Outcome<T> {
  created: T[];
  suppressed: Suppressed[];
}

async function prepare(
  db: Queryable,
  versions: ScenarioVersion[],
  found: Found,
  now: Date | null,
  existingOf: (v: ScenarioVersion, clients: string[], from: Date) => Promise<Window[]>,
) {
  const suppressed: Suppressed[] = [];
  const picked: { version: ScenarioVersion; c: Candidate }[] = [];
  for (const version of versions) {
    const rows = found.get(version.id) ?? [];
    if (!rows.length) continue;
    // backtests (now = null) show what the rule finds, whatever is snoozed today
    const s = now ? await applySuppression(db, version.scenarioId, rows, now) : { kept: rows, suppressed: [] };
    suppressed.push(...s.suppressed);
    if (!s.kept.length) continue;
    const from = new Date(Math.min(...s.kept.map((r) => +r.window_start)));
    const existing = await existingOf(version, [...new Set(s.kept.map((r) => r.client_id))], from);
    for (const c of pickWindows(version, s.kept, existing)) picked.push({ version, c });
  }
  const txs = await evidenceTransactions(
    db,
    picked.flatMap((p) => p.c.transaction_ids),
  );
  return { suppressed, picked: picked.map((p) => ({ ...p, evidence: evidenceOf(p.version, p.c, txs) })) };
}

/**
 * Raises the alerts the candidates stand for. Call inside a transaction: clients are locked first, so
 * two evaluations of one client (an arriving transaction and a sweep) see each other's alerts.
 */
export async function raiseAlerts(
  db: Queryable,
  versions: ScenarioVersion[],
  found: Found,
  opts: { source: 'inline' | 'sweep'; sweepId?: string | null; now: Date },
): Promise<Outcome<AlertRow>> {
  await lockClients(
    db,
    [...found.values()].flat().map((c) => c.client_id),
  );
  const { suppressed, picked } = await prepare(
    db,
    versions,
    found,
    opts.now,
    async (v, clients, from) =>
      (
        await db.query<Window>(
          `SELECT client_id, window_key, window_start, window_end FROM monitoring_alerts WHERE scenario_id = $1 AND client_id = ANY($2::text[]) AND window_end >= $3`,
          [v.scenarioId, clients, from],
        )
      ).rows,
  );
  const created: AlertRow[] = [];
  for (const { version, c, evidence } of picked) {
    const { rows } = await db.query<AlertRow>(
      `INSERT INTO monitoring_alerts (scenario_id, scenario_version_id, scenario_version, client_id, window_key, window_start, window_end, transaction_ids, evidence, source, sweep_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid[], $9::jsonb, $10, $11)
       ON CONFLICT (scenario_version_id, client_id, window_key) DO NOTHING RETURNING *`,
      [
        version.scenarioId,
        version.id,
        version.version,
        c.client_id,
        c.anchor_id,
        c.window_start,
        c.window_end,
        c.transaction_ids,
        JSON.stringify(evidence),
        opts.source,
        opts.sweepId ?? null,
      ],
    );
    created.push(...rows);
  }
  return { created, suppressed };
}

/** What a backtest of these versions would have raised: hits, never alerts. */
export async function recordBacktestHits(db: Queryable, versions: ScenarioVersion[], found: Found, sweepId: string): Promise<number> {
  const { picked } = await prepare(
    db,
    versions,
    found,
    null,
    async (v, clients, from) =>
      (
        await db.query<Window>(
          `SELECT client_id, window_key, window_start, window_end FROM monitoring_backtest_hits
          WHERE sweep_id = $1 AND scenario_version_id = $2 AND client_id = ANY($3::text[]) AND window_end >= $4`,
          [sweepId, v.id, clients, from],
        )
      ).rows,
  );
  let n = 0;
  for (const { version, c, evidence } of picked) {
    const r = await db.query(
      `INSERT INTO monitoring_backtest_hits (sweep_id, scenario_version_id, client_id, window_key, window_start, window_end, transaction_ids, evidence)
       VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8::jsonb) ON CONFLICT DO NOTHING`,
      [sweepId, version.id, c.client_id, c.anchor_id, c.window_start, c.window_end, c.transaction_ids, JSON.stringify(evidence)],
    );
    n += r.rowCount ?? 0;
  }
  return n;
}
