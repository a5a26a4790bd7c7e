// A worker in a process of its own, so a test can kill it (SIGKILL) in the middle of an activity.
// Run: node --import tsx test/support/worker-process.ts <workflow bundle file>, with DATABASE_URL, TEMPORAL_ADDRESS and
// TEMPORAL_TASK_QUEUE set. Prints "ready" once polling.
import fs from 'node:fs';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { createDb } from '../../platform/db';
import { createWorker } from '../../worker/create-worker';

Runtime.install({ logger: new DefaultLogger('ERROR') });
const db = createDb(process.env.DATABASE_URL!);
const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
const worker = await createWorker({
  connection,
  namespace: 'default',
  taskQueue: process.env.TEMPORAL_TASK_QUEUE!,
  db,
  workflowBundle: { code: fs.readFileSync(process.argv[2], 'utf8') },
});
const running = worker.run();
console.log('ready');
await running;
