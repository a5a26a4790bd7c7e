// Where tests find Temporal: the shared dev server started by global-setup.ts, or the binaries for a
// TestWorkflowEnvironment of their own (time-skipping for long timers).
import fs from 'node:fs';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { inject } from 'vitest';
import { repoRoot } from '../../scripts/lib/paths';
import { temporalCliPath as findTemporalCli } from '../../scripts/lib/temporal';

/** host:port of the shared dev server (namespace `default`). */
export function temporalAddress(): string {
  const address = inject('temporalAddress');
  if (!address) {
    throw new Error('No shared Temporal server: such tests belong in test/api, test/workflow or test/browser (see vitest.config.ts)');
  }
  return address;
}

/** The Java time-skipping test server wrapper (scripts/lib/tools.sh creates it). */
export function testServerPath(): string {
  const file = process.env.TEMPORAL_TEST_SERVER ?? path.join(repoRoot, '.tools/temporal-test-server/test-server');
  if (!fs.existsSync(file)) throw new Error(`${file} not found: run the tests with \`npm test\` (scripts/lib/tools.sh installs it)`);
  return file;
}

export function temporalCliPath(): string {
  const cli = findTemporalCli();
  if (!cli) throw new Error('Temporal CLI not found: run the tests with `npm test` (it builds the CLI) or set TEMPORAL_CLI');
  return cli;
}

/**
 * A private time-skipping environment: timers of days complete in milliseconds. Call teardown() after.
 * The SDK gives the Java test server 5 s to start (fixed in sdk-core) and kills it when it is late; on a loaded
 * machine the JVM sometimes needs longer, so a late start is tried again (up to 4 times).
 */
export async function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path: testServerPath() } },
      });
    } catch (err) {
      if (attempt >= 5 || !/did not start within/.test(String((err as Error)?.message ?? err))) throw err;
    }
  }
}
