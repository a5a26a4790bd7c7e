import { Context, activityInfo } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { Db } from '../../platform/db';
import { loadKycContext, type KycContext } from './context';
import { writeOutbox, type OutboxTemplate } from './outbox';
import { decideHits, recordOverride, runChecks, scoreRound } from './review';
import { derivedId } from '../../platform/ids';
import type { ReviewKind, RiskBand } from '../../workflows/kyc-review/states';
import { kycReviewCase } from '../../workflows/kyc-review/definition';
import { CASE_START_MEMO, workflowIdOf } from '../../workflows/engine/case-type';
import { kycDecidedSignal, type KycDecision } from '../../workflows/kyc-review/updates';
import { defineCaseTypeActivities } from '../engine/case-type';

/** step → business days (`_case` for the whole review) */
const KYC_TARGETS: Record<string, number> = {
  _case: 20,
  collect_documents: 5,
  screening_review: 1,
  cdd_review: 3,
  source_of_funds: 5,
  source_of_wealth: 5,
  senior_approval: 2,
};

export const kycActivities = defineCaseTypeActivities({
  definition: kycReviewCase,
  slaDefaults: Object.entries(KYC_TARGETS).map(([step, businessDays]) => ({ step, businessDays })),
  create: createKycActivities,
});

function createKycActivities(db: Db) {
  const { prisma } = db;
  return {
    async loadKycContext(input: { clientId: string; kind: ReviewKind }): Promise<KycContext> {
      const ctx = await loadKycContext(db, input);
      const s = ctx.settings;
      return {
        ...ctx,
        settings: {
          clientReminderBusinessDays: s['kyc.clientReminderBusinessDays'],
          suspendAfterBusinessDays: s['kyc.suspendAfterBusinessDays'],
          reviewMonthsLow: s['kyc.reviewMonths.low'],
          reviewMonthsMedium: s['kyc.reviewMonths.medium'],
          reviewMonthsHigh: s['kyc.reviewMonths.high'],
          reviewMonthsCritical: s['kyc.reviewMonths.critical'],
        },
      };
    },

    runKycChecks: (input: { caseId: string; clientId: string; round: number }) => runChecks(prisma, input),

    scoreKycRisk: (input: { caseId: string; clientId: string; round: number; version: number }) => scoreRound(prisma, input),

    recordHitDecisions: (input: Parameters<typeof decideHits>[1]) => decideHits(prisma, input),

    recordRiskOverride: (input: Parameters<typeof recordOverride>[1]) => recordOverride(prisma, input),

    /** The client's KYC fields as a projection of the review's state and decision. */
    async projectClientKyc(input: {
      clientId: string;
      kycStatus: string;
      riskBand?: RiskBand;
      nextReviewAt?: number | null;
    }): Promise<void> {
      await prisma.client.update({
        where: { id: input.clientId },
        data: {
          kycStatus: input.kycStatus,
          ...(input.riskBand ? { riskBand: input.riskBand } : {}),
          ...(input.nextReviewAt !== undefined ? { nextReviewAt: input.nextReviewAt === null ? null : new Date(input.nextReviewAt) } : {}),
        },
      });
    },

    async sendClientMessage(input: {
      key: string;
      caseId: string;
      clientId: string;
      template: OutboxTemplate;
      data: Record<string, unknown>;
    }): Promise<void> {
      await writeOutbox(prisma, input);
    },

    /** Tells each watching workflow the decision; a watcher that has ended meanwhile is skipped. */
    async notifyKycWatchers(input: { watchers: string[]; decision: KycDecision }): Promise<void> {
      const { client } = Context.current();
      for (const workflowId of input.watchers) {
        try {
          await client.workflow.getHandle(workflowId).signal(kycDecidedSignal, input.decision);
        } catch (err) {
          if (!(err instanceof WorkflowNotFoundError)) throw err;
        }
      }
    },

    /**
     * Starts the next periodic review now, to begin at `at` (Temporal's start delay): the server holds it,
     * so nothing in the product has to remember it. The id derives from this case's, so a retry finds
     * the workflow it already started.
     */
    async scheduleNextReview(input: { caseId: string; clientId: string; at: number }): Promise<{ caseId: string; workflowId: string }> {
      const caseId = derivedId(`${input.caseId}/next-review`);
      const workflowId = workflowIdOf(kycReviewCase, caseId);
      try {
        await Context.current().client.workflow.start(kycReviewCase.workflowType, {
          workflowId,
          taskQueue: activityInfo().taskQueue,
          args: [{ caseId, clientId: input.clientId, kind: 'periodic', openedBy: null, previousCaseId: input.caseId }],
          memo: CASE_START_MEMO,
          startDelay: Math.max(1000, input.at - Date.now()),
        });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
      return { caseId, workflowId };
    },
  };
}

export type KycActivities = ReturnType<typeof createKycActivities>;
