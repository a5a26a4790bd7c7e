// Proves the integration harness itself: a fresh database cloned from the migrated template, and the
// shared Temporal dev server, both reachable from a test file.
import { Connection } from '@temporalio/client';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/db';
import { temporalAddress } from '../support/temporal';

describe('test harness', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let other: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    [db, other] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([db?.drop(), other?.drop()]);
  });

  it('gives each caller its own database, already migrated', async () => {
    expect(db.url).not.toBe(other.url);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>('SELECT current_database() AS name');
      expect(db.url.endsWith(`/${rows[0].name}`)).toBe(true);
      // Prisma records every applied migration: the clone carries the template's schema.
      const applied = await client.query('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL');
      expect(applied.rowCount).toBeGreaterThan(0);
      // Writes stay in this database.
      await client.query('CREATE TABLE harness_probe (id int)');
    } finally {
      await client.end();
    }
    const second = new pg.Client({ connectionString: other.url });
    await second.connect();
    try {
      const { rowCount } = await second.query("SELECT 1 FROM pg_tables WHERE tablename = 'harness_probe'");
      expect(rowCount).toBe(0);
    } finally {
      await second.end();
    }
  });

  it('drops a database even while a connection is still open', async () => {
    const scratch = await createTestDatabase();
    const client = new pg.Client({ connectionString: scratch.url });
    client.on('error', () => undefined); // The forced drop terminates it.
    await client.connect();
    await scratch.drop();
    await expect(client.query('SELECT 1')).rejects.toThrow();
    await client.end().catch(() => undefined);
  });

  it('reaches the shared Temporal dev server', async () => {
    const connection = await Connection.connect({ address: temporalAddress() });
    try {
      const info = await connection.workflowService.getSystemInfo({});
      expect(info.serverVersion).toMatch(/^\d+\.\d+/);
      const ns = await connection.workflowService.describeNamespace({ namespace: 'default' });
      expect(ns.namespaceInfo?.name).toBe('default');
    } finally {
      await connection.close();
    }
  });
});
