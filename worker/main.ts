// The worker process: runs case workflows and their activities. Scale out by starting more of these.
import { NativeConnection } from '@temporalio/worker';
import { parseEnv } from '../platform/env';
import { createDb } from '../platform/db';
import { createWorker } from './create-worker';
import { installCaseTypeDefaults } from '../activities/engine/defaults';
import { CASE_TYPE_ACTIVITIES } from '../activities';
import { installCrashPolicy } from '../platform/process';
import { createLogger } from '../platform/log';

const env = parseEnv();
if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set (npm start sets it for the embedded database)');
installCrashPolicy(createLogger('worker', env.LOG_LEVEL));

const db = createDb(env.DATABASE_URL);
// every case type's default SLA policies, where an administrator has not set them already
const installed = await installCaseTypeDefaults(db.prisma, CASE_TYPE_ACTIVITIES);
if (installed) console.log(`worker: installed ${installed} default SLA policies`);
const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
const worker = await createWorker({ connection, namespace: env.TEMPORAL_NAMESPACE, taskQueue: env.TEMPORAL_TASK_QUEUE, db });
console.log(`worker: polling task queue ${env.TEMPORAL_TASK_QUEUE} on ${env.TEMPORAL_ADDRESS}`);
await worker.run();
await connection.close();
await db.close();
