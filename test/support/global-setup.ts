// Once per integration run: one embedded PostgreSQL (temp dir, free port) holding a migrated
// `template_app` database that test files clone (test/support/db.ts), and one in-memory Temporal dev
// server. Tests read their addresses with inject('pgAdminUrl') / inject('temporalAddress').
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../scripts/lib/ports';
import { ensureDatabase, startEmbeddedPostgres, withDatabase, type EmbeddedPg } from '../../scripts/lib/postgres';
import { migrateDeploy } from '../../scripts/lib/prisma';
import { startTemporalDevServer, temporalCliPath, type DevServer } from '../../scripts/lib/temporal';
import { TEMPLATE_DATABASE } from './db';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the shared test cluster's `postgres` database. */
    pgAdminUrl: string;
    /** host:port of the shared Temporal dev server (namespace `default`). */
    temporalAddress: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const cli = temporalCliPath();
  if (!cli) throw new Error('Temporal CLI not found: run the tests with `npm test` (it builds the CLI) or set TEMPORAL_CLI');

  // PostgreSQL runs as the `postgres` system user when we are root, so the directory must be traversable.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'broker-crm-test-'));
  fs.chmodSync(tmp, 0o755);
  const [pgPort, temporalPort] = [await freePort(), await freePort()];

  const [pgResult, temporalResult] = await Promise.allSettled([
    startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg'), port: pgPort, fast: true }),
    startTemporalDevServer({ cli, port: temporalPort }),
  ]);
  const cluster: EmbeddedPg | undefined = pgResult.status === 'fulfilled' ? pgResult.value : undefined;
  const temporal: DevServer | undefined = temporalResult.status === 'fulfilled' ? temporalResult.value : undefined;

  const teardown = async () => {
    await temporal?.proc.stop(10_000);
    await cluster?.proc.stop(15_000);
    fs.rmSync(tmp, { recursive: true, force: true });
  };

  try {
    if (pgResult.status === 'rejected') throw pgResult.reason;
    if (temporalResult.status === 'rejected') throw temporalResult.reason;
    await createTemplate(cluster!.adminUrl);
  } catch (err) {
    await teardown();
    throw err;
  }

  project.provide('pgAdminUrl', cluster!.adminUrl);
  project.provide('temporalAddress', temporal!.address);
  console.log(
    `[global-setup] PostgreSQL 127.0.0.1:${pgPort} (${TEMPLATE_DATABASE} migrated), ` +
      `Temporal ${temporal!.address}, in ${((Date.now() - started) / 1000).toFixed(1)}s`,
  );
  return teardown;
}

async function createTemplate(adminUrl: string): Promise<void> {
  await ensureDatabase(adminUrl, TEMPLATE_DATABASE);
  await migrateDeploy(withDatabase(adminUrl, TEMPLATE_DATABASE));
  // CREATE DATABASE … TEMPLATE fails while anyone is connected to the template: forbid connections.
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`ALTER DATABASE ${TEMPLATE_DATABASE} WITH ALLOW_CONNECTIONS false`);
  } finally {
    await client.end();
  }
}
