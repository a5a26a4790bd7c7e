// The API process: Express + socket.io + the built console on one port. Stateless: run N replicas.
import http from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { parseEnv } from '../platform/env';
import { createDb } from '../platform/db';
import { createApp } from './app';
import { attachRealtime } from './realtime';
import { createLogger } from '../platform/log';
import { installCrashPolicy } from '../platform/process';
import { purgeExpired } from './auth/session';
import { QUEUED_GRACE_MS, startQueuedImports } from './imports/reconcile';

const env = parseEnv();
if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set (npm start sets it for the embedded database)');
const log = createLogger('api', env.LOG_LEVEL);
installCrashPolicy(log);

const db = createDb(env.DATABASE_URL);
const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
const temporal = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
const deps = { db, temporal, env, log: log.error };

const server = http.createServer(createApp(deps));
const realtime = await attachRealtime(server, deps);
// expired sessions, unanswered login challenges and idle login counters go every hour
const PURGE_MS = 3_600_000;
const purge = () =>
  void purgeExpired(db.prisma)
    .then((n) => n && log.info(`purged ${n} expired sessions`))
    .catch((err) => log.error('purging expired sessions failed', err));
const purger = setInterval(purge, PURGE_MS);
setTimeout(purge, 10_000).unref();
// import jobs left queued without their workflow (a process that died between staging and starting) are started
const reconcile = () =>
  void startQueuedImports(deps)
    .then((n) => n && log.info(`started ${n} queued import jobs`))
    .catch((err) => log.error('starting queued import jobs failed', err));
const reconciler = setInterval(reconcile, QUEUED_GRACE_MS);
server.listen(env.PORT, () => log.info(`listening on http://127.0.0.1:${env.PORT} (console at /, API at /api)`));

const stop = async () => {
  log.info('stopping');
  clearInterval(purger);
  clearInterval(reconciler);
  await realtime.close();
  server.close();
  await connection.close();
  await db.close();
  process.exit(0);
};
const stopping = () =>
  void stop().catch((err) => {
    log.error('stopping failed', err);
    process.exit(1);
  });
process.once('SIGTERM', stopping);
process.once('SIGINT', stopping);
