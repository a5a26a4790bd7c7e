// What the case engine costs: registering complaints (HTTP POST /api/complaints → update-with-start →
// first task projected → 201) against a bare Temporal workflow that starts, runs one activity and returns
// (client.workflow.execute), both at the same concurrency on the same dev server in one run. Rounds
// alternate between the two so that drift on the machine hits both alike.
// Run: tsx bench/case-engine/case-throughput.ts [--seconds 20] [--rounds 2] [--concurrency 8]
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { createDb } from '../../platform/db';
import { seedReferenceData } from '../../prisma/seed';
import { launch } from '../../scripts/lib/proc';
import { repoRoot } from '../../scripts/lib/paths';
import { waitFor } from '../../scripts/lib/wait';
import { Api } from './lib/http';
import { machineLine, table } from './lib/report';
import { cpuLine, cpuSeconds, loadLine } from './lib/cpu';
import { startStack } from './lib/stack';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
};
const SECONDS = Number(arg('seconds', '20'));
const ROUNDS = Number(arg('rounds', '2'));
const CONCURRENCY = Number(arg('concurrency', '8'));
const WARMUP = 20;

/** Runs `op` with `concurrency` in flight for `seconds`; completed operations per second, and how many. */
async function sustain(op: () => Promise<void>, seconds: number, concurrency: number): Promise<{ rate: number; done: number }> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await op();
        done++;
      }
    }),
  );
  return { rate: done / ((performance.now() - started) / 1000), done };
}

const stack = await startStack({ pgFast: false, temporal: 'file' });
try {
  console.log(machineLine());
  console.log(`stack: ${stack.describe}`);
  const db = createDb(stack.dbUrl);
  await seedReferenceData(db.prisma);
  await db.close();
  const [base] = await Promise.all([stack.startApi(), stack.startWorker()]);

  let barePolling = false;
  const bare = launch('bare-worker', process.execPath, ['--import', 'tsx', 'bench/case-engine/bare/worker.ts'], {
    cwd: repoRoot,
    env: { ...process.env, TEMPORAL_ADDRESS: stack.temporalAddress },
    onLine: (line) => (barePolling ||= line.startsWith('worker: polling')),
  });
  await waitFor('the bare worker', async () => (barePolling ? true : undefined), { timeoutMs: 120_000, intervalMs: 200 });

  const connection = await Connection.connect({ address: stack.temporalAddress });
  const temporal = new Client({ connection });
  const agent = await Api.login(base, 'agent1@example.com');
  const complaint = () =>
    agent
      .ok(
        'POST',
        '/api/complaints',
        { clientId: 'c-1001', channel: 'email', category: 'platform', severity: 'medium', description: 'Bench complaint' },
        201,
      )
      .then(() => undefined);
  const bareRun = () =>
    temporal.workflow
      .execute('bareWorkflow', { taskQueue: 'bench-bare', workflowId: `bare-${randomUUID()}`, args: ['x'] })
      .then(() => undefined);

  // warm both paths (workflow bundles, connections, JIT) before measuring
  for (let i = 0; i < WARMUP; i++) await Promise.all([complaint(), bareRun()]);

  const rows: (string | number)[][] = [];
  const cases: number[] = [];
  const bares: number[] = [];
  // CPU per operation, per component: unlike the rates it does not move with other load on the machine
  const pids = () => ({ ...stack.pids(), bench: process.pid, 'bare-worker': bare.child.pid! });
  const cpuPerOp = { bare: new Map<string, number>(), cases: new Map<string, number>() };
  const measure = async (kind: keyof typeof cpuPerOp, op: () => Promise<void>) => {
    const before = cpuSeconds(pids());
    const { rate, done } = await sustain(op, SECONDS, CONCURRENCY);
    const after = cpuSeconds(pids());
    for (const name of Object.keys(after)) {
      const ms = ((after[name] - before[name]) * 1000) / done;
      cpuPerOp[kind].set(name, (cpuPerOp[kind].get(name) ?? 0) + ms / ROUNDS);
    }
    return rate;
  };
  const cpu0 = cpuSeconds(stack.pids());
  const t0 = performance.now();
  for (let r = 1; r <= ROUNDS; r++) {
    const b = await measure('bare', bareRun);
    const c = await measure('cases', complaint);
    bares.push(b);
    cases.push(c);
    rows.push([r, b.toFixed(2), c.toFixed(2), (c / b).toFixed(2)]);
  }
  const cpu1 = cpuSeconds(stack.pids());
  console.log(`\n${CONCURRENCY} in flight, ${SECONDS} s per measurement, ${ROUNDS} rounds (bare, then cases)`);
  console.log(table(['round', 'bare Temporal /s', 'cases /s', 'ratio'], rows));
  console.log(cpuLine(cpu0, cpu1, performance.now() - t0));
  const names = [...new Set([...cpuPerOp.bare.keys(), ...cpuPerOp.cases.keys()])];
  const perOp = (kind: keyof typeof cpuPerOp) => names.map((n) => `${n} ${(cpuPerOp[kind].get(n) ?? 0).toFixed(1)}`).join(', ');
  const total = (kind: keyof typeof cpuPerOp) => [...cpuPerOp[kind].values()].reduce((a, b) => a + b, 0).toFixed(1);
  console.log(`CPU ms per bare workflow: ${perOp('bare')} (total ${total('bare')})`);
  console.log(`CPU ms per case: ${perOp('cases')} (total ${total('cases')})`);
  console.log(loadLine());
  const x = cases.reduce((a, b) => a + b, 0) / cases.length;
  const y = bares.reduce((a, b) => a + b, 0) / bares.length;
  console.log(`case-throughput: cases ${x.toFixed(2)}/s, bare Temporal ${y.toFixed(2)}/s, ratio ${(x / y).toFixed(2)}`);
  await connection.close();
  await bare.stop(10_000);
} finally {
  await stack.stop();
}
