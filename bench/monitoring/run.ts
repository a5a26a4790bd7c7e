// Monitoring at size (issue 10): inline rule evaluation per transaction (goal p95 ≤ 5 ms) and the ingest
// rate with all rules on, a full daily sweep of the window rules (goal ≤ 10 min), re-screening after a list
// update of 100 changed entries (goal ≤ 10 s) and a full re-screen of the book (goal ≤ 5 min), over a
// generated book (bench/monitoring/generate.ts). Sweeps and re-screens run their batch functions in this
// process, in order, as the workflows' activities would (one activity per batch); alerts are not routed.
// Run: tsx bench/monitoring/run.ts [--clients 1000000] [--per-client 20 (0: re-screening only)] [--inline 2000] [--concurrency 8] [--full 1 (0: no full re-screen)]
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createDb } from '../../platform/db';
import { seedReferenceData } from '../../prisma/seed';
import { ingestTransaction } from '../../platform/monitoring/ingest';
import { findTogether } from '../../platform/monitoring/candidates';
import { versionsInForce } from '../../platform/monitoring/versions';
import { createSweep, runBatch } from '../../platform/monitoring/sweep';
import { refreshBookIndex } from '../../platform/monitoring/rescreen/book';
import { createRun, deltaBatch, fullBatch } from '../../platform/monitoring/rescreen/run';
import { importList, loadIndex } from '../../platform/screening/store';
import { parseListFiles } from '../../platform/screening/detect';
import { REFERENCE_LIST_FILES, REFERENCE_SANCTIONS_DIR } from '../../platform/screening/parse/reference';
import type { ParsedList } from '../../platform/screening/types';
import { pool as concurrently } from '../case-engine/lib/http';
import { loadLine } from '../case-engine/lib/cpu';
import { elapsedS, fmtMs, machineLine, summarize, table } from '../case-engine/lib/report';
import { startStack } from '../case-engine/lib/stack';
import { generate } from './generate';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CLIENTS = arg('clients', 1_000_000);
const PER_CLIENT = arg('per-client', 20);
const INLINE = arg('inline', 2000);
const CONCURRENCY = arg('concurrency', 8);
const FULL = arg('full', 1);
const scale = 1_000_000 / CLIENTS;

let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const clientId = () => `mb${String(1 + Math.floor(rand() * CLIENTS)).padStart(8, '0')}`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function randomTransaction(i: number) {
  const type = rand() < 0.4 ? 'deposit' : rand() < 0.6 ? 'withdrawal' : 'trade';
  return {
    clientId: clientId(),
    source: 'bench-inline',
    externalId: `i-${i}-${randomUUID()}`,
    type: type as 'deposit' | 'withdrawal' | 'trade',
    amount: (100 + rand() * 12000).toFixed(2),
    currency: 'USD',
    method: type === 'trade' ? null : ('bank_transfer' as const),
    bookedAt: new Date(),
    counterparty:
      type === 'trade' ? null : { name: rand() < 0.7 ? null : `Payee ${Math.floor(rand() * 1e6)}`, country: rand() < 0.02 ? 'NG' : 'GB' },
  };
}

