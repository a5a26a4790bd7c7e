// One way to open a case of any type: idempotency, update-with-start, and the workflow's answers mapped
// to HTTP. The registration Update answers once the case and its first task are projected.
import { createHash, randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowUpdateStage } from '@temporalio/client';
import type { ApiDeps } from '../deps';
import type { SessionUser } from '../auth/session';
import { AppError } from '../http/errors';
import { UPDATE_WAIT_MS, boundedResult, engineUnavailable, mapUpdateError, withDeadline } from '../temporal/updates';
import { derivedId } from '../../platform/ids';
import { canonicalJson } from '../../platform/timeline';
import { CASE_START_MEMO, workflowIdOf, type CaseTypeDefinition } from '../../workflows/engine/case-type';
import { registerCaseUpdate } from '../../workflows/engine/updates';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * With an Idempotency-Key the case id derives from (case type, user, key), so a retry reaches the same
 * workflow; the key remembers the request it came with, and the same key with another request is 422.
 */
/** The id of the case an Idempotency-Key stands for. */
export const caseIdForKey = (definition: CaseTypeDefinition, user: SessionUser, key: string) =>
  derivedId(`${definition.type}:${user.id}:${key}`);

async function claimKey(deps: ApiDeps, definition: CaseTypeDefinition, user: SessionUser, key: string, request: unknown): Promise<string> {
  const seed = `${definition.type}:${user.id}:${key}`;
  const caseId = caseIdForKey(definition, user, key);
  const keyHash = sha256(seed);
  const requestHash = sha256(canonicalJson(request));
  await deps.db.prisma.idempotencyKey.createMany({
    data: [{ keyHash, userId: user.id, caseType: definition.type, caseId, requestHash }],
    skipDuplicates: true,
  });
  const claimed = await deps.db.prisma.idempotencyKey.findUniqueOrThrow({ where: { keyHash } });
  if (claimed.requestHash !== requestHash) {
    throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request; use a new key');
  }
  return caseId;
}

/**
 * The client a new case is about, when the user's scope in the case type holds it; one statement of SQL, as
 * every registration asks it.
 */
export async function clientInCaseScope(
  deps: ApiDeps,
  user: SessionUser,
  caseType: string,
  clientId: string,
): Promise<{ id: string; branchId: string } | null> {
  const [scope, params] = deps.access.clientScopeSql(user, caseType, 2);
  const { rows } = await deps.db.pool.query(`SELECT cl.id, cl.branch_id FROM clients cl WHERE cl.id = $1 AND ${scope}`, [
    clientId,
    ...params,
  ]);
  return rows[0] ? { id: rows[0].id, branchId: rows[0].branch_id } : null;
}

export async function startCaseWorkflow<A>(
  deps: ApiDeps,
  opts: { definition: CaseTypeDefinition; user: SessionUser; idempotencyKey?: string; request: unknown; args: (caseId: string) => A },
): Promise<string> {
  const { definition, idempotencyKey: key } = opts;
  const caseId = key ? await claimKey(deps, definition, opts.user, key, opts.request) : randomUUID();
  const startWorkflowOperation = new WithStartWorkflowOperation(definition.workflowType, {
    workflowId: workflowIdOf(definition, caseId),
    taskQueue: deps.env.TEMPORAL_TASK_QUEUE,
    workflowIdConflictPolicy: key ? 'USE_EXISTING' : 'FAIL',
    memo: CASE_START_MEMO,
    args: [opts.args(caseId)],
  });
  const deadline = Date.now() + UPDATE_WAIT_MS;
  let registered;
  try {
    const start = () =>
      deps.temporal.workflow.startUpdateWithStart(registerCaseUpdate, {
        startWorkflowOperation,
        waitForStage: WorkflowUpdateStage.ACCEPTED,
      });
    // Temporal or the worker down: 503 ENGINE_UNAVAILABLE in bounded time (a retry with the key is the same case)
    registered = await withDeadline(deps.temporal, deadline, start, engineUnavailable);
  } catch (err) {
    throw mapUpdateError(err);
  }
  // a case whose first write cannot be stored holds for a repair: 503 CASE_STUCK, not a hung request
  await boundedResult(deps.temporal, registered, Math.max(1, deadline - Date.now()));
  return caseId;
}
