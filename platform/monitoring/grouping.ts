// Alerts of one client group into one open AML case. The rule is the database's: aml_case_groups has a
// partial unique index on open groups per client, so claiming a group is one INSERT ... ON CONFLICT, and
// two routers racing for a client end up in the same group (never a read-then-write).
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { auditIn } from '../audit';
import { inTransaction } from '../db';
import type { Queryable } from './versions';

/** Starts the case's workflow or tells the running one about more alerts (signal-with-start). */
export type CaseStarter = (c: { caseId: string; clientId: string; alertIds: string[] }) => Promise<void>;

/** The open group of the client, created when there is none; the alerts that were new join it. */
export async function claimGroup(
  db: Queryable,
  clientId: string,
  alertIds: string[],
): Promise<{ caseId: string; created: boolean; attached: string[] }> {
  for (let attempt = 0; ; attempt++) {
    const fresh = randomUUID();
    const ins = await db.query<{ case_id: string }>(
      `INSERT INTO aml_case_groups (case_id, client_id) VALUES ($1, $2) ON CONFLICT (client_id) WHERE status = 'open' DO NOTHING RETURNING case_id`,
      [fresh, clientId],
    );
    let caseId = ins.rows[0]?.case_id;
    const created = !!caseId;
    if (!caseId) {
      // FOR SHARE waits for a closing group to commit and then skips it: we try again for a new one
      const open = await db.query<{ case_id: string }>(
        `SELECT case_id FROM aml_case_groups WHERE client_id = $1 AND status = 'open' FOR SHARE`,
        [clientId],
      );
      caseId = open.rows[0]?.case_id;
      if (!caseId) {
        if (attempt > 5) throw new Error(`could not claim an AML case group for ${clientId}`);
        continue;
      }
    }
    const attached = await db.query<{ id: string }>(
      `UPDATE monitoring_alerts SET case_id = $1, status = 'open', updated_at = now() WHERE id = ANY($2::uuid[]) AND case_id IS NULL AND status = 'new' RETURNING id`,
      [caseId, alertIds],
    );
    if (created)
      await auditIn(db, {
        actorId: null,
        action: 'aml_case_opened',
        entity: 'case',
        entityId: caseId,
        data: { clientId, alertIds: attached.rows.map((r) => r.id) },
      });
    return { caseId, created, attached: attached.rows.map((r) => r.id) };
  }
}

/**
 * Routes alerts into their clients' open cases (one transaction per client), then starts or signals the
 * case workflows. Alerts left unrouted by a crash between the two are routed by the next call of
 * routePending; groups whose workflow never started are started by resumeOrphanGroups.
 */
export async function routeAlerts(
  pool: pg.Pool,
  start: CaseStarter,
  alerts: { id: string; client_id: string }[],
): Promise<Map<string, string>> {
  const byClient = new Map<string, string[]>();
  for (const a of alerts) byClient.set(a.client_id, [...(byClient.get(a.client_id) ?? []), a.id]);
  const caseOf = new Map<string, string>();
  for (const [clientId, ids] of byClient) {
    const g = await inTransaction(pool, (db) => claimGroup(db, clientId, ids));
    if (g.attached.length) await start({ caseId: g.caseId, clientId, alertIds: g.attached });
    for (const id of g.attached) caseOf.set(id, g.caseId);
  }
  return caseOf;
}

/** Alerts not yet in a case (a router stopped between storing and routing them), oldest first. */
export async function routePending(pool: pg.Pool, start: CaseStarter, limit = 1000): Promise<number> {
  const { rows } = await pool.query<{ id: string; client_id: string }>(
    `SELECT id, client_id FROM monitoring_alerts WHERE case_id IS NULL AND status = 'new' ORDER BY created_at LIMIT $1`,
    [limit],
  );
  await routeAlerts(pool, start, rows);
  return rows.length;
}

/** Open groups older than a minute with no case row: their workflow start was lost; start it again. */
export async function resumeOrphanGroups(pool: pg.Pool, start: CaseStarter): Promise<number> {
  const { rows } = await pool.query<{ case_id: string; client_id: string; alert_ids: string[] }>(
    `SELECT g.case_id, g.client_id, coalesce(array_agg(a.id) FILTER (WHERE a.id IS NOT NULL), '{}') AS alert_ids
       FROM aml_case_groups g LEFT JOIN monitoring_alerts a ON a.case_id = g.case_id
      WHERE g.status = 'open' AND g.opened_at < now() - interval '1 minute' AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = g.case_id)
      GROUP BY g.case_id, g.client_id`,
  );
  for (const r of rows) if (r.alert_ids.length) await start({ caseId: r.case_id, clientId: r.client_id, alertIds: r.alert_ids });
  return rows.length;
}

/**
 * Finishes routing the given alerts, as far as a crash or an outage left it undone: those still new are
 * routed, and those in an open group whose case has no row yet have the case's workflow started (or
 * signalled: the workflow ignores alerts it holds already). For a sender's repeat of a request whose
 * answer it never got; throws when the engine cannot be reached, so that the sender tries again.
 */
export async function finishRouting(pool: pg.Pool, start: CaseStarter, alertIds: string[]): Promise<void> {
  if (!alertIds.length) return;
  const fresh = await pool.query<{ id: string; client_id: string }>(
    `SELECT id, client_id FROM monitoring_alerts WHERE id = ANY($1::uuid[]) AND case_id IS NULL AND status = 'new' ORDER BY created_at`,
    [alertIds],
  );
  await routeAlerts(pool, start, fresh.rows);
  const { rows } = await pool.query<{ case_id: string; client_id: string; alert_ids: string[] }>(
    `SELECT g.case_id, g.client_id, array_agg(a.id ORDER BY a.created_at) AS alert_ids
       FROM aml_case_groups g JOIN monitoring_alerts a ON a.case_id = g.case_id
      WHERE g.status = 'open' AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = g.case_id)
        AND g.case_id IN (SELECT case_id FROM monitoring_alerts WHERE id = ANY($1::uuid[]))
      GROUP BY g.case_id, g.client_id`,
    [alertIds],
  );
  for (const r of rows) await start({ caseId: r.case_id, clientId: r.client_id, alertIds: r.alert_ids });
}
