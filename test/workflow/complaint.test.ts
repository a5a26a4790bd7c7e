import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { startStack, type Stack } from '../support/stack';
import { recordHistoryIfAsked } from '../support/history';
import { AGENT1, AGENT2, MANAGER, SUPERVISOR, activeTask, claimAndComplete, openComplaint, waitFor } from '../support/cases';
import { claimTaskUpdate, completeTaskUpdate } from '../../workflows/engine/updates';
import { clientRespondedUpdate, reopenCaseUpdate } from '../../workflows/complaint/updates';
import { verifyChain } from '../../platform/timeline';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ api: false });
});
afterAll(() => stack?.stop());

const ack = { outcome: 'acknowledged' };
const findings = { outcome: 'findings_recorded', findings: 'Requote during news spike' };
const proposal = { outcome: 'proposed', resolution: 'Refund the difference', compensation: 120 };
const sent = { outcome: 'sent', responseSummary: 'Refunded and apologised', rootCause: 'system' };

async function caseRow(caseId: string) {
  return stack.db.prisma.case.findUniqueOrThrow({ where: { id: caseId } });
}

describe('complaint workflow on a real Temporal server', () => {
  it('walks a medium complaint from acknowledgement to closed, with no approval step', async () => {
    const { caseId } = await openComplaint(stack.temporal, stack.taskQueue);
    await claimAndComplete(stack.temporal, stack.db.prisma, caseId, AGENT1, ack, 'acknowledge');
    await claimAndComplete(stack.temporal, stack.db.prisma, caseId, AGENT2, findings, 'investigate');
    await claimAndComplete(stack.temporal, stack.db.prisma, caseId, AGENT2, proposal, 'propose_resolution');
    await claimAndComplete(stack.temporal, stack.db.prisma, caseId, AGENT1, sent, 'final_response');
    const row = await waitFor(async () => {
      const c = await caseRow(caseId);
      return c.status === 'closed' && c;
    }, 'case closed');
    expect(row).toMatchObject({ state: 'closed', attributes: { rootCause: 'system', resolution: 'Refund the difference' } });
    expect(row.reference).toMatch(/^CMP-\d{4}-\d{6}$/);
    expect(row.closedAt).not.toBeNull();
    const steps = (await stack.db.prisma.task.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' } })).map((t) => t.step);
    expect(steps).toEqual(['acknowledge', 'investigate', 'propose_resolution', 'final_response']);
    expect(await verifyChain(stack.db.pool, caseId)).toBeNull();
  });

  it('refuses the approval to whoever investigated (four eyes), loops back on rejection, and can be reopened', async () => {
    const { caseId, workflowId } = await openComplaint(stack.temporal, stack.taskQueue, { severity: 'high' });
    const handle = stack.temporal.workflow.getHandle(workflowId);
    await claimAndComplete(stack.temporal, stack.db.prisma, caseId, AGENT1, ack, 'acknowledge');
    await claimAndComplete(stack.temporal, stack.db.prisma, caseId, SUPERVISOR, findings, 'investigate');
    await claimAndComplete(stack.temporal, stack.db.prisma, caseId, AGENT2, proposal, 'propose_resolution');

    const approval = await activeTask(stack.db.prisma, caseId, 'approval');
    expect(approval.requiredRole).toEqual(['supervisor', 'complaints_manager']);
    const refusal = await handle.executeUpdate(claimTaskUpdate, { args: [{ taskId: approval.id, actor: SUPERVISOR }] }).catch((e) => e);
    expect(refusal).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(refusal.cause.type).toBe('FORBIDDEN');
    expect(refusal.cause.details[0]).toBe('FOUR_EYES');
    const agentTry = await handle.executeUpdate(claimTaskUpdate, { args: [{ taskId: approval.id, actor: AGENT1 }] }).catch((e) => e);
    expect(agentTry.cause.details[0]).toBe('ROLE_NOT_ALLOWED');

    // the manager rejects: back to proposing, then approves the second proposal
    await claimAndComplete(
      stack.temporal,
      stack.db.prisma,
      caseId,
      MANAGER,
      { outcome: 'rejected', note: 'Compensation too low' },
      'approval',
    );
    await claimAndComplete(stack.temporal, stack.db.prisma, caseId, AGENT2, { ...proposal, compensation: 240 }, 'propose_resolution');
    await claimAndComplete(stack.temporal, stack.db.prisma, caseId, MANAGER, { outcome: 'approved' }, 'approval');
    await claimAndComplete(stack.temporal, stack.db.prisma, caseId, AGENT1, sent, 'final_response');
    await waitFor(async () => (await caseRow(caseId)).status === 'closed', 'closed');

    await handle.executeUpdate(reopenCaseUpdate, { args: [{ actor: AGENT1, reason: 'Client disputes the amount' }] });
    const reopened = await caseRow(caseId);
    expect(reopened).toMatchObject({ status: 'open', state: 'investigate', attributes: { reopenCount: 1 }, closedAt: null });
    await activeTask(stack.db.prisma, caseId, 'investigate');
    const steps = (await stack.db.prisma.task.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' } })).map((t) =>
      t.id.split('.').slice(1).join('/'),
    );
    expect(steps).toEqual([
      'acknowledge/1',
      'investigate/1',
      'propose_resolution/1',
      'approval/1',
      'propose_resolution/2',
      'approval/2',
      'final_response/1',
      'investigate/2',
    ]);

    // opened as the product opens cases (the engine generation in its memo): its history has no patch markers
    const history = await handle.fetchHistory();
    expect(history.events!.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_patch')).toEqual([]);
    expect(history.events!.filter((e) => e.upsertWorkflowSearchAttributesEventAttributes)).toEqual([]);
    // its opening is written by a local activity in its first workflow task: the registration Update is answered
    // before any activity round trip through the server
    const registered = history.events!.findIndex((e) => e.workflowExecutionUpdateCompletedEventAttributes);
    expect(registered).toBeGreaterThan(0);
    expect(history.events!.slice(0, registered).filter((e) => e.activityTaskScheduledEventAttributes)).toEqual([]);
    expect(history.events!.slice(0, registered).filter((e) => e.workflowTaskCompletedEventAttributes)).toHaveLength(1);
    await recordHistoryIfAsked(handle, 'complaint-high-severity-generation-3.json');
  });

  it('pauses the case deadline while waiting on the client and resumes it with the time that was left', async () => {
    const { caseId, workflowId } = await openComplaint(stack.temporal, stack.taskQueue);
    await claimAndComplete(stack.temporal, stack.db.prisma, caseId, AGENT1, ack, 'acknowledge');
    const before = await caseRow(caseId);
    await claimAndComplete(
      stack.temporal,
      stack.db.prisma,
      caseId,
      AGENT1,
      { outcome: 'awaiting_client', request: 'Send the statement' },
      'investigate',
    );
    const paused = await waitFor(async () => {
      const c = await caseRow(caseId);
      return c.status === 'awaiting_client' && c;
    }, 'awaiting client');
    expect(paused.slaPausedAt).not.toBeNull();
    await new Promise((r) => setTimeout(r, 1500));
    await stack.temporal.workflow
      .getHandle(workflowId)
      .executeUpdate(clientRespondedUpdate, { args: [{ actor: AGENT2, note: 'Statement received' }] });
    const resumed = await caseRow(caseId);
    expect(resumed).toMatchObject({ status: 'open', state: 'investigate', slaPausedAt: null });
    // Paused in business time: the deadline moved by the pause if it fell in working hours, and never earlier.
    expect(resumed.dueAt!.getTime()).toBeGreaterThanOrEqual(before.dueAt!.getTime());
    expect((await activeTask(stack.db.prisma, caseId, 'investigate')).id).toMatch(/\.investigate\.2$/);
    const refused = await stack.temporal.workflow
      .getHandle(workflowId)
      .executeUpdate(clientRespondedUpdate, { args: [{ actor: AGENT2, note: 'again' }] })
      .catch((e) => e);
    expect(refused.cause.details[0]).toBe('NOT_AWAITING_CLIENT');
  });

  it('refuses task actions while the case opening is still being written, and takes them once it is', async () => {
    // the first write (a local activity) waits on a lock for longer than a workflow task: the worker heartbeats
    // the task, and the Update sent meanwhile reaches the case in the next one, the write still in flight
    const lock = await stack.db.pool.connect();
    const caseId = randomUUID();
    const taskId = `complaint-${caseId}.acknowledge.1`;
    try {
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE cases IN SHARE ROW EXCLUSIVE MODE');
      const opening = openComplaint(stack.temporal, stack.taskQueue, { caseId });
      await new Promise((r) => setTimeout(r, 2_000));
      const early = await stack.temporal.workflow
        .getHandle(`complaint-${caseId}`)
        .executeUpdate(claimTaskUpdate, { args: [{ taskId, actor: AGENT1 }] })
        .catch((e: unknown) => e);
      expect(early).toBeInstanceOf(WorkflowUpdateFailedError);
      expect((early as WorkflowUpdateFailedError & { cause: { details: unknown[] } }).cause.details[0]).toBe('CASE_OPENING');
      await lock.query('COMMIT');
      await opening;
    } finally {
      await lock.query('ROLLBACK').catch(() => undefined);
      lock.release();
    }
    await stack.temporal.workflow.getHandle(`complaint-${caseId}`).executeUpdate(claimTaskUpdate, { args: [{ taskId, actor: AGENT1 }] });
    expect((await activeTask(stack.db.prisma, caseId, 'acknowledge')).assigneeId).toBe(AGENT1.id);
  }, 60_000);

  it('loses nothing when the worker stops mid-case and another one takes over', async () => {
    const { caseId } = await openComplaint(stack.temporal, stack.taskQueue);
    await claimAndComplete(stack.temporal, stack.db.prisma, caseId, AGENT1, ack, 'acknowledge');
    const investigate = await activeTask(stack.db.prisma, caseId, 'investigate');
    await stack.stopWorker();
    // with no worker, the case waits; an Update sent now is delivered when a worker returns
    const claim = stack.temporal.workflow
      .getHandle(`complaint-${caseId}`)
      .executeUpdate(claimTaskUpdate, { args: [{ taskId: investigate.id, actor: AGENT2 }] });
    await new Promise((r) => setTimeout(r, 1000));
    expect((await activeTask(stack.db.prisma, caseId, 'investigate')).assigneeId).toBeNull();
    await stack.startWorker();
    await claim;
    expect((await activeTask(stack.db.prisma, caseId, 'investigate')).assigneeId).toBe('u-agent2');
    await stack.temporal.workflow.getHandle(`complaint-${caseId}`).executeUpdate(completeTaskUpdate, {
      args: [{ taskId: investigate.id, actor: AGENT2, outcome: findings }],
    });
    expect((await activeTask(stack.db.prisma, caseId, 'propose_resolution')).status).toBe('open');
    const events = await stack.db.prisma.caseEvent.findMany({ where: { caseId }, orderBy: { id: 'asc' } });
    // each step opened exactly once: the restarted worker replayed history instead of re-running it
    expect(events.filter((e) => e.type === 'task_opened').map((e) => (e.data as { step: string }).step)).toEqual([
      'acknowledge',
      'investigate',
      'propose_resolution',
    ]);
    expect(new Set(events.map((e) => e.key)).size).toBe(events.length);
    expect(await verifyChain(stack.db.pool, caseId)).toBeNull();
  });
});
