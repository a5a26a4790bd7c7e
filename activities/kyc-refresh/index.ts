// Periodic KYC refresh: a daily run starts KYC reviews for the clients due, and a risk rise starts one at
// once. A review's workflow id derives from the client's latest finished review, exactly as that review
// scheduled its successor (activities/kyc-review scheduleNextReview, a delayed start): so a due client
// whose delayed start is pending is not started twice, and pulling a date forward replaces the pending
// start (TERMINATE_EXISTING on a workflow that has not begun). Clients never reviewed in the product get
// an id from their client id and due date.
import { Context, activityInfo } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Db } from '../../platform/db';
import { derivedId } from '../../platform/ids';
import { dueClients, pullReviewForward, type RiskRise } from '../../platform/monitoring/refresh';
import { kycReviewCase } from '../../workflows/kyc-review/definition';
import { CASE_START_MEMO, workflowIdOf } from '../../workflows/engine/case-type';

export const nextReviewCaseId = (lastCaseId: string | null, clientId: string, dueAt: Date) =>
  lastCaseId ? derivedId(`${lastCaseId}/next-review`) : derivedId(`refresh/${clientId}/${dueAt.toISOString()}`);

async function startReview(input: {
  caseId: string;
  clientId: string;
  note: string;
  previousCaseId: string | null;
  replacePending: boolean;
}): Promise<boolean> {
  try {
    await Context.current().client.workflow.start(kycReviewCase.workflowType, {
      workflowId: workflowIdOf(kycReviewCase, input.caseId),
      taskQueue: activityInfo().taskQueue,
      memo: CASE_START_MEMO,
      args: [
        {
          caseId: input.caseId,
          clientId: input.clientId,
          kind: 'periodic',
          openedBy: null,
          note: input.note,
          previousCaseId: input.previousCaseId,
        },
      ],
      workflowIdConflictPolicy: input.replacePending ? 'TERMINATE_EXISTING' : 'FAIL',
      // a finished review under this id would have become the latest finished one: its successor has another id
      workflowIdReusePolicy: input.replacePending ? 'ALLOW_DUPLICATE' : 'REJECT_DUPLICATE',
    });
    return true;
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw err;
  }
}

export function createKycRefreshActivities(db: Db) {
  const { pool, prisma } = db;
  return {
    async beginKycRefresh(input: { runId: string; asOf: number }): Promise<void> {
      await prisma.kycRefreshRun.createMany({ data: [{ id: input.runId, asOf: new Date(input.asOf) }], skipDuplicates: true });
    },

    /** One batch of due clients after `after`: their reviews start (or were started already). */
    async startDueReviews(input: {
      runId: string;
      asOf: number;
      after: string | null;
      limit: number;
    }): Promise<{ cursor: string | null; started: number; skipped: number }> {
      const due = await dueClients(pool, new Date(input.asOf), input.after, input.limit);
      let started = 0;
      for (const c of due) {
        Context.current().heartbeat(c.client_id);
        const caseId = nextReviewCaseId(c.last_case_id, c.client_id, c.next_review_at);
        if (
          await startReview({
            caseId,
            clientId: c.client_id,
            note: `Periodic review due ${c.next_review_at.toISOString().slice(0, 10)}`,
            previousCaseId: c.last_case_id,
            replacePending: false,
          })
        )
          started++;
      }
      const cursor = due.length === input.limit ? due[due.length - 1].client_id : null;
      await prisma.kycRefreshRun.update({
        where: { id: input.runId },
        data: { started: { increment: started }, alreadyOpen: { increment: due.length - started }, cursor },
      });
      return { cursor, started, skipped: due.length - started };
    },

    async finishKycRefresh(input: { runId: string }): Promise<void> {
      await prisma.kycRefreshRun.update({ where: { id: input.runId }, data: { status: 'completed', finishedAt: new Date() } });
    },

    /**
     * A risk rise: the review date comes forward to now and, when `startNow`, a review (enhanced due
     * diligence through the EDD flag) starts at once unless one is open.
     */
    async raiseRisk(input: RiskRise & { startNow: boolean }): Promise<{ started: boolean; caseId: string | null }> {
      const { reviewOpen } = await pullReviewForward(pool, input);
      if (!input.startNow || reviewOpen) return { started: false, caseId: null };
      const [c] = await dueClients(pool, new Date(), null, 1, input.clientId);
      if (!c) return { started: false, caseId: null };
      const caseId = nextReviewCaseId(c.last_case_id, c.client_id, c.next_review_at);
      const started = await startReview({
        caseId,
        clientId: c.client_id,
        note: `Risk rise (${input.trigger}): ${input.reason}`.slice(0, 500),
        previousCaseId: c.last_case_id,
        replacePending: true,
      });
      return { started, caseId };
    },
  };
}

export type KycRefreshActivities = ReturnType<typeof createKycRefreshActivities>;
