// Changes to the code of live cases. Each is guarded by patched(), which records a marker and upserts the
// TemporalChangeVersion search attribute in the history of every case that passes it: three markers and
// three search-attribute writes for each case opened. A case whose memo carries the engine generation
// (CASE_START_MEMO, set by every starter) was started by code that has every change below, so it takes them
// without a marker. Cases without it (started before, and the recorded histories in test/fixtures) still
// ask patched(), as their histories say.
import { patched, workflowInfo } from '@temporalio/workflow';
import type { CASE_START_MEMO } from './case-type';

/** Each change and the engine generation from which every new case has it. */
const BUILT_IN = {
  'context-in-local-activity': 2,
  'url-safe-task-ids': 2,
  'timeline-causal-order': 2,
  'case-opened-with-first-task': 2,
  'first-write-in-local-activity': 3,
} as const satisfies Record<string, number>;

export type ChangeId = keyof typeof BUILT_IN;

/** Whether this case runs with change `id`. */
export function hasChange(id: ChangeId): boolean {
  const memo = workflowInfo().memo as Partial<typeof CASE_START_MEMO> | undefined;
  const generation = Number(memo?.caseEngine ?? 0);
  return generation >= BUILT_IN[id] || patched(id);
}
