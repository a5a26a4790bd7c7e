// The daily KYC refresh (a Temporal Schedule starts it): KYC reviews start for the clients whose next
// review date has come, in batches by client id, skipping those with a review open.
import { continueAsNew, proxyActivities, uuid4 } from '@temporalio/workflow';
import type { KycRefreshActivities } from '../../activities/kyc-refresh';

const acts = proxyActivities<KycRefreshActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { maximumInterval: '1 minute' },
});

export interface KycRefreshInput {
  runId?: string;
  asOf?: number;
  cursor?: string | null;
}

const BATCH = 200;
const BATCHES_PER_RUN = 50;

export async function kycRefreshWorkflow(input: KycRefreshInput = {}): Promise<{ runId: string; started: number }> {
  const runId = input.runId ?? uuid4();
  const asOf = input.asOf ?? Date.now();
  if (!input.runId) await acts.beginKycRefresh({ runId, asOf });
  return new Refresh(runId, asOf, input.cursor ?? null).run();
}

class Refresh {
  private started = 0;

  constructor(
    private readonly runId: string,
    private readonly asOf: number,
    private cursor: string | null,
  ) {}

  async run(): Promise<{ runId: string; started: number }> {
    for (let batches = 0; ; batches++) {
      if (batches >= BATCHES_PER_RUN)
        await continueAsNew<(i: KycRefreshInput) => Promise<unknown>>({ runId: this.runId, asOf: this.asOf, cursor: this.cursor });
      const r = await acts.startDueReviews({ runId: this.runId, asOf: this.asOf, after: this.cursor, limit: BATCH });
      this.started += r.started;
      this.cursor = r.cursor;
      if (r.cursor === null) break;
    }
    await acts.finishKycRefresh({ runId: this.runId });
    return { runId: this.runId, started: this.started };
  }
}

/** A risk rise reported by a person (or a system): the review date comes forward and a review may start now. */
export async function kycRiskRiseWorkflow(input: {
  clientId: string;
  trigger: string;
  reason: string;
  actorId: string | null;
  eddFlag?: string;
  startNow: boolean;
}) {
  return acts.raiseRisk(input);
}
