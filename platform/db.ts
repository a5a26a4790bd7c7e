import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';

/** A row of hand-written SQL: its columns are what the query says; code that reads one names the fields it uses. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- PostgreSQL rows are untyped until a query's reader types them
export type SqlRow = Record<string, any>;

export interface Db {
  /** for reads and simple writes */
  prisma: PrismaClient;
  /** the same connections, for SQL that Prisma cannot say (guarded upserts, advisory locks, NOTIFY) */
  pool: pg.Pool;
  close(): Promise<void>;
}

/** One pool per process, shared by Prisma and raw SQL. */
export function createDb(url: string, max = 10): Db {
  // Timestamps are stored without a zone, in UTC (as Prisma writes them): every session reads and compares them
  // in UTC, so `now()` and `AT TIME ZONE` mean the same on a server set to any other zone.
  const pool = new pg.Pool({ connectionString: url, max, options: '-c TimeZone=UTC' });
  // An idle connection the server ends (restart, failover, admin) is dropped from the pool and replaced
  // on demand; without a listener it would be an uncaught exception that stops the process.
  pool.on('error', (err) => console.warn(`database: idle connection lost (${err.message}); the pool will reconnect`));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}

/** Runs `fn` in one transaction on one connection. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
