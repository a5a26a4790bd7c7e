import type { Client } from '@temporalio/client';
import type { Env } from './config/env';
import type { Db } from './db';

/** What the API needs from the process: one database pool, one Temporal client, the parsed environment. */
export interface Deps {
  db: Db;
  temporal: Client;
  env: Env;
  log: (msg: string, err?: unknown) => void;
}
