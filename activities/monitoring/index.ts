// Activities of the monitoring workflows that are not cases: sweeps and backtests (batches of client-id
// ranges, progress in monitoring_sweeps), routing their alerts into AML cases.
import { Context } from '@temporalio/activity';
import type { Db } from '../../platform/db';
import { derivedId } from '../../platform/ids';
import { loadSettings } from '../../platform/settings';
import { resumeOrphanGroups, routeAlerts, routePending } from '../../platform/monitoring/grouping';
import { createSweep, failSweep, finishSweep, runBatch } from '../../platform/monitoring/sweep';
import { amlCaseStarter } from '../aml-case/starter';

export const MONITORING_SETTINGS = {
  /** clients per sweep batch (one database transaction) */
  'monitoring.sweepBatchClients': 5000,
  /** days of transactions a scheduled sweep looks back over (windows reach further back on their own) */
  'monitoring.sweepLookbackDays': 2,
};

const DAY_MS = 24 * 60 * 60 * 1000;

export function createMonitoringActivities(db: Db) {
  const { pool, prisma } = db;
  return {
    /** A scheduled run's sweep row, its id derived from the run's workflow id (a retry finds the same one). */
    async beginScheduledSweep(input: { workflowId: string; at: number }): Promise<{ sweepId: string }> {
      const settings = await loadSettings(prisma, MONITORING_SETTINGS);
      const sweepId = derivedId(`sweep/${input.workflowId}`);
      await createSweep(prisma, {
        id: sweepId,
        kind: 'scheduled',
        workflowId: input.workflowId,
        from: new Date(input.at - settings['monitoring.sweepLookbackDays'] * DAY_MS),
        to: new Date(input.at),
      });
      return { sweepId };
    },

    async runSweepBatch(input: {
      sweepId: string;
      after: string | null;
    }): Promise<{ cursor: string | null; done: boolean; alerts: number }> {
      const settings = await loadSettings(prisma, MONITORING_SETTINGS);
      Context.current().heartbeat(input.after);
      const r = await runBatch(pool, {
        sweepId: input.sweepId,
        after: input.after,
        size: settings['monitoring.sweepBatchClients'],
        beat: () => Context.current().heartbeat(input.after),
      });
      Context.current().heartbeat(r.cursor);
      if (r.alerts.length) await routeAlerts(pool, amlCaseStarter(), r.alerts);
      return { cursor: r.cursor, done: r.done, alerts: r.alerts.length };
    },

    /** Completes the sweep; alerts or groups a crash left unrouted are routed now. */
    async finishSweep(input: { sweepId: string }): Promise<void> {
      const sweep = await prisma.monitoringSweep.findUniqueOrThrow({ where: { id: input.sweepId } });
      if (sweep.kind !== 'backtest') {
        const start = amlCaseStarter();
        await routePending(pool, start);
        await resumeOrphanGroups(pool, start);
      }
      await finishSweep(pool, input.sweepId);
    },

    async failSweep(input: { sweepId: string; error: string }): Promise<void> {
      await failSweep(pool, input.sweepId, input.error);
    },
  };
}

export type MonitoringActivities = ReturnType<typeof createMonitoringActivities>;
