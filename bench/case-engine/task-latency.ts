// End-to-end latency of completing a task: HTTP POST /api/tasks/:id/complete → workflow Update →
// projection committed (NOTIFY) → socket.io `task` event at a connected client.
//   t0 before the request; t1 when the HTTP 200 body has arrived; t2 when the socket event with that task
//   id and status "completed" has arrived. The Update answers only after its projection is written, so
//   the event and the response race: t2 < t1 is normal.
// Run: tsx bench/case-engine/task-latency.ts [--n 200] [--warmup 20] [--concurrency 1,4]
//        [--temporal file|memory] [--pg-fast]
import { io, type Socket } from 'socket.io-client';
import { createDb } from '../../platform/db';
import { seedReferenceData } from '../../prisma/seed';
import { Api, pool, taskPath } from './lib/http';
import { elapsedS, fmtMs, machineLine, summarize, table } from './lib/report';
import { cpuLine, cpuSeconds, loadLine } from './lib/cpu';
import { startStack, type Stack } from './lib/stack';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
};
const N = Number(arg('n', '200'));
const WARMUP = Number(arg('warmup', '20'));
const LEVELS = arg('concurrency', '1,4').split(',').map(Number);
const TEMPORAL = arg('temporal', 'file') === 'memory' ? 'memory' : 'file';
const PG_FAST = process.argv.includes('--pg-fast');
const EVENT_TIMEOUT_MS = 30_000;
// What the socket has to be quiet for before a timed run: the previous run's follow-up work (the next
// step's task, notifications) must not be measured as part of this one.
const SETTLE_MS = 1_500;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Arrival times of `task` events with status "completed", by task id, and a way to await one. */
function completionEvents(socket: Socket) {
  const arrived = new Map<string, number>();
  const waiting = new Map<string, (t: number) => void>();
  let lastEventAt = performance.now();
  socket.on('task', (e: { id: string; status: string }) => {
    const t = performance.now();
    lastEventAt = t;
    if (e.status !== 'completed') return;
    const resolve = waiting.get(e.id);
    if (resolve) {
      waiting.delete(e.id);
      resolve(t);
    } else arrived.set(e.id, t);
  });
  return {
    /** Call before sending the request, so an event that beats the response is not missed. */
    expect(id: string): Promise<number> {
      const early = arrived.get(id);
      if (early !== undefined) return Promise.resolve(early);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`no socket event for ${id} within ${EVENT_TIMEOUT_MS} ms`));
        }, EVENT_TIMEOUT_MS);
        waiting.set(id, (t) => {
          clearTimeout(timer);
          resolve(t);
        });
      });
    },
    async settle(): Promise<void> {
      while (performance.now() - lastEventAt < SETTLE_MS) await sleep(200);
    },
  };
}