async function main(): Promise<void> {
  const began = performance.now();
  console.log(
    `# Broker CRM bench: monitoring over ${CLIENTS.toLocaleString('en')} clients and ${(CLIENTS * PER_CLIENT).toLocaleString('en')} transactions (a year)`,
  );
  console.log(machineLine());
  const stack = await startStack({ pgFast: false, temporal: 'memory' });
  const db = createDb(stack.dbUrl, CONCURRENCY + 2);
  const results: (string | number)[][] = [];
  const push = results.push.bind(results);
  results.push = (...rows: (string | number)[][]) => {
    for (const r of rows) console.log(`  → ${r.join(' | ')}`);
    return push(...rows);
  };
  try {
    console.log(`stack: ${stack.describe}; PostgreSQL with durable commits`);
    await seedReferenceData(db.prisma);
    const g0 = performance.now();
    await generate(db.pool, { clients: CLIENTS, perClient: PER_CLIENT }, console.log);
    console.log(`generated in ${elapsedS(g0)}; ${loadLine()}`);

    if (PER_CLIENT > 0) {
      // 1. inline: one transaction at a time (latency), then concurrently (rate)
      const versions = await versionsInForce(db.pool, { executions: ['inline'] });
      const evalMs: number[] = [];
      const { rows: sample } = await db.pool.query<{ id: string }>(
        `SELECT id FROM transactions WHERE source = 'bench' ORDER BY hashint8(abs(hashtext(id::text))) LIMIT ${INLINE}`,
      );
      for (const { id } of sample) {
        const t0 = performance.now();
        await findTogether(db.pool, versions, { kind: 'transaction', transactionId: id });
        evalMs.push(performance.now() - t0);
      }
      const ev = summarize(evalMs);
      results.push([
        'inline rules (4) on one stored transaction',
        `p50 ${fmtMs(ev.p50)} ms, p95 ${fmtMs(ev.p95)} ms, p99 ${fmtMs(ev.p99)} ms`,
        'p95 ≤ 5 ms',
      ]);
      const ingestMs: number[] = [];
      for (let i = 0; i < INLINE; i++) {
        const t0 = performance.now();
        await ingestTransaction(db.pool, randomTransaction(i));
        ingestMs.push(performance.now() - t0);
      }
      const ig = summarize(ingestMs);
      results.push(['ingest one at a time (insert + rules + commit)', `p50 ${fmtMs(ig.p50)} ms, p95 ${fmtMs(ig.p95)} ms`, '']);
      const n = INLINE * 2;
      const t1 = performance.now();
      await concurrently(
        Array.from({ length: n }, (_, i) => i),
        CONCURRENCY,
        async (i) => void (await ingestTransaction(db.pool, randomTransaction(INLINE + i))),
      );
      const rate = n / ((performance.now() - t1) / 1000);
      results.push([`ingest rate, ${CONCURRENCY} concurrent`, `${rate.toFixed(0)} transactions/s`, 'Tazama: 3,000/s on a cluster']);

      // 2. the daily sweep: window and inline rules over the last 2 days, batches of 5,000 clients
      const sweepId = randomUUID();
      await createSweep(db.prisma, {
        id: sweepId,
        kind: 'scheduled',
        workflowId: 'bench',
        from: new Date(Date.now() - 2 * 86_400_000),
        to: new Date(),
      });
      const s0 = performance.now();
      let after: string | null = null;
      for (;;) {
        const r = await runBatch(db.pool, { sweepId, after, size: 5000 });
        after = r.cursor;
        if (r.done) break;
      }
      const sweepMs = performance.now() - s0;
      const sweep = await db.prisma.monitoringSweep.findUniqueOrThrow({ where: { id: sweepId } });
      results.push([
        `daily sweep (${sweep.batchesDone} batches, ${sweep.alertsCreated} alerts)`,
        `${secs(sweepMs)}${scale > 1 ? ` (×${scale} → ${secs(sweepMs * scale)} at 1M)` : ''}`,
        '≤ 10 min',
      ]);
    }
    let after: string | null = null;

    // 3. re-screening: lists v1, the book index, then a version with 100 changed entries
    const lists = parseListFiles(
      REFERENCE_LIST_FILES.map((name) => ({ name, content: readFileSync(path.join(REFERENCE_SANCTIONS_DIR, name)) })),
    );
    for (const l of lists) await importList(db.prisma, l);
    const entries = lists.reduce((s, l) => s + l.entries.length, 0);
    const b0 = performance.now();
    let indexed = 0;
    for (let k; (k = await refreshBookIndex(db.pool, 20_000)) > 0;) indexed += k;
    const buildMs = performance.now() - b0;
    results.push([
      `book index build (${indexed.toLocaleString('en')} clients, once)`,
      `${secs(buildMs)}${scale > 1 ? ` (→ ${secs(buildMs * scale)} at 1M)` : ''}`,
      '',
    ]);
    const un = lists.find((l) => l.source === 'un_sc')!;
    const changed = un.entries.slice(0, 50).map((e, i) => ({
      ...e,
      aliases: [
        ...e.aliases,
        { name: `${e.name.split(' ')[0]} ${['Smith', 'Ivanov', 'Wang', 'Khan', 'Garcia'][i % 5]}`, kind: 'aka' as const },
      ],
    }));
    const added = lists
      .find((l) => l.source === 'ofac_sdn')!
      .entries.slice(0, 30)
      .map((e) => ({ ...e, entryId: `new-${e.entryId}` }));
    const v2: ParsedList = {
      ...un,
      files: [{ role: 'xml', name: 'v2.xml', sha256: randomUUID() }],
      entries: [...changed, ...un.entries.slice(70), ...added],
    };
    const d0 = performance.now();
    const imported = await importList(db.prisma, v2);
    const importMs = performance.now() - d0;
    const r0 = performance.now();
    while ((await refreshBookIndex(db.pool)) > 0);
    const runId = randomUUID();
    await createRun(db.prisma, { id: runId, kind: 'delta', versionId: imported.versionId, workflowId: 'bench' });
    after = null;
    const stats = { names: 0, namesKept: 0, clientsScored: 0 };
    for (;;) {
      const r = await deltaBatch(db.pool, db.prisma, { runId, after, size: 100, stats });
      after = r.cursor;
      if (r.done) break;
    }
    const deltaMs = performance.now() - r0;
    const run = await db.prisma.rescreenRun.findUniqueOrThrow({ where: { id: runId } });
    results.push([
      `delta re-screen, ${run.total} changed entries (${JSON.stringify(imported.delta)}), ${run.matchesNew} new matches; ` +
        `${stats.names.toLocaleString('en')} client names proposed, ` +
        `${stats.namesKept} names (${stats.clientsScored} clients) could reach the threshold and were searched`,
      `${secs(deltaMs)} (+ import with delta ${secs(importMs)})`,
      '≤ 10 s',
    ]);

    // 4. full re-screen of the book against every list
    if (!FULL) {
      console.log(`\n${table(['measure', 'result', 'goal / anchor'], results)}`);
      console.log(`\ntotal ${elapsedS(began)}; ${loadLine()}`);
      return;
    }
    const index = await loadIndex(db.prisma);
    const fullId = randomUUID();
    await createRun(db.prisma, { id: fullId, kind: 'full', workflowId: 'bench' });
    const f0 = performance.now();
    after = null;
    for (;;) {
      const r = await fullBatch(db.pool, { runId: fullId, after, size: 2000, index });
      after = r.cursor;
      if (r.done) break;
    }
    const fullMs = performance.now() - f0;
    const full = await db.prisma.rescreenRun.findUniqueOrThrow({ where: { id: fullId } });
    results.push([
      `full re-screen, ${full.done.toLocaleString('en')} clients × ${index.entries.length.toLocaleString('en')} entries (${entries} imported), one core`,
      `${secs(fullMs)} = ${(full.done / (fullMs / 1000)).toFixed(0)} clients/s${scale > 1 ? ` (→ ${secs(fullMs * scale)} at 1M)` : ''}`,
      '≤ 5 min (yente: ~69 core-hours)',
    ]);
    console.log(`\n${table(['measure', 'result', 'goal / anchor'], results)}`);
    console.log(`\ntotal ${elapsedS(began)}; ${loadLine()}`);
  } finally {
    await db.close();
    await stack.stop();
  }
}

await main();
