// Issue 7, item 13: as root, embedded PostgreSQL in a clone under a private (0700) directory. PostgreSQL
// runs as the `postgres` user, which cannot enter that directory: initdb failed with EACCES. Now the
// binaries run from a copy and the cluster lives in a root-owned runtime directory, with a symlink in
// the clone. The clone is simulated: binaries hard-linked into a 0700 directory, data beside them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { packagedNativeDir } from '../../scripts/lib/pg-runtime';
import { freePort } from '../../scripts/lib/ports';
import { startEmbeddedPostgres } from '../../scripts/lib/postgres';

const asRoot = process.getuid?.() === 0;

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(!asRoot)('embedded PostgreSQL as root in a private directory', () => {
  const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broker-crm-private-'));
  const runtimeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broker-crm-runtime-'));
  const clone = path.join(privateDir, 'clone');
  const nativeDir = path.join(clone, 'node_modules', 'native');
  const dataDir = path.join(clone, 'data', 'pg');
  afterAll(() => {
    for (const dir of [privateDir, runtimeDir]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts, keeps its data across restarts, and starts afresh once data/ is deleted', async () => {
    fs.chmodSync(privateDir, 0o700);
    fs.chmodSync(runtimeDir, 0o755);
    fs.mkdirSync(path.dirname(nativeDir), { recursive: true });
    try {
      execFileSync('cp', ['-a', '--link', packagedNativeDir(), nativeDir]);
    } catch {
      execFileSync('cp', ['-a', packagedNativeDir(), nativeDir]); // another file system
    }

    const start = async () => startEmbeddedPostgres({ dataDir, port: await freePort(), fast: true, nativeDir, runtimeDir });
    const first = await start();
    try {
      await query(first.adminUrl, 'CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$still here$$)');
    } finally {
      await first.proc.stop(15_000);
    }
    expect(first.proc.tail().join('\n')).toMatch(/the postgres user cannot reach .*native, so PostgreSQL runs from a/);
    expect(fs.lstatSync(dataDir).isSymbolicLink()).toBe(true);
    const cluster = fs.realpathSync(dataDir);
    expect(path.dirname(cluster)).toBe(path.join(fs.realpathSync(runtimeDir), 'clusters'));

    const second = await start();
    try {
      expect(await query(second.adminUrl, 'SELECT v FROM kept')).toEqual([{ v: 'still here' }]);
    } finally {
      await second.proc.stop(15_000);
    }

    // `rm -rf data` asks for an empty database, as it does for a user who is not root.
    fs.rmSync(path.join(clone, 'data'), { recursive: true });
    const third = await start();
    try {
      expect(await query(third.adminUrl, "SELECT to_regclass('kept') AS t")).toEqual([{ t: null }]);
    } finally {
      await third.proc.stop(15_000);
    }
    expect(fs.realpathSync(dataDir)).toBe(cluster);
  });
});
