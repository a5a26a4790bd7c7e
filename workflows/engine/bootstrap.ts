// How every case workflow begins: answer the registration Update once the first task is projected, load
// where the case lives, build the engine's case row and install the task handlers.
import { condition, setHandler, workflowInfo } from '@temporalio/workflow';
import { hasChange } from './changes';
import { CaseEngine } from './case-engine';
import { supervisingRoles, type CaseTypeDefinition } from './case-type';
import { registerCaseUpdate } from './updates';
import type { CaseContext, CaseProjection } from './types';

/** What the case type knows about a new case; the engine adds branch, team, deadlines and revision. */
export type CaseRowInit = Pick<
  CaseProjection,
  'id' | 'clientId' | 'status' | 'state' | 'priority' | 'openedById' | 'summary' | 'attributes'
> &
  Partial<Pick<CaseProjection, 'leadId'>>;

/** A new case's row: what the case type knows at the start, and empty deadlines. */
export function newCaseRow(definition: CaseTypeDefinition, ctx: CaseContext, init: CaseRowInit): CaseProjection {
  return {
    ...init,
    type: definition.type,
    workflowId: workflowInfo().workflowId,
    referencePrefix: definition.referencePrefix,
    branchId: ctx.branchId,
    teamId: ctx.teamId,
    assigneeId: null,
    dueAt: null,
    atRiskAt: null,
    slaPausedAt: null,
    escalationLevel: 0,
    openedAt: Date.now(),
    closedAt: null,
    breachedAt: null,
    revision: 0,
  };
}

/**
 * `loadContext(local)`: where the case lives, read by an activity. New cases read it with a local activity
 * (in the worker, inside the first workflow task: no round trip through the server before the first
 * task opens); cases started before this change read it with a regular one, as their histories say.
 */
export async function startCase<C extends CaseContext>(
  definition: CaseTypeDefinition,
  caseId: string,
  loadContext: (local: boolean) => Promise<C>,
  init: (ctx: C) => CaseRowInit,
): Promise<{ engine: CaseEngine; ctx: C }> {
  // Registered before the first await: an Update that arrives with the start and finds no handler at the
  // end of the first activation is rejected. It answers once the first task is in the projection, so
  // the API's 201 already shows the case in its first step.
  let engine: CaseEngine | undefined;
  setHandler(registerCaseUpdate, async () => {
    await condition(() => (engine?.tasksOpened ?? 0) > 0);
    return { caseId };
  });
  const ctx = await loadContext(hasChange('context-in-local-activity'));
  engine = new CaseEngine(newCaseRow(definition, ctx, init(ctx)), ctx, {
    escalationRoles: definition.escalationRoles,
    supervising: supervisingRoles(definition),
  });
  engine.installHandlers();
  return { engine, ctx };
}
