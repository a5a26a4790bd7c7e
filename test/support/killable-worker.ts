// Starts test/support/worker-process.ts for a stack's task queue; kill() is a SIGKILL (no shutdown).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { workflowBundle, type Stack } from './stack';
import { temporalAddress } from './temporal';

export async function startKillableWorker(stack: Stack): Promise<{ kill(): Promise<void> }> {
  const bundleFile = path.join(os.tmpdir(), `bundle-${process.pid}.js`);
  if (!fs.existsSync(bundleFile)) fs.writeFileSync(bundleFile, (await workflowBundle()).code);
  // node itself with tsx's loader: the tsx CLI would run the script in a grandchild that a SIGKILL misses
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'worker-process.ts'), bundleFile], {
    cwd: path.resolve(__dirname, '../..'),
    env: { ...process.env, DATABASE_URL: stack.dbUrl, TEMPORAL_ADDRESS: temporalAddress(), TEMPORAL_TASK_QUEUE: stack.taskQueue },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`worker process exited with ${code}`)));
  });
  return {
    async kill() {
      if (child.exitCode !== null) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await gone;
    },
  };
}
