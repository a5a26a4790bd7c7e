// An isolated, already-migrated database per test file, cloned from `template_app`
// (created by global-setup.ts) in well under a second.
import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { withDatabase } from '../../scripts/lib/postgres';

export const TEMPLATE_DATABASE = 'template_app';

export function pgAdminUrl(): string {
  const url = inject('pgAdminUrl');
  if (!url) {
    throw new Error('No test PostgreSQL: database tests belong in test/api, test/workflow or test/browser (see vitest.config.ts)');
  }
  return url;
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgAdminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `t_${crypto.randomBytes(8).toString('hex')}`;
  await admin(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  return {
    url: withDatabase(pgAdminUrl(), name),
    // FORCE: a pool the test forgot to close must not keep the database (and the run) alive.
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
