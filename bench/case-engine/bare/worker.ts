// A worker process for the bare reference workflow, on its own task queue of the same server.
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import { bareActivities } from './activities';

const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
const worker = await Worker.create({
  connection,
  taskQueue: 'bench-bare',
  workflowsPath: fileURLToPath(new URL('./workflow.ts', import.meta.url)),
  activities: bareActivities,
});
console.log('worker: polling task queue bench-bare');
await worker.run();
