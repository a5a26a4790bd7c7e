// Drives complaint workflows through the same Updates the API sends, for workflow-tier tests.
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { PrismaClient } from '@prisma/client';
import { claimTaskUpdate, completeTaskUpdate, registerCaseUpdate } from '../../workflows/engine/updates';
import type { ComplaintInput, complaintWorkflow } from '../../workflows/complaint/workflow';
import type { Actor, Role, TaskOutcome } from '../../workflows/engine/types';
import { CASE_START_MEMO } from '../../workflows/engine/case-type';

export const staff = (id: string, role: Role): Actor => ({ id, roles: [role] });
export const AGENT1 = staff('u-agent1', 'agent');
export const AGENT2 = staff('u-agent2', 'agent');
export const SUPERVISOR = staff('u-supervisor', 'supervisor');
export const MANAGER = staff('u-manager', 'complaints_manager');

export async function openComplaint(
  temporal: Client,
  taskQueue: string,
  over: Partial<ComplaintInput> = {},
): Promise<{ caseId: string; workflowId: string }> {
  const caseId = over.caseId ?? randomUUID();
  const workflowId = `complaint-${caseId}`;
  await temporal.workflow.executeUpdateWithStart(registerCaseUpdate, {
    startWorkflowOperation: new WithStartWorkflowOperation<typeof complaintWorkflow>('complaintWorkflow', {
      workflowId,
      taskQueue,
      workflowIdConflictPolicy: 'FAIL',
      // as every starter in the product: the engine generation, so the case takes no patch markers
      memo: CASE_START_MEMO,
      args: [
        {
          caseId,
          clientId: 'c-1001',
          channel: 'email',
          category: 'trade_execution',
          severity: 'medium',
          description: 'Slippage on a stop order',
          openedBy: AGENT1,
          ...over,
        },
      ],
    }),
  });
  return { caseId, workflowId };
}

/** The case's active task once the workflow has opened it (projections are written asynchronously). */
export async function activeTask(prisma: PrismaClient, caseId: string, step?: string) {
  for (let i = 0; i < 300; i++) {
    const task = await prisma.task.findFirst({
      where: { caseId, status: { in: ['open', 'claimed'] }, ...(step ? { step } : {}) },
      orderBy: { createdAt: 'desc' },
    });
    if (task) return task;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no active ${step ?? ''} task for ${caseId}`);
}

export async function claimAndComplete(
  temporal: Client,
  prisma: PrismaClient,
  caseId: string,
  actor: Actor,
  outcome: TaskOutcome,
  step?: string,
) {
  const task = await activeTask(prisma, caseId, step);
  const handle = temporal.workflow.getHandle(`complaint-${caseId}`);
  await handle.executeUpdate(claimTaskUpdate, { args: [{ taskId: task.id, actor }] });
  await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, actor, outcome }] });
  return task;
}

export async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, what: string, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
