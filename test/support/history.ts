// Records a finished test run's workflow history as a replay fixture (test/fixtures/histories/README.md),
// when asked: RECORD_HISTORY=<file name> npm test -- <the test file>.
import fs from 'node:fs';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

export const HISTORIES_DIR = path.resolve(__dirname, '../fixtures/histories');

export async function recordHistoryIfAsked(handle: WorkflowHandle, fileName: string): Promise<void> {
  if (process.env.RECORD_HISTORY !== fileName) return;
  // task ids embed the workflow id, so the replay must run under the same one
  const history = JSON.parse(historyToJSON(await handle.fetchHistory()));
  fs.writeFileSync(path.join(HISTORIES_DIR, fileName), JSON.stringify({ workflowId: handle.workflowId, history }, null, 1));
}
