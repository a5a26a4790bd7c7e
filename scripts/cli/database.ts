import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { repoRoot } from '../lib/paths';
import { freePort } from '../lib/ports';
import { ensureDatabase, pgUrl, startEmbeddedPostgres } from '../lib/postgres';
import { migrateDeploy } from '../lib/prisma';

// Where the CLI's data lives: DATABASE_URL when set; else the embedded cluster under data/pg — the one
// `npm start` is running if it is, or the same cluster started just for this command and stopped after.

const DATABASE_NAME = 'broker_crm';

export interface Database {
  url: string;
  close(): Promise<void>;
}

/** Port of a cluster running on `dataDir` (4th line of postmaster.pid), if there is one. */
function runningPort(dataDir: string): number | undefined {
  try {
    const port = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[3]);
    return Number.isInteger(port) && port > 0 ? port : undefined;
  } catch {
    return undefined;
  }
}

async function accepts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function openDatabase(say: (line: string) => void): Promise<Database> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, close: async () => undefined };
  const dataDir = path.resolve(repoRoot, process.env.DATA_DIR ?? 'data', 'pg');
  const port = runningPort(dataDir);
  if (port && (await accepts(pgUrl(port, 'postgres')))) {
    await ensureDatabase(pgUrl(port, 'postgres'), DATABASE_NAME);
    return { url: pgUrl(port, DATABASE_NAME), close: async () => undefined };
  }
  say(`starting embedded PostgreSQL (${path.relative(process.cwd(), dataDir) || dataDir}) for this command…`);
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  try {
    await ensureDatabase(server.adminUrl, DATABASE_NAME);
    const url = pgUrl(server.port, DATABASE_NAME);
    await migrateDeploy(url);
    return { url, close: async () => void (await server.proc.stop(20_000)) };
  } catch (err) {
    await server.proc.stop(20_000);
    throw err;
  }
}
