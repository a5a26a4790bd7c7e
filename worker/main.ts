// The worker process: runs case workflows and their activities. Scale out by starting more of these.
import { NativeConnection } from '@temporalio/worker';
import { parseEnv } from '../api/config/env';
import { createDb } from '../api/db';
import { createWorker } from './create-worker';

const env = parseEnv();
if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set (npm start sets it for the embedded database)');

const db = createDb(env.DATABASE_URL);
const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
const worker = await createWorker({ connection, namespace: env.TEMPORAL_NAMESPACE, taskQueue: env.TEMPORAL_TASK_QUEUE, db });
console.log(`worker: polling task queue ${env.TEMPORAL_TASK_QUEUE} on ${env.TEMPORAL_ADDRESS}`);
await worker.run();
await connection.close();
await db.close();
