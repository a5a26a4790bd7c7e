// Feed ingestion (issue 9, item 6; docs/integrations.md): N signed events of the reference adapter (account
// snapshots, deposits, withdrawals, trade summaries) over M clients, posted to POST /api/integrations/reference/events
// of the real API (api/main.ts in its own process) with K deliveries in flight, B events per delivery; then the
// same deliveries again (a replay: every event a duplicate, nothing changes). Prints events/s and the latency of a
// delivery (p50/p95/p99, ms client-side), per batch size, with the load average before and after.
// Run: tsx bench/crm/feed.ts [--events 20000] [--clients 2000] [--inflight 8] [--batch 1,50] [--pg-fast]
// (--pg-fast: PostgreSQL with fsync and synchronous_commit off, to see what the commits' flushes cost)
import { randomUUID } from 'node:crypto';
import { createDb } from '../../platform/db';
import { signFeed } from '../../platform/integrations/signature';
import { seedReferenceData } from '../../prisma/seed';
import { pool } from '../case-engine/lib/http';
import { loadLine } from '../case-engine/lib/cpu';
import { elapsedS, fmtMs, machineLine, summarize, table } from '../case-engine/lib/report';
import { startStack } from '../case-engine/lib/stack';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const EVENTS = Number(arg('events', '20000'));
const CLIENTS = Number(arg('clients', '2000'));
const INFLIGHT = Number(arg('inflight', '8'));
const BATCHES = arg('batch', '1,50').split(',').map(Number);
const PG_FAST = process.argv.includes('--pg-fast');
const SECRET = `bench-feed-secret-${randomUUID()}`;

// deterministic amounts and kinds
let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const money = (min: number, max: number) => (min + rand() * (max - min)).toFixed(2);

type FeedEvent = Record<string, unknown> & { id: string; type: string };

/**
 * N events over M clients, `run` making their ids unique: each client's first event is its account's snapshot,
 * then (in a shuffled order across clients) 10 % later snapshots, 40 % deposits, 20 % withdrawals, 30 % trade
 * summaries. Amounts stay small (deposits under the in-and-out scenario's 1 000 minimum, nothing cash), so the
 * inline monitoring rules run on every transaction without raising alerts: this measures ingestion, not AML cases.
 */
function generate(run: string, n: number): FeedEvent[] {
  const base = Date.now() - 6 * 3600_000;
  const at = (i: number) => new Date(base + i * 1000).toISOString();
  const account = (c: number, i: number): FeedEvent => ({
    id: `${run}-acc-${c}-${i}`,
    type: 'account',
    occurredAt: at(i),
    clientId: `f${c}`,
    platform: 'mt5',
    login: `${run}-${c}`,
    currency: 'USD',
    leverage: 100,
    balance: money(100, 5000),
    equity: money(100, 5000),
    marginLevel: money(100, 900),
  });
  const first = Array.from({ length: Math.min(n, CLIENTS) }, (_, c) => account(c + 1, c));
  const rest: FeedEvent[] = [];
  for (let i = first.length; i < n; i++) {
    const c = 1 + Math.floor(rand() * CLIENTS);
    const r = rand();
    const common = { occurredAt: at(i), clientId: `f${c}`, currency: 'USD' };
    if (r < 0.1) rest.push(account(c, i));
    else if (r < 0.5)
      rest.push({
        id: `${run}-dep-${i}`,
        type: 'deposit',
        ...common,
        transactionId: `${run}-psp-${i}`,
        platform: 'mt5',
        login: `${run}-${c}`,
        amount: money(50, 900),
        method: rand() < 0.7 ? 'card' : 'bank_transfer',
        status: rand() < 0.95 ? 'completed' : 'failed',
      });
    else if (r < 0.7)
      rest.push({
        id: `${run}-wd-${i}`,
        type: 'withdrawal',
        ...common,
        transactionId: `${run}-wd-${i}`,
        amount: money(10, 200),
        method: 'bank_transfer',
        status: 'completed',
      });
    else
      rest.push({
        id: `${run}-tr-${i}`,
        type: 'trades',
        ...common,
        transactionId: `${run}-trades-${i}`,
        platform: 'mt5',
        login: `${run}-${c}`,
        volume: money(1000, 250000),
        pnl: money(-300, 300),
        trades: 1 + Math.floor(rand() * 20),
      });
  }
  return [...first, ...rest];
}

interface Pass {
  ms: number[];
  wallMs: number;
  outcomes: Record<string, number>;
}

