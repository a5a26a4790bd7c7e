// Writes a case's projection through the `project` activity, and holds the case when a write can never
// succeed (the activity failed with a non-retryable error: data PostgreSQL refuses, a broken constraint).
// Such a case is not left retrying forever and is not silently skipped: it is reported as an incident
// (administrators are told), shows as stuck, and waits for an administrator's repair: retry as is, or
// retry with text PostgreSQL cannot store replaced.
import { ActivityFailure, ApplicationFailure, condition, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { EngineActivities } from '../../activities/engine';
import { hasChange } from './changes';
import { conflict, forbidden } from './failures';
import { repairCaseUpdate, type RepairMode } from './updates';
import { ADMIN_ROLE, rolesOf, type CaseProjection, type ProjectionBatch } from './types';

// Regular activities: an Update handler's write and the main flow's write may be in flight together, and
// regular activities record their order in history. The case's first write (its opening with its first task)
// is a local activity: it runs in the worker inside the case's first workflow task, so a new case costs no
// activity round trip through the server and the registration Update answers from that same workflow task.
// Nothing writes beside it: task actions are refused while it is in flight (`openingLocally`), so no handler
// write can overlap it, and no other write starts before the first task exists.
// Retryable failures (the database is down) are retried without limit; permanent ones fail at once.
const OPTIONS = { startToCloseTimeout: '30 seconds', retry: { initialInterval: '200 ms', maximumInterval: '30 seconds' } } as const;
const { project, reportCaseIncident, resolveCaseIncident } = proxyActivities<EngineActivities>(OPTIONS);
const local = proxyLocalActivities<EngineActivities>(OPTIONS);

export interface StuckState {
  code: string;
  message: string;
}

/** The activity's own failure when it can never succeed (a regular activity's failure wraps it; a local one's is it). */
function permanentCause(err: unknown): ApplicationFailure | null {
  const cause = err instanceof ActivityFailure ? err.cause : err;
  return cause instanceof ApplicationFailure && cause.nonRetryable === true ? cause : null;
}

export class ProjectionWriter {
  stuck: StuckState | null = null;
  private readonly repairs: RepairMode[] = [];
  /** how many repairs were followed by another failure */
  private failedRepairs = 0;
  private firstWriteDone = false;
  /** the case's first write is in flight as a local activity */
  openingLocally = false;

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
    // cases opened before this change wrote their opening with a regular activity, as their histories say
    let viaLocal = !this.firstWriteDone && hasChange('first-write-in-local-activity');
    this.firstWriteDone = true;
    let sanitize = false;
    for (;;) {
      try {
        this.openingLocally = viaLocal;
        const written = await (viaLocal ? local.project : project)(sanitize ? { ...batch, sanitize } : batch).finally(
          () => (this.openingLocally = false),
        );
        if (written?.reference) this.row.reference = written.reference;
        if (this.stuck) await this.recovered();
        return;
      } catch (err) {
        const cause = permanentCause(err);
        if (!cause) throw err;
        viaLocal = false;
        sanitize = (await this.holdForRepair(cause)) === 'sanitize';
      }
    }
  }

  /** Reports the failure once per incident and waits for the next repair request. */
  private async holdForRepair(cause: ApplicationFailure): Promise<RepairMode> {
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
