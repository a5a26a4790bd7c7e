// Timestamps are stored without a zone, in UTC. A server (or database) set to another zone must not shift what
// the code compares with now(): sessions' expiry, import jobs left queued, monitoring windows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createDb, type Db } from '../../platform/db';
import { createTestDatabase } from '../support/db';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  const name = new URL(database.url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query(`ALTER DATABASE ${name} SET timezone = 'Asia/Shanghai'`);
  await admin.end();
  db = createDb(database.url);
});
afterAll(async () => {
  await db?.close();
  await database?.drop();
});

describe('the database session time zone', () => {
  it('is UTC for the product even when the database is set to another zone', async () => {
    const plain = new pg.Client({ connectionString: database.url });
    await plain.connect();
    const { rows: other } = await plain.query('SHOW timezone');
    await plain.end();
    expect(other[0].TimeZone).toBe('Asia/Shanghai');

    const { rows } = await db.pool.query('SHOW timezone');
    expect(rows[0].TimeZone).toBe('UTC');
    // a time Prisma writes now reads as a moment ago, not eight hours off
    await db.pool.query('CREATE TABLE tz_probe (id int PRIMARY KEY, at TIMESTAMP(3) NOT NULL)');
    await db.prisma.$executeRaw`INSERT INTO tz_probe VALUES (1, ${new Date()})`;
    const { rows: ages } = await db.pool.query('SELECT extract(epoch FROM now() - at) AS age FROM tz_probe');
    expect(Math.abs(Number(ages[0].age))).toBeLessThan(60);
  });
});
