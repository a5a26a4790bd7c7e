// Inbox list latency with 100,000 active tasks, through the real API (api/main.ts in its own process):
// GET /api/tasks as an agent (scope: their team) and a supervisor (scope: their branch), main view and
// variants, sequential requests. Then the SQL Prisma sends for each variant (captured with Prisma query
// logging from the same router, in-process) under EXPLAIN (ANALYZE, BUFFERS): which indexes it uses, and
// how PostgreSQL runs them.
// Run: tsx bench/case-engine/inbox.ts [--tasks 100000] [--requests 300] [--row-seconds 15] [--plans]
//   --plans prints every plan in full (otherwise: one line per query).
import pg from 'pg';
import { createDb } from '../../platform/db';
import { seedReferenceData } from '../../prisma/seed';
import { generateInbox } from './generate-inbox';
import { Api } from './lib/http';
import { loadLine } from './lib/cpu';
import { captureTaskQueries, explain, type Plan } from './lib/plans';
import { elapsedS, fmtMs, machineLine, summarize, table } from './lib/report';
import { startStack } from './lib/stack';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const TASKS = arg('tasks', 100_000);
const REQUESTS = arg('requests', 300);
const WARMUP = 20;
// A slow variant stops early (its n is printed), so the whole run stays within a few minutes.
const ROW_BUDGET_MS = arg('row-seconds', 15) * 1000;
const FULL_PLANS = process.argv.includes('--plans');
const SLOW_P95_MS = 100;

