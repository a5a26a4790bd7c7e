// Drives client-development cases for workflow and API tests: leads through intake, the account manager's
// tasks through the same Updates the API sends, and the client's money as transactions plus signals.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '@prisma/client';
import { createLead, type NewLead } from '../../platform/crm/leads';
import { intakeLead, milestoneOf, signalMilestone, developmentWorkflowId } from '../../platform/crm/development';
import { completeTaskUpdate } from '../../workflows/engine/updates';
import type { Actor, TaskOutcome } from '../../workflows/engine/types';
import { activeTask, staff, waitFor } from './cases';

export const AM1 = staff('u-agent1', 'agent');
export const AM2 = staff('u-agent2', 'agent');

let seq = 0;

/** A lead of the London branch managed by agent1, and its case started as POST /api/leads starts it. */
export async function newLead(
  pool: pg.Pool,
  temporal: Client,
  taskQueue: string,
  over: Partial<NewLead> = {},
): Promise<{ leadId: string; intake: Awaited<ReturnType<typeof intakeLead>> }> {
  const leadId = randomUUID();
  const n = ++seq;
  await createLead(
    pool,
    leadId,
    {
      firstName: 'Lena',
      lastName: `Whitfield${String.fromCharCode(97 + (n % 26))}${n}`,
      email: `lena.${leadId.slice(0, 8)}@example.net`,
      source: 'web',
      campaign: 'spring-fx',
      branchId: 'london',
      accountManagerId: 'u-agent1',
      ...over,
    },
    { actorId: 'u-webforms' },
  );
  return { leadId, intake: await intakeLead(temporal, taskQueue, pool, leadId) };
}

/** The account manager completes the case's open task of `step` (it opens already theirs). */
export async function workStep(
  temporal: Client,
  prisma: PrismaClient,
  caseId: string,
  step: string,
  outcome: TaskOutcome,
  actor: Actor = AM1,
) {
  const task = await activeTask(prisma, caseId, step);
  await temporal.workflow
    .getHandle(developmentWorkflowId(caseId))
    .executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, actor, outcome }] });
  return task;
}

export const caseOf = (prisma: PrismaClient, caseId: string) => prisma.case.findUniqueOrThrow({ where: { id: caseId } });

export const untilState = (prisma: PrismaClient, caseId: string, state: string, ms = 30_000) =>
  waitFor(
    async () => {
      const c = await caseOf(prisma, caseId);
      return c.state === state && c;
    },
    `client-development ${caseId} in ${state}`,
    ms,
  );

/** Books a transaction for the client and tells its case, as the feed does. */
export async function book(
  pool: pg.Pool,
  temporal: Client,
  t: { clientId: string; type: 'deposit' | 'withdrawal' | 'trade'; status?: 'completed' | 'failed'; amount?: string; bookedAt?: Date },
): Promise<string> {
  const bookedAt = t.bookedAt ?? new Date();
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO transactions (client_id, source, external_id, type, amount, currency, method, status, booked_at)
     VALUES ($1, 'test', $2, $3, $4, 'USD', $5, $6, $7) RETURNING id`,
    [t.clientId, randomUUID(), t.type, t.amount ?? '500', t.type === 'trade' ? null : 'card', t.status ?? 'completed', bookedAt],
  );
  const m = milestoneOf({
    id: rows[0].id,
    type: t.type,
    status: t.status ?? 'completed',
    bookedAt,
    amount: t.amount ?? '500',
    currency: 'USD',
  });
  if (m) await signalMilestone(temporal, pool, t.clientId, m);
  return rows[0].id;
}