/** Posts the deliveries with INFLIGHT in flight, each signed when sent (the signature's time is checked). */
async function post(url: string, deliveries: string[]): Promise<Pass> {
  const ms: number[] = [];
  const outcomes: Record<string, number> = {};
  const t0 = performance.now();
  await pool(deliveries, INFLIGHT, async (body) => {
    const started = performance.now();
    const res = await fetch(`${url}/api/integrations/reference/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-feed-signature': signFeed(SECRET, body) },
      body,
    });
    const text = await res.text();
    ms.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`delivery: HTTP ${res.status} ${text.slice(0, 300)}`);
    for (const r of (JSON.parse(text) as { results: { outcome: string }[] }).results) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  });
  return { ms, wallMs: performance.now() - t0, outcomes };
}

async function main(): Promise<void> {
  const began = performance.now();
  console.log(
    `# Broker CRM bench: feed ingestion, ${EVENTS.toLocaleString('en')} events over ${CLIENTS.toLocaleString('en')} clients, ` +
      `${INFLIGHT} deliveries in flight, ${BATCHES.join(' and ')} events per delivery`,
  );
  console.log(machineLine());
  const stack = await startStack({ pgFast: PG_FAST, temporal: 'memory' });
  const db = createDb(stack.dbUrl, 2);
  try {
    console.log(`stack: ${stack.describe}; API (api/main.ts) as its own process, NODE_ENV=production; no worker (no alert is raised)`);
    await seedReferenceData(db.prisma);
    await db.pool.query(
      `INSERT INTO clients (id, name, type, first_name, last_name, email, country, branch_id, account_manager_id, tier, language, segment,
         kyc_status, search_name, created_at, updated_at)
       SELECT 'f' || i, 'Feed Client' || i, 'individual', 'Feed', 'Client' || i, 'feed' || i || '@bench.example.com', 'GB', 'london',
         'u-agent1', 'standard', 'en', 'retail', 'approved', 'feed client' || i, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
       FROM generate_series(1, $1::int) i`,
      [CLIENTS],
    );
    process.env.INTEGRATION_SECRET_REFERENCE = SECRET; // the API process inherits it
    const url = await stack.startApi();

    const rows: (string | number)[][] = [];
    for (const batch of BATCHES) {
      const run = `r${batch}`;
      const events = generate(run, EVENTS);
      const deliveries: string[] = [];
      for (let i = 0; i < events.length; i += batch) deliveries.push(JSON.stringify({ events: events.slice(i, i + batch) }));
      const count = async () =>
        (
          await db.pool.query<{ tx: number; ev: number; acc: number }>(
            `SELECT (SELECT count(*)::int FROM transactions WHERE source = 'feed:reference' AND external_id LIKE $1) AS tx,
                    (SELECT count(*)::int FROM integration_events WHERE event_id LIKE $1) AS ev,
                    (SELECT count(*)::int FROM trading_accounts WHERE login LIKE $1) AS acc`,
            [`${run}-%`],
          )
        ).rows[0];
      const alertsBefore = Number((await db.pool.query('SELECT count(*) AS n FROM monitoring_alerts')).rows[0].n);

      console.log(`${loadLine()} before ${batch} per delivery`);
      const first = await post(url, deliveries);
      const afterFirst = await count();
      console.log(`${loadLine()} after the first pass`);
      const replay = await post(url, deliveries);
      const afterReplay = await count();
      console.log(`${loadLine()} after the replay`);
      const alerts = Number((await db.pool.query('SELECT count(*) AS n FROM monitoring_alerts')).rows[0].n) - alertsBefore;

      if (JSON.stringify(afterFirst) !== JSON.stringify(afterReplay))
        throw new Error(`the replay changed data: ${JSON.stringify(afterFirst)} → ${JSON.stringify(afterReplay)}`);
      if ((replay.outcomes.duplicate ?? 0) !== events.length)
        throw new Error(`the replay answered ${JSON.stringify(replay.outcomes)}, not ${events.length} duplicates`);
      for (const [name, p] of [
        ['first', first],
        ['replay (all duplicates)', replay],
      ] as const) {
        const s = summarize(p.ms);
        rows.push([
          batch,
          name,
          deliveries.length,
          Math.round((events.length / p.wallMs) * 1000),
          fmtMs(s.p50),
          fmtMs(s.p95),
          fmtMs(s.p99),
          fmtMs(s.max),
          Object.entries(p.outcomes)
            .map(([k, v]) => `${k} ${v}`)
            .join(', '),
        ]);
      }
      console.log(
        `batch ${batch}: stored ${afterFirst.tx} transactions, ${afterFirst.acc} accounts, ${afterFirst.ev} integration events; ` +
          `the replay changed nothing; alerts raised ${alerts}`,
      );
    }
    console.log(
      `\nPOST /api/integrations/reference/events, ${EVENTS} events per pass, ${INFLIGHT} deliveries in flight; ` +
        `latency = one delivery, client-side ms (signing included)`,
    );
    console.log(table(['events/delivery', 'pass', 'deliveries', 'events/s', 'p50', 'p95', 'p99', 'max', 'outcomes'], rows));
    console.log(`\ntotal ${elapsedS(began)}`);
  } finally {
    await db.close();
    await stack.stop();
  }
}

await main();
