// Writes a case's projection through the `project` activity, and holds the case when a write can never
// succeed (the activity failed with a non-retryable error: data PostgreSQL refuses, a broken constraint).
// Such a case is not left retrying forever and is not silently skipped: it is reported as an incident
// (administrators are told), shows as stuck, and waits for an administrator's repair: retry as is, or
// retry with text PostgreSQL cannot store replaced.
import { ActivityFailure, ApplicationFailure, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { EngineActivities } from '../../activities/engine';
import { conflict, forbidden } from './failures';
import { repairCaseUpdate, type RepairMode } from './updates';
import { ADMIN_ROLE, rolesOf, type CaseProjection, type ProjectionBatch } from './types';

// A regular activity, not a local one: an Update handler's write and the main flow's write may be in
// flight together, and only regular activities record their order in history, so replay stays exact.
// Retryable failures (the database is down) are retried without limit; permanent ones fail at once.
const { project, reportCaseIncident, resolveCaseIncident } = proxyActivities<EngineActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 ms', maximumInterval: '30 seconds' },
});

export interface StuckState {
  code: string;
  message: string;
}

const isPermanent = (err: unknown): err is ActivityFailure =>
  err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && err.cause.nonRetryable === true;

export class ProjectionWriter {
  stuck: StuckState | null = null;
  private readonly repairs: RepairMode[] = [];
  /** how many repairs were followed by another failure */
  private failedRepairs = 0;

  constructor(private readonly row: CaseProjection) {}

  installHandlers(): void {
    setHandler(
      repairCaseUpdate,
      async ({ actor, mode }) => {
        this.checkRepair(actor);
        this.repairs.push(mode);
        // answers once the held write went through, or failed again
        const attempt = this.repairs.length;
        await condition(() => this.stuck === null || this.failedRepairs >= attempt);
        return { stuck: this.stuck !== null };
      },
      { validator: ({ actor }) => this.checkRepair(actor) },
    );
  }

  private checkRepair(actor: { roles: string[]; role?: string; id: string }): void {
    if (!rolesOf(actor).includes(ADMIN_ROLE)) throw forbidden('ROLE_NOT_ALLOWED', 'Only an administrator repairs a case');
    if (!this.stuck) throw conflict('NOT_STUCK', 'The case is not waiting for a repair');
  }

  async write(batch: ProjectionBatch): Promise<void> {
    let sanitize = false;
    for (;;) {
      try {
        const written = await project(sanitize ? { ...batch, sanitize } : batch);
        if (written?.reference) this.row.reference = written.reference;
        if (this.stuck) await this.recovered();
        return;
      } catch (err) {
        if (!isPermanent(err)) throw err;
        sanitize = (await this.holdForRepair(err)) === 'sanitize';
      }
    }
  }

  /** Reports the failure once per incident and waits for the next repair request. */
  private async holdForRepair(err: ActivityFailure): Promise<RepairMode> {
    const cause = err.cause as ApplicationFailure;
    const seen = this.repairs.length;
    if (!this.stuck) {
      this.stuck = { code: cause.type ?? 'PROJECTION_FAILED', message: cause.message };
      await reportCaseIncident({
        workflowId: this.row.workflowId,
        caseId: this.row.id,
        caseType: this.row.type,
        code: this.stuck.code,
        message: this.stuck.message,
      });
    } else {
      this.failedRepairs = seen;
    }
    await condition(() => this.repairs.length > seen || this.stuck === null);
    return this.repairs[this.repairs.length - 1] ?? 'retry';
  }

  private async recovered(): Promise<void> {
    this.stuck = null;
    await resolveCaseIncident({ workflowId: this.row.workflowId });
  }
}
