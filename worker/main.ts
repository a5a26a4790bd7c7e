// The worker process: runs case workflows and their activities. Scale out by starting more of these.
import { NativeConnection } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import { parseEnv } from '../platform/env';
import { createDb } from '../platform/db';
import { createWorker } from './create-worker';
import { installCaseTypeDefaults } from '../activities/engine/defaults';
import { CASE_TYPE_ACTIVITIES } from '../activities';
import { installCrashPolicy } from '../platform/process';
import { createLogger } from '../platform/log';
import { installDefaultScenarios } from '../platform/monitoring/versions';
import { ensureSchedules } from '../activities/monitoring/schedules';

const env = parseEnv();
if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set (npm start sets it for the embedded database)');
installCrashPolicy(createLogger('worker', env.LOG_LEVEL));

const db = createDb(env.DATABASE_URL);
// every case type's default SLA policies, where an administrator has not set them already
const installed = await installCaseTypeDefaults(db.prisma, CASE_TYPE_ACTIVITIES);
if (installed) console.log(`worker: installed ${installed} default SLA policies`);
// monitoring: the default scenarios (version 1 in force) and the daily sweep, KYC refresh and hourly
// re-screening Schedules, where missing
if (await installDefaultScenarios(db.prisma)) console.log('worker: installed the default monitoring scenarios');
const scheduler = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
const schedules = await ensureSchedules(new Client({ connection: scheduler, namespace: env.TEMPORAL_NAMESPACE }), env.TEMPORAL_TASK_QUEUE);
if (schedules.length) console.log(`worker: created schedules ${schedules.join(', ')}`);
await scheduler.close();
const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
const worker = await createWorker({ connection, namespace: env.TEMPORAL_NAMESPACE, taskQueue: env.TEMPORAL_TASK_QUEUE, db });
console.log(`worker: polling task queue ${env.TEMPORAL_TASK_QUEUE} on ${env.TEMPORAL_ADDRESS}`);
await worker.run();
await connection.close();
await db.close();
