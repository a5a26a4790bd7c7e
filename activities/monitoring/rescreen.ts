// Activities of re-screening runs: the book index kept current, delta and full batches, and telling the
// AML cases about new matches (as alerts) and withdrawn ones (a signal).
import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { PrismaClient } from '@prisma/client';
import type { Db } from '../../platform/db';
import { derivedId } from '../../platform/ids';
import { loadSettings } from '../../platform/settings';
import { loadIndex, latestVersions } from '../../platform/screening/store';
import type { ScreeningIndex } from '../../platform/screening/index';
import { resumeOrphanGroups, routeAlerts, routePending } from '../../platform/monitoring/grouping';
import { refreshBookIndex } from '../../platform/monitoring/rescreen/book';
import { createRun, deltaBatch, finishRun, fullBatch, type RescreenBatch } from '../../platform/monitoring/rescreen/run';
import { amlCase } from '../../workflows/aml-case/definition';
import { alertsWithdrawnSignal } from '../../workflows/aml-case/updates';
import { workflowIdOf } from '../../workflows/engine/case-type';
import { amlCaseStarter } from '../aml-case/starter';

export const RESCREEN_SETTINGS = {
  /** changed list entries per delta batch */
  'monitoring.rescreenDeltaBatch': 100,
  /** clients per full re-screen batch */
  'monitoring.rescreenFullBatch': 2000,
};

// the list index is built once per worker and rebuilt when a newer version is imported
const cache = new WeakMap<PrismaClient, { key: string; index: Promise<ScreeningIndex> }>();
async function currentIndex(prisma: PrismaClient): Promise<ScreeningIndex> {
  const key = (await latestVersions(prisma)).map((v) => v.versionId).join(',');
  let entry = cache.get(prisma);
  if (!entry || entry.key !== key) {
    entry = { key, index: loadIndex(prisma) };
    cache.set(prisma, entry);
    entry.index.catch(() => cache.delete(prisma));
  }
  return entry.index;
}

export function createRescreenActivities(db: Db) {
  const { pool, prisma } = db;

  async function after(r: RescreenBatch): Promise<{ cursor: string | null; done: boolean }> {
    if (r.alerts.length) await routeAlerts(pool, amlCaseStarter(), r.alerts);
    const byCase = new Map<string, string[]>();
    for (const w of r.withdrawn) if (w.case_id) byCase.set(w.case_id, [...(byCase.get(w.case_id) ?? []), w.id]);
    for (const [caseId, alertIds] of byCase) {
      try {
        await Context.current().client.workflow.getHandle(workflowIdOf(amlCase, caseId)).signal(alertsWithdrawnSignal, { alertIds });
      } catch (err) {
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      }
    }
    return { cursor: r.cursor, done: r.done };
  }

  return {
    /** List versions imported whose delta has not been re-screened yet (oldest first). */
    async pendingDeltaVersions(): Promise<string[]> {
      const rows = await pool.query<{ id: string }>(
        `SELECT v.id FROM sanction_list_versions v WHERE NOT EXISTS (SELECT 1 FROM rescreen_runs r WHERE r.kind = 'delta' AND r.version_id = v.id)
            AND EXISTS (SELECT 1 FROM sanction_list_versions o WHERE o.source = v.source AND o.imported_at < v.imported_at)
          ORDER BY v.imported_at`,
      );
      return rows.rows.map((r) => r.id);
    },

    async beginRescreen(input: {
      kind: 'delta' | 'full';
      versionId?: string | null;
      workflowId: string;
      runId?: string;
    }): Promise<{ runId: string }> {
      const runId = input.runId ?? derivedId(`rescreen/${input.workflowId}`);
      await createRun(prisma, { id: runId, kind: input.kind, versionId: input.versionId ?? null, workflowId: input.workflowId });
      return { runId };
    },

    /** Indexes clients whose names changed; 0 when the index is current. */
    async refreshBookIndex(): Promise<number> {
      Context.current().heartbeat();
      return refreshBookIndex(pool);
    },

    async rescreenDeltaBatch(input: { runId: string; after: string | null }) {
      Context.current().heartbeat(input.after);
      const size = (await loadSettings(prisma, RESCREEN_SETTINGS))['monitoring.rescreenDeltaBatch'];
      return after(await deltaBatch(pool, prisma, { runId: input.runId, after: input.after, size }));
    },

    async rescreenFullBatch(input: { runId: string; after: string | null }) {
      Context.current().heartbeat(input.after);
      const index = await currentIndex(prisma);
      const size = (await loadSettings(prisma, RESCREEN_SETTINGS))['monitoring.rescreenFullBatch'];
      return after(await fullBatch(pool, { runId: input.runId, after: input.after, size, index }));
    },

    /** Completes the run; alerts a crash left unrouted (stored by a batch, the worker killed before it routed them) are routed now, as a sweep's end does. */
    async finishRescreen(input: { runId: string; error?: string }): Promise<void> {
      if (!input.error) {
        const start = amlCaseStarter();
        await routePending(pool, start);
        await resumeOrphanGroups(pool, start);
      }
      await finishRun(pool, input.runId, input.error);
    },
  };
}

export type RescreenActivities = ReturnType<typeof createRescreenActivities>;
