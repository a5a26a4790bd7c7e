// Re-screening runs. A delta run (one list version) first brings the reverse index of the client book up
// to date, then goes through the entries the version added, changed or removed; a full run screens every
// client against every list. Batches move a cursor in the run's row; continue-as-new keeps history short.
import { ActivityFailure, ApplicationFailure, continueAsNew, executeChild, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { RescreenActivities } from '../../activities/monitoring/rescreen';

const acts = proxyActivities<RescreenActivities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '20 seconds',
  retry: { maximumInterval: '1 minute' },
});

export interface RescreenInput {
  kind: 'delta' | 'full';
  versionId?: string | null;
  runId?: string;
  /** index (delta only), then screen */
  phase?: 'index' | 'screen';
  cursor?: string | null;
}

const BATCHES_PER_RUN = 100;

export async function rescreenWorkflow(input: RescreenInput): Promise<{ runId: string; status: 'completed' | 'failed' }> {
  const runId =
    input.runId ??
    (await acts.beginRescreen({ kind: input.kind, versionId: input.versionId, workflowId: workflowInfo().workflowId })).runId;
  return new Rescreen({ ...input, runId }).run();
}

class Rescreen {
  private phase: 'index' | 'screen';
  private cursor: string | null;

  constructor(private readonly input: RescreenInput & { runId: string }) {
    this.phase = input.phase ?? (input.kind === 'delta' ? 'index' : 'screen');
    this.cursor = input.cursor ?? null;
  }

  async run(): Promise<{ runId: string; status: 'completed' | 'failed' }> {
    const { runId } = this.input;
    try {
      for (let batches = 0; ; batches++) {
        if (batches >= BATCHES_PER_RUN || workflowInfo().continueAsNewSuggested) {
          await continueAsNew<typeof rescreenWorkflow>({ ...this.input, phase: this.phase, cursor: this.cursor });
        }
        if (this.phase === 'index') {
          if ((await acts.refreshBookIndex()) === 0) this.phase = 'screen';
          continue;
        }
        const r =
          this.input.kind === 'delta'
            ? await acts.rescreenDeltaBatch({ runId, after: this.cursor })
            : await acts.rescreenFullBatch({ runId, after: this.cursor });
        this.cursor = r.cursor;
        if (r.done) break;
      }
      await acts.finishRescreen({ runId });
      return { runId, status: 'completed' };
    } catch (err) {
      if (!(err instanceof ActivityFailure) || !(err.cause instanceof ApplicationFailure)) throw err;
      await acts.finishRescreen({ runId, error: err.cause.message });
      return { runId, status: 'failed' };
    }
  }
}

/** The hourly check (a Schedule): every list version imported since, re-screened as a delta run. */
export async function screeningDeltaWorkflow(): Promise<{ versions: string[] }> {
  const versions = await acts.pendingDeltaVersions();
  for (const versionId of versions) {
    await executeChild(rescreenWorkflow, { workflowId: `rescreen-delta-${versionId}`, args: [{ kind: 'delta', versionId }] });
  }
  return { versions };
}
