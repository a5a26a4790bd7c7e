// List import into PostgreSQL and index load from it, timed. Needs DATABASE_URL (any database on the
// server: the bench creates its own throwaway database next to it, migrates it and drops it after).
// Run: DATABASE_URL=postgresql://… node_modules/.bin/tsx bench/screening/import-db.ts
import pg from 'pg';
import { createDb } from '../../platform/db';
import { importList, loadIndex } from '../../platform/screening/store';
import { ensureDatabase, withDatabase } from '../../scripts/lib/postgres';
import { migrateDeploy } from '../../scripts/lib/prisma';
import { parseAll } from './lists';

const base = process.env.DATABASE_URL;
if (!base) {
  console.error('set DATABASE_URL (the bench creates and drops its own database on that server)');
  process.exit(2);
}
const name = `screening_bench_${process.pid}`;
const url = withDatabase(base, name);
await ensureDatabase(base, name);
try {
  await migrateDeploy(url);
  const { prisma, close } = createDb(url);
  const t0 = performance.now();
  const lists = parseAll();
  const t1 = performance.now();
  console.log('## Import into PostgreSQL (one transaction per list)');
  console.log(`  parse: ${(t1 - t0).toFixed(0)} ms`);
  for (const l of lists) {
    const s = performance.now();
    const r = await importList(prisma, l);
    console.log(`  ${l.source}: ${r.entryCount} entries in ${(performance.now() - s).toFixed(0)} ms`);
  }
  const s = performance.now();
  for (const l of lists) await importList(prisma, l);
  console.log(`  same files again (no-op by checksum): ${(performance.now() - s).toFixed(0)} ms`);
  const l0 = performance.now();
  const index = await loadIndex(prisma);
  console.log(
    `  loadIndex (latest versions → in-memory index): ${(performance.now() - l0).toFixed(0)} ms, ${index.entries.length} entries`,
  );
  await close();
} finally {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
  await admin.end();
}
