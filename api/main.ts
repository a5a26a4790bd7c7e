// The API process: Express + socket.io + the built console on one port. Stateless: run N replicas.
import http from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { parseEnv } from '../platform/env';
import { createDb } from '../platform/db';
import { createApp } from './app';
import { attachRealtime } from './realtime';
import { createLogger } from '../platform/log';

const env = parseEnv();
if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set (npm start sets it for the embedded database)');
const log = createLogger('api', env.LOG_LEVEL);

const db = createDb(env.DATABASE_URL);
const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
const temporal = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
const deps = { db, temporal, env, log: log.error };

const server = http.createServer(createApp(deps));
const realtime = await attachRealtime(server, deps);
server.listen(env.PORT, () => log.info(`listening on http://127.0.0.1:${env.PORT} (console at /, API at /api)`));

const stop = async () => {
  log.info('stopping');
  await realtime.close();
  server.close();
  await connection.close();
  await db.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
