import type pg from 'pg';
import { inTransaction } from '../../api/db';
import type { CaseProjection, ProjectionBatch, TaskProjection } from '../../workflows/engine/types';
import { appendEvents } from './timeline';
import { LIVE_CHANNEL, writeNotifications } from './notifications';

const ts = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms));

// Guarded upserts: a row is replaced only by a snapshot with a higher revision, so a retried or
// overtaken write never turns the projection back.
async function upsertCase(client: pg.PoolClient, c: CaseProjection): Promise<void> {
  await client.query(
    `INSERT INTO cases (id, type, workflow_id, client_id, branch_id, team_id, status, state, channel, category,
       severity, description, priority, assignee_id, opened_by_id, due_at, at_risk_at, sla_paused_at, root_cause,
       resolution, reopen_count, escalation_level, opened_at, closed_at, breached_at, revision, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26, now())
     ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, state = EXCLUDED.state, severity = EXCLUDED.severity, priority = EXCLUDED.priority,
       assignee_id = EXCLUDED.assignee_id, due_at = EXCLUDED.due_at, at_risk_at = EXCLUDED.at_risk_at,
       sla_paused_at = EXCLUDED.sla_paused_at, root_cause = EXCLUDED.root_cause, resolution = EXCLUDED.resolution,
       reopen_count = EXCLUDED.reopen_count, escalation_level = EXCLUDED.escalation_level,
       closed_at = EXCLUDED.closed_at, breached_at = EXCLUDED.breached_at, revision = EXCLUDED.revision,
       updated_at = now()
     WHERE cases.revision < EXCLUDED.revision`,
    [
      c.id, c.type, c.workflowId, c.clientId, c.branchId, c.teamId, c.status, c.state, c.channel ?? null,
      c.category ?? null, c.severity ?? null, c.description ?? null, c.priority, c.assigneeId, c.openedById,
      ts(c.dueAt), ts(c.atRiskAt), ts(c.slaPausedAt), c.rootCause ?? null, c.resolution ?? null, c.reopenCount,
      c.escalationLevel, ts(c.openedAt), ts(c.closedAt), ts(c.breachedAt), c.revision,
    ],
  );
}

async function upsertTask(client: pg.PoolClient, t: TaskProjection): Promise<boolean> {
  const { rowCount } = await client.query(
    `INSERT INTO tasks (id, case_id, case_type, step, status, team_id, required_roles, assignee_id, priority, due_at,
       at_risk_at, breach_at, escalation_level, outcome, completed_by_id, created_at, claimed_at, completed_at, revision,
       branch_id)
     VALUES ($1,$2,$3,$4,$5,$6,$7::"Role"[],$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20)
     ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, assignee_id = EXCLUDED.assignee_id,
       priority = EXCLUDED.priority, escalation_level = EXCLUDED.escalation_level, outcome = EXCLUDED.outcome,
       completed_by_id = EXCLUDED.completed_by_id, claimed_at = EXCLUDED.claimed_at,
       completed_at = EXCLUDED.completed_at, revision = EXCLUDED.revision
     WHERE tasks.revision < EXCLUDED.revision`,
    [
      t.id, t.caseId, t.caseType, t.step, t.status, t.teamId, t.roles, t.assigneeId, t.priority, ts(t.dueAt),
      ts(t.atRiskAt), ts(t.breachAt), t.escalationLevel, t.outcome === null ? null : JSON.stringify(t.outcome),
      t.completedById, ts(t.createdAt), ts(t.claimedAt), ts(t.completedAt), t.revision, t.branchId,
    ],
  );
  if (rowCount) {
    await client.query('SELECT pg_notify($1, $2)', [
      LIVE_CHANNEL,
      JSON.stringify({ kind: 'task', id: t.id, status: t.status, assigneeId: t.assigneeId, teamId: t.teamId }),
    ]);
  }
  return rowCount === 1;
}

/** Writes what one workflow transition changed, all or nothing. Safe to retry. */
export async function applyProjection(pool: pg.Pool, batch: ProjectionBatch): Promise<void> {
  await inTransaction(pool, async (client) => {
    if (batch.case) await upsertCase(client, batch.case);
    for (const t of batch.tasks ?? []) await upsertTask(client, t);
    if (batch.events?.length) await appendEvents(client, batch.events);
    if (batch.notifications?.length) await writeNotifications(client, batch.notifications);
  });
}
