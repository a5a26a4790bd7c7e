import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { workflowBundle } from '../support/stack';
import { HISTORIES_DIR as dir } from '../support/history';

// Each fixture is the history of a real run, recorded on the dev server (see test/fixtures/histories/README.md).
// Replaying it with today's workflow code fails if a change would break cases that are already running:
// such a change needs patched().
describe('replay of recorded histories', () => {
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    it(`replays ${file} with the current workflow code`, async () => {
      const fixture = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      const history = historyFromJSON(fixture.history);
      expect(history.events?.length).toBeGreaterThan(50);
      await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, fixture.workflowId);
    });
  }
});