const q = (params: Record<string, unknown>) =>
  '/api/tasks?' +
  Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`)
    .join('&');

const VARIANTS = [
  { name: 'team, dueAt ASC, [0,24]', path: q({ view: 'team', sort: ['dueAt', 'ASC'], range: [0, 24] }) },
  { name: 'mine, dueAt ASC, [0,24]', path: q({ view: 'mine', sort: ['dueAt', 'ASC'], range: [0, 24] }) },
  { name: 'team, slaState=breached', path: q({ view: 'team', sort: ['dueAt', 'ASC'], range: [0, 24], filter: { slaState: 'breached' } }) },
  { name: 'team, priority ASC', path: q({ view: 'team', sort: ['priority', 'ASC'], range: [0, 24] }) },
  { name: 'team, deep page [5000,5024]', path: q({ view: 'team', sort: ['dueAt', 'ASC'], range: [5000, 5024] }) },
];
const WHO = [
  { label: 'agent', email: 'agent1@example.com', scope: 'team london-complaints' },
  { label: 'supervisor', email: 'supervisor@example.com', scope: 'branch london' },
];

interface Timing {
  who: string;
  variant: string;
  total: string;
  ms: number[];
}

async function time(api: Api, path: string): Promise<{ ms: number; total: string }> {
  const t0 = performance.now();
  const reply = await api.request('GET', path);
  const ms = performance.now() - t0;
  if (reply.status !== 200) throw new Error(`GET ${path}: HTTP ${reply.status} ${JSON.stringify(reply.body)}`);
  return { ms, total: reply.headers.get('content-range')?.split('/')[1] ?? '?' };
}

async function measure(url: string): Promise<Timing[]> {
  const out: Timing[] = [];
  for (const who of WHO) {
    const api = await Api.login(url, who.email);
    for (const v of VARIANTS) {
      for (let i = 0; i < WARMUP; i++) await time(api, v.path);
      const timing: Timing = { who: who.label, variant: v.name, total: '', ms: [] };
      const started = performance.now();
      for (let i = 0; i < REQUESTS && performance.now() - started < ROW_BUDGET_MS; i++) {
        const { ms, total } = await time(api, v.path);
        timing.ms.push(ms);
        timing.total = total;
      }
      out.push(timing);
    }
  }
  return out;
}

/** Plans of the SQL the tasks router sends (captured from Prisma's query log). */
async function plans(dbUrl: string, temporalAddress: string): Promise<void> {
  const captured = await captureTaskQueries(dbUrl, temporalAddress, WHO, VARIANTS);
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    for (const who of WHO) {
      const page = captured.find((c) => c.who === who.label && c.kind === 'page');
      if (page)
        console.log(`${who.label} (${who.scope}), list page as Prisma sends it:\n  ${page.query}\n  params ${JSON.stringify(page.params)}`);
    }
    const measured: Plan[] = [];
    for (const c of captured) measured.push(await explain(client, c.query, c.params));
    console.log(
      '\n' +
        table(
          ['who', 'variant', 'query', 'ms', 'plan'],
          captured.map((c, i) => [c.who, c.variant, c.kind, fmtMs(measured[i].ms), measured[i].access]),
        ),
    );
    if (FULL_PLANS) captured.forEach((c, i) => console.log(`\n${c.who} | ${c.variant} | ${c.kind}\n${measured[i].text}`));
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const began = performance.now();
  console.log(`# Broker CRM bench: task inbox (GET /api/tasks) with ${TASKS.toLocaleString('en')} active tasks`);
  console.log(machineLine());
  // Reads only: durability settings do not change what is measured, and they make loading the data faster.
  const stack = await startStack({ pgFast: true, temporal: 'memory' });
  const db = createDb(stack.dbUrl, 4);
  try {
    console.log(`stack: ${stack.describe}; API (api/main.ts) as its own process, NODE_ENV=production`);
    const setting = async (name: string) => (await db.pool.query(`SHOW ${name}`)).rows[0][name] as string;
    console.log(
      `PostgreSQL ${await setting('server_version')} (shared_buffers ${await setting('shared_buffers')}, work_mem ${await setting('work_mem')}: ` +
        `embedded defaults), stack up in ${elapsedS(began)}`,
    );
    await seedReferenceData(db.prisma);
    const genStart = performance.now();
    const stats = await generateInbox(db.pool, { tasks: TASKS });
    console.log(
      `generated in ${elapsedS(genStart)} (multi-row INSERT … SELECT unnest, then VACUUM ANALYZE): ${stats.teams} teams, ${stats.users} staff, ` +
        `${stats.clients} clients, ${stats.cases} cases; tasks: ${stats.activeTasks} active (${stats.claimed} claimed; ` +
        `${stats.sla.breached} breached, ${stats.sla.at_risk} at risk, ${stats.sla.on_track} on track) + ${stats.completedTasks} completed`,
    );

    const { rows: sizes } = await db.pool.query<{ name: string; size: string }>(
      `SELECT relname AS name, pg_size_pretty(pg_total_relation_size(oid)) AS size FROM pg_class WHERE relname IN ('tasks', 'cases') ORDER BY relname DESC`,
    );
    console.log(`on disk, with indexes: ${sizes.map((s) => `${s.name} ${s.size}`).join(', ')}`);
    const url = await stack.startApi();
    console.log(`${loadLine()} before timing`);
    const timings = await measure(url);
    console.log(
      `\nGET /api/tasks: per row ${WARMUP} warm-up, then ${REQUESTS} sequential requests or ${ROW_BUDGET_MS / 1000} s, whichever ends first; ` +
        'one keep-alive connection; ms, client-side, full body read; matches = Content-Range total',
    );
    console.log(
      table(
        ['who', 'variant', 'matches', 'n', 'p50', 'p95', 'p99', 'max', 'mean'],
        timings.map((t) => {
          const s = summarize(t.ms);
          return [t.who, t.variant, t.total, String(s.n), fmtMs(s.p50), fmtMs(s.p95), fmtMs(s.p99), fmtMs(s.max), fmtMs(s.mean)];
        }),
      ),
    );
    console.log(`${WHO.map((w) => `${w.label}: ${w.scope}`).join('; ')}. ${loadLine()} after timing`);
    const slow = timings.filter((t) => summarize(t.ms).p95 > SLOW_P95_MS);
    console.log(
      slow.length
        ? `p95 above ${SLOW_P95_MS} ms: ${slow.map((t) => `${t.who} | ${t.variant}`).join('; ')}`
        : `every p95 is within ${SLOW_P95_MS} ms`,
    );

    console.log(`\n## EXPLAIN (ANALYZE, BUFFERS) of the SQL the router sends (list page and its count), second run, ms`);
    await plans(stack.dbUrl, stack.temporalAddress);
    console.log(`\ntotal ${elapsedS(began)}`);
  } finally {
    await db.close();
    await stack.stop();
  }
}

await main();
