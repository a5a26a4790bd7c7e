// A sweep of the window rules (and a backtest): batches of client-id ranges, one activity each, until the
// clients run out. The cursor lives in the sweep's row (the activity moves it in the batch's own
// transaction) and in this workflow's input after continue-as-new, so a long sweep keeps a short history.
import { ActivityFailure, ApplicationFailure, continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { MonitoringActivities } from '../../activities/monitoring';

const acts = proxyActivities<MonitoringActivities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '20 seconds',
  retry: { maximumInterval: '1 minute' },
});
const quick = proxyActivities<MonitoringActivities>({ startToCloseTimeout: '5 minutes', retry: { maximumInterval: '1 minute' } });

export interface SweepInput {
  /** absent for a scheduled run: the first activity creates the sweep */
  sweepId?: string;
  cursor?: string | null;
}

export interface SweepResult {
  sweepId: string;
  status: 'completed' | 'failed';
}

/** Batches per run before continuing as new. */
const BATCHES_PER_RUN = 100;

export async function monitoringSweepWorkflow(input: SweepInput = {}): Promise<SweepResult> {
  const sweepId = input.sweepId ?? (await quick.beginScheduledSweep({ workflowId: workflowInfo().workflowId, at: Date.now() })).sweepId;
  return new Sweep(sweepId, input.cursor ?? null).run();
}

class Sweep {
  constructor(
    private readonly sweepId: string,
    private cursor: string | null,
  ) {}

  async run(): Promise<SweepResult> {
    try {
      for (let batches = 0; ; batches++) {
        if (batches >= BATCHES_PER_RUN || workflowInfo().continueAsNewSuggested) {
          await continueAsNew<typeof monitoringSweepWorkflow>({ sweepId: this.sweepId, cursor: this.cursor });
        }
        if (await this.batch()) break;
      }
      await quick.finishSweep({ sweepId: this.sweepId });
      return { sweepId: this.sweepId, status: 'completed' };
    } catch (err) {
      // a permanent failure (bad parameters, a missing sweep) ends the sweep as failed; retries are the activity's
      if (!(err instanceof ActivityFailure) || !(err.cause instanceof ApplicationFailure)) throw err;
      await quick.failSweep({ sweepId: this.sweepId, error: err.cause.message });
      return { sweepId: this.sweepId, status: 'failed' };
    }
  }

  /** One batch; true when the sweep has covered every client. */
  private async batch(): Promise<boolean> {
    const r = await acts.runSweepBatch({ sweepId: this.sweepId, after: this.cursor });
    this.cursor = r.cursor;
    return r.done;
  }
}
