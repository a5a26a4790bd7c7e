import type pg from 'pg';
import { inTransaction } from '../../platform/db';
import type { CaseProjection, ProjectionBatch, TaskProjection } from '../../workflows/engine/types';
import { appendEvents } from '../../platform/timeline';
import { sanitizeText } from '../../platform/text';
import { writeNotifications } from './notifications';
import { LIVE_CHANNEL } from '../../platform/live';

const ts = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms));

/** The case's reference, numbered on its first write from the counter of its prefix and year. */
async function referenceOf(client: pg.PoolClient, c: CaseProjection): Promise<string> {
  const existing = await client.query<{ reference: string }>('SELECT reference FROM cases WHERE id = $1', [c.id]);
  if (existing.rows[0]) return existing.rows[0].reference;
  const year = new Date(c.openedAt).getUTCFullYear();
  // The counter row is locked until this transaction ends, so numbers are handed out without gaps.
  const { rows } = await client.query<{ last: number }>(
    `INSERT INTO case_reference_counters (prefix, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (prefix, year) DO UPDATE SET last = case_reference_counters.last + 1 RETURNING last`,
    [c.referencePrefix, year],
  );
  return `${c.referencePrefix}-${year}-${String(rows[0].last).padStart(6, '0')}`;
}

// Guarded upserts: a row is replaced only by a snapshot with a higher revision, so a retried or
// overtaken write never turns the projection back.
async function upsertCase(client: pg.PoolClient, c: CaseProjection): Promise<string> {
  // serialises the writers of one case, so its first write numbers it once
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [c.id]);
  const reference = await referenceOf(client, c);
  await client.query(
    `INSERT INTO cases (id, type, workflow_id, reference, client_id, branch_id, team_id, status, state, summary, attributes,
       priority, assignee_id, opened_by_id, due_at, at_risk_at, sla_paused_at, escalation_level, opened_at, closed_at,
       breached_at, revision, lead_id, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23, now())
     ON CONFLICT (id) DO UPDATE SET client_id = coalesce(EXCLUDED.client_id, cases.client_id), status = EXCLUDED.status, state = EXCLUDED.state, summary = EXCLUDED.summary,
       attributes = EXCLUDED.attributes, priority = EXCLUDED.priority, assignee_id = EXCLUDED.assignee_id,
       due_at = EXCLUDED.due_at, at_risk_at = EXCLUDED.at_risk_at, sla_paused_at = EXCLUDED.sla_paused_at,
       escalation_level = EXCLUDED.escalation_level, closed_at = EXCLUDED.closed_at, breached_at = EXCLUDED.breached_at,
       revision = EXCLUDED.revision, updated_at = now()
     WHERE cases.revision < EXCLUDED.revision`,
    [
      c.id,
      c.type,
      c.workflowId,
      reference,
      c.clientId,
      c.branchId,
      c.teamId,
      c.status,
      c.state,
      c.summary ?? null,
      JSON.stringify(c.attributes ?? {}),
      c.priority,
      c.assigneeId,
      c.openedById,
      ts(c.dueAt),
      ts(c.atRiskAt),
      ts(c.slaPausedAt),
      c.escalationLevel,
      ts(c.openedAt),
      ts(c.closedAt),
      ts(c.breachedAt),
      c.revision,
      c.leadId ?? null,
    ],
  );
  return reference;
}

async function upsertTask(client: pg.PoolClient, t: TaskProjection): Promise<boolean> {
  const { rowCount } = await client.query(
    `INSERT INTO tasks (id, case_id, case_type, step, status, team_id, required_roles, assignee_id, priority, due_at,
       at_risk_at, breach_at, escalation_level, outcome, completed_by_id, created_at, claimed_at, completed_at, revision,
       branch_id, allowed_outcomes)
     VALUES ($1,$2,$3,$4,$5,$6,$7::text[],$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21::text[])
     ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, assignee_id = EXCLUDED.assignee_id,
       priority = EXCLUDED.priority, escalation_level = EXCLUDED.escalation_level, outcome = EXCLUDED.outcome,
       completed_by_id = EXCLUDED.completed_by_id, claimed_at = EXCLUDED.claimed_at,
       completed_at = EXCLUDED.completed_at, revision = EXCLUDED.revision, allowed_outcomes = EXCLUDED.allowed_outcomes
     WHERE tasks.revision < EXCLUDED.revision`,
    [
      t.id,
      t.caseId,
      t.caseType,
      t.step,
      t.status,
      t.teamId,
      t.roles,
      t.assigneeId,
      t.priority,
      ts(t.dueAt),
      ts(t.atRiskAt),
      ts(t.breachAt),
      t.escalationLevel,
      t.outcome === null ? null : JSON.stringify(t.outcome),
      t.completedById,
      ts(t.createdAt),
      ts(t.claimedAt),
      ts(t.completedAt),
      t.revision,
      t.branchId,
      t.outcomes ?? [],
    ],
  );
  if (rowCount) {
    await client.query('SELECT pg_notify($1, $2)', [
      LIVE_CHANNEL,
      JSON.stringify({
        kind: 'task',
        id: t.id,
        status: t.status,
        assigneeId: t.assigneeId,
        teamId: t.teamId,
        caseType: t.caseType,
        branchId: t.branchId,
      }),
    ]);
  }
  return rowCount === 1;
}

/** Writes what one workflow transition changed, all or nothing. Safe to retry. Answers the case's reference. */
export async function applyProjection(pool: pg.Pool, input: ProjectionBatch): Promise<{ reference: string | null }> {
  const batch = input.sanitize ? sanitizeText(input) : input;
  return inTransaction(pool, async (client) => {
    const reference = batch.case ? await upsertCase(client, batch.case) : null;
    for (const t of batch.tasks ?? []) await upsertTask(client, t);
    if (batch.events?.length) await appendEvents(client, batch.events);
    const notifications = (batch.notifications ?? []).map((n) =>
      reference && n.caseId === batch.case?.id ? { ...n, data: { ...n.data, reference } } : n,
    );
    if (notifications.length) await writeNotifications(client, notifications);
    return { reference };
  });
}
