import { Context, activityInfo } from '@temporalio/activity';
import { temporalCaseStarter } from '../../platform/monitoring/starter';
import type { CaseStarter } from '../../platform/monitoring/grouping';
import { amlCase } from '../../workflows/aml-case/definition';
import { alertsAddedSignal } from '../../workflows/aml-case/updates';

/** Inside an activity: starts or signals AML case workflows on this worker's task queue. */
export const amlCaseStarter = (): CaseStarter =>
  temporalCaseStarter(Context.current().client, {
    taskQueue: activityInfo().taskQueue,
    workflowType: amlCase.workflowType,
    idPrefix: amlCase.idPrefix,
    signal: alertsAddedSignal.name,
  });