async function connectSocket(url: string, token: string): Promise<Socket> {
  const socket = io(url, { path: '/socket.io', auth: { token }, transports: ['websocket'], reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Opens `count` complaints through the API and claims each acknowledge task; returns the task ids. */
async function prepareTasks(api: Api, db: ReturnType<typeof createDb>, count: number): Promise<string[]> {
  const caseIds: string[] = [];
  await pool(Array.from({ length: count }), 4, async () => {
    const reply = await api.ok(
      'POST',
      '/api/complaints',
      { clientId: 'c-1001', channel: 'email', category: 'trade_execution', severity: 'medium', description: 'Benchmark complaint' },
      201,
    );
    caseIds.push(reply.body.id);
  });
  // The first task is projected just after the case is registered: wait until every case has it.
  let ids: string[] = [];
  for (let i = 0; i < 600 && ids.length < count; i++) {
    const { rows } = await db.pool.query<{ id: string }>(
      `SELECT id FROM tasks WHERE case_id = ANY($1) AND step = 'acknowledge' AND status = 'open' ORDER BY created_at`,
      [caseIds],
    );
    ids = rows.map((r) => r.id);
    if (ids.length < count) await sleep(100);
  }
  if (ids.length < count) throw new Error(`only ${ids.length} of ${count} acknowledge tasks appeared`);
  await pool(ids, 4, async (id) => void (await api.ok('POST', taskPath(id, 'claim'))));
  return ids;
}

interface Run {
  concurrency: number;
  http: number[];
  event: number[];
  eventFirst: number;
  wallMs: number;
  cpu: string;
  load: string;
}

async function completeAll(
  stack: Stack,
  api: Api,
  events: ReturnType<typeof completionEvents>,
  ids: string[],
  concurrency: number,
): Promise<Run> {
  const run: Run = { concurrency, http: [], event: [], eventFirst: 0, wallMs: 0, cpu: '', load: '' };
  const cpuBefore = cpuSeconds(stack.pids());
  const start = performance.now();
  await pool(ids, concurrency, async (id) => {
    const eventAt = events.expect(id);
    const t0 = performance.now();
    const reply = await api.request('POST', taskPath(id, 'complete'), { outcome: 'acknowledged', note: 'Benchmark' });
    const t1 = performance.now();
    if (reply.status !== 200 || reply.body?.status !== 'completed') {
      throw new Error(`complete ${id}: HTTP ${reply.status} ${JSON.stringify(reply.body)}`);
    }
    const t2 = await eventAt;
    run.http.push(t1 - t0);
    run.event.push(t2 - t0);
    if (t2 < t1) run.eventFirst++;
  });
  run.wallMs = performance.now() - start;
  run.cpu = cpuLine(cpuBefore, cpuSeconds(stack.pids()), run.wallMs);
  run.load = loadLine();
  return run;
}

async function main(): Promise<void> {
  const began = performance.now();
  console.log('# Broker CRM bench: task completion latency (HTTP → Update → projection → socket.io event)');
  console.log(machineLine());
  const stack = await startStack({ pgFast: PG_FAST, temporal: TEMPORAL });
  const db = createDb(stack.dbUrl, 4);
  let socket: Socket | undefined;
  try {
    console.log(
      `stack: ${stack.describe}; worker (worker/main.ts) and API (api/main.ts, with realtime) as separate processes, NODE_ENV=production`,
    );
    await seedReferenceData(db.prisma);
    const [url] = await Promise.all([stack.startApi(), stack.startWorker()]);
    console.log(`stack up in ${elapsedS(began)}`);

    const agent = await Api.login(url, 'agent1@example.com');
    socket = await connectSocket(url, agent.token);
    const events = completionEvents(socket);

    const total = WARMUP + N * LEVELS.length;
    const prepStart = performance.now();
    const ids = await prepareTasks(agent, db, total);
    console.log(`prepared ${total} complaints with a claimed acknowledge task in ${elapsedS(prepStart)}`);

    await events.settle();
    console.log(`before the timed runs: ${loadLine()} (other work on this machine inflates the figures)`);
    await completeAll(stack, agent, events, ids.slice(0, WARMUP), 1);
    const runs: Run[] = [];
    let offset = WARMUP;
    for (const concurrency of LEVELS) {
      await events.settle();
      runs.push(await completeAll(stack, agent, events, ids.slice(offset, offset + N), concurrency));
      offset += N;
    }

    const rows = runs.flatMap((r) => {
      const h = summarize(r.http);
      const e = summarize(r.event);
      const rate = ((r.http.length / r.wallMs) * 1000).toFixed(1);
      return [
        [String(r.concurrency), String(h.n), 'HTTP 200      (t1-t0)', fmtMs(h.p50), fmtMs(h.p95), fmtMs(h.p99), fmtMs(h.max), rate],
        [String(r.concurrency), String(e.n), 'socket event  (t2-t0)', fmtMs(e.p50), fmtMs(e.p95), fmtMs(e.p99), fmtMs(e.max), ''],
      ];
    });
    console.log(`\nwarm-up: ${WARMUP} completions (not counted); every run completes distinct tasks; times in ms`);
    console.log(table(['concurrency', 'n', 'measure', 'p50', 'p95', 'p99', 'max', 'completions/s'], rows));
    for (const r of runs) {
      console.log(
        `concurrency ${r.concurrency}: socket event before the HTTP response for ${r.eventFirst} of ${r.event.length}; ${r.load} at the end`,
      );
      console.log(`  CPU during the run: ${r.cpu}`);
    }
    console.log(`\ntotal ${elapsedS(began)}`);
  } finally {
    socket?.close();
    await db.close();
    await stack.stop();
  }
}

await main();
