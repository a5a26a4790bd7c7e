import type { ApiDeps } from '../deps';
import { temporalCaseStarter } from '../../platform/monitoring/starter';
import { finishRouting } from '../../platform/monitoring/grouping';
import { amlCase } from '../../workflows/aml-case/definition';
import { alertsAddedSignal } from '../../workflows/aml-case/updates';
import { UPDATE_WAIT_MS, engineUnavailable, isEngineUnreachable, withDeadline } from '../temporal/updates';

/**
 * Routes a transaction's alerts into their clients' AML cases, on its first sending and on every repeat:
 * a repeat finishes what a crash or an outage left undone (alerts stored but not routed, or a case whose
 * workflow never started). When Temporal cannot take it the answer is 503: the transaction is stored,
 * and the sender's repeat (the same externalId) routes its alerts. (Alerts that nobody sends again are
 * routed by the next sweep.)
 */
export async function routeTransactionAlerts(deps: ApiDeps, alertIds: string[]): Promise<void> {
  if (!alertIds.length) return;
  const start = temporalCaseStarter(deps.temporal, {
    taskQueue: deps.env.TEMPORAL_TASK_QUEUE,
    workflowType: amlCase.workflowType,
    idPrefix: amlCase.idPrefix,
    signal: alertsAddedSignal.name,
  });
  await withDeadline(
    deps.temporal,
    Date.now() + UPDATE_WAIT_MS,
    () => finishRouting(deps.db.pool, start, alertIds),
    engineUnavailable,
  ).catch((err) => {
    throw isEngineUnreachable(err) ? engineUnavailable() : err;
  });
}
