import type { Client } from '@temporalio/client';
import type { Env } from '../platform/env';
import type { Db } from '../platform/db';
import type { ZodType } from 'zod';
import type { Access } from './access';

/** What the API needs from the process: one database pool, one Temporal client, the parsed environment. */
export interface Deps {
  db: Db;
  temporal: Client;
  env: Env;
  log: (msg: string, err?: unknown) => void;
}

/** What every router gets: the process's deps and the access rules of the registered case types. */
export interface ApiDeps extends Deps {
  access: Access;
  /** the completion form of a case type's step */
  formOf(caseType: string, step: string): ZodType | undefined;
}
