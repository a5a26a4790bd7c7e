import type { ApiDeps } from '../deps';
import { temporalCaseStarter } from '../../platform/monitoring/starter';
import { routeAlerts } from '../../platform/monitoring/grouping';
import { amlCase } from '../../workflows/aml-case/definition';
import { alertsAddedSignal } from '../../workflows/aml-case/updates';

/**
 * Routes fresh alerts into their clients' AML cases. A failure here (Temporal unreachable) loses nothing:
 * the alerts stay `new` and the next sweep routes them; the caller's answer does not depend on it.
 */
export async function routeQuietly(deps: ApiDeps, alerts: { id: string; client_id: string }[]): Promise<void> {
  if (!alerts.length) return;
  const start = temporalCaseStarter(deps.temporal, {
    taskQueue: deps.env.TEMPORAL_TASK_QUEUE,
    workflowType: amlCase.workflowType,
    idPrefix: amlCase.idPrefix,
    signal: alertsAddedSignal.name,
  });
  try {
    await routeAlerts(deps.db.pool, start, alerts);
  } catch (err) {
    deps.log('monitoring: routing alerts into AML cases failed; the next sweep routes them', err);
  }
}
