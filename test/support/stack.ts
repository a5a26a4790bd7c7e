// A real stack for one test file: its own migrated database, the shared Temporal dev server (or a
// time-skipping one), a worker on a private task queue, and the API listening on a free port.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, bundleWorkflowCode, type Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createDb, type Db } from '../../platform/db';
import { createApp } from '../../api/app';
import { attachRealtime, type RealtimeOptions } from '../../api/realtime';
import { parseEnv, type Env } from '../../platform/env';
import { createWorker, workflowsPath } from '../../worker/create-worker';
import { seedReferenceData } from '../../prisma/seed';
import { createTestDatabase } from './db';
import { temporalAddress } from './temporal';

Runtime.install({ logger: new DefaultLogger('WARN') });

let bundle: Promise<{ code: string }> | undefined;
/** One webpack bundle per test file (each file runs in its own process). */
export const workflowBundle = () => (bundle ??= bundleWorkflowCode({ workflowsPath, logger: quietLogger }));

const quietLogger = { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} } as never;

export interface Stack {
  db: Db;
  dbUrl: string;
  temporal: Client;
  taskQueue: string;
  env: Env;
  /** base URL of the API, e.g. http://127.0.0.1:41234 */
  url: string;
  startWorker(): Promise<Worker>;
  stopWorker(): Promise<void>;
  stop(): Promise<void>;
}

export async function startStack(
  opts: {
    timeSkipping?: TestWorkflowEnvironment;
    api?: boolean;
    seed?: boolean;
    /** environment variables over the test defaults, e.g. { LOGIN_MAX_FAILURES: '5' } */
    env?: Record<string, string>;
    /** options of attachRealtime, e.g. a short session sweep */
    realtime?: RealtimeOptions;
  } = {},
): Promise<Stack> {
  const database = await createTestDatabase();
  const db = createDb(database.url);
  if (opts.seed !== false) await seedReferenceData(db.prisma);
  const taskQueue = `test-${randomUUID()}`;
  const env = parseEnv({
    DATABASE_URL: database.url,
    TEMPORAL_TASK_QUEUE: taskQueue,
    NODE_ENV: 'test',
    LOGIN_MAX_FAILURES: '3',
    ...opts.env,
  });

  let connection: Connection | undefined;
  let nativeConnection: NativeConnection;
  let temporal: Client;
  if (opts.timeSkipping) {
    temporal = opts.timeSkipping.client;
    nativeConnection = opts.timeSkipping.nativeConnection;
  } else {
    connection = await Connection.connect({ address: temporalAddress() });
    temporal = new Client({ connection });
    nativeConnection = await NativeConnection.connect({ address: temporalAddress() });
  }

  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  const startWorker = async () => {
    worker = await createWorker({
      connection: nativeConnection,
      namespace: 'default',
      taskQueue,
      db,
      workflowBundle: await workflowBundle(),
    });
    running = worker.run();
    return worker;
  };
  const stopWorker = async () => {
    if (worker && worker.getState() === 'RUNNING') worker.shutdown();
    await running;
    worker = undefined;
  };
  await startWorker();

  let server: http.Server | undefined;
  let realtime: { close(): Promise<void> } | undefined;
  let url = '';
  if (opts.api !== false) {
    const deps = {
      db,
      temporal,
      env,
      log: (msg: string, err?: unknown) => (err === undefined ? console.error(msg) : console.error(msg, err)),
    };
    server = http.createServer(createApp(deps));
    realtime = await attachRealtime(server, deps, opts.realtime);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  return {
    db,
    dbUrl: database.url,
    temporal,
    taskQueue,
    env,
    url,
    startWorker,
    stopWorker,
    async stop() {
      await realtime?.close();
      server?.close();
      await stopWorker();
      if (!opts.timeSkipping) {
        await connection?.close();
        await nativeConnection.close();
      }
      await db.close();
      await database.drop();
    },
  };
}
