import type { Client } from '@temporalio/client';
import type { CaseStarter } from './grouping';
import { CASE_START_MEMO } from '../../workflows/engine/case-type';

/**
 * A CaseStarter over a Temporal client: signal-with-start of the AML case workflow (the caller passes
 * the case type's names; platform reads no workflow code). A running case gets the alerts as a signal.
 */
export function temporalCaseStarter(
  client: Client,
  opts: { taskQueue: string; workflowType: string; idPrefix: string; signal: string },
): CaseStarter {
  return async ({ caseId, clientId, alertIds }) => {
    await client.workflow.signalWithStart(opts.workflowType, {
      workflowId: `${opts.idPrefix}-${caseId}`,
      taskQueue: opts.taskQueue,
      args: [{ caseId, clientId, alertIds }],
      signal: opts.signal,
      signalArgs: [{ alertIds }],
      memo: CASE_START_MEMO,
    });
  };
}
