// Run: npm run fuzz   (scripts/fuzz.sh installs schemathesis into .tools/schemathesis, then runs this)
//
// schemathesis against the served OpenAPI document, as each role (issue 7, item 20). Starts a stack of
// its own, each part in a process as in production (embedded PostgreSQL, the Temporal dev server,
// worker/main.ts, api/main.ts), seeds the demo data (prisma/seed.ts) and a user for each role no demo
// user holds (test/support/role-users.ts), logs in over the API as one user per role the way the
// console does (POST /api/auth/login; the `sid` cookie, and an Origin header of the API's own origin,
// which cookie-authenticated writes need: api/http/security.ts), then runs `st run` once per role (and
// once without logging in) with a few examples per operation and a fixed seed. Checks: no 5xx,
// responses match their schemas, status codes are documented. Prints the counts per role (operations,
// test cases, failures) and the API's logged errors; exits non-zero on any failure.
//
// Options (environment): FUZZ_EXAMPLES (default 4), FUZZ_SEED (default 20261207), FUZZ_ROLES
// (comma-separated, default every role), FUZZ_WORKERS (default 1), FUZZ_KEEP=1 keeps the reports,
// FUZZ_FULL=1 runs the coverage phase as every role on every operation it may call (about three times longer;
// finds faults on paths only some roles reach, such as an administrator's branch-free input).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../scripts/lib/ports';
import { ensureDatabase, startEmbeddedPostgres, withDatabase } from '../../scripts/lib/postgres';
import { migrateDeploy } from '../../scripts/lib/prisma';
import { describeExit, launch, type Managed } from '../../scripts/lib/proc';
import { repoRoot } from '../../scripts/lib/paths';
import { startTemporalDevServer, temporalCliPath } from '../../scripts/lib/temporal';
import { FatalError, waitFor } from '../../scripts/lib/wait';
import { createDb } from '../../platform/db';
import { DEMO_PASSWORD, seedReferenceData } from '../../prisma/seed';
import { ADMIN_ROLE } from '../../workflows/engine/types';
import { ALL_ROLES, createRoleUsers } from '../support/role-users';

const EXAMPLES = Number(process.env.FUZZ_EXAMPLES ?? 4);
const FULL = process.env.FUZZ_FULL === '1';
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
// one worker: schemathesis' threads trip a CPython 3.11 fault in ast.parse ("AST constructor recursion
// depth mismatch", a Runtime Error on a random operation), and one order of requests is one outcome
const WORKERS = process.env.FUZZ_WORKERS ?? '1';
const ST = path.join(repoRoot, '.tools/schemathesis/bin/st');
const CHECKS = ['not_a_server_error', 'response_schema_conformance', 'status_code_conformance'];
// Operations that end the caller's own session would leave the rest of its run logged out.
const EXCLUDED = /^\/api\/auth\/(logout|logout-all)$/;

const say = (msg: string) => console.log(`fuzz       ${msg}`);
/** the per-role lines and the total, also written to FUZZ_SUMMARY (.ci/run prints it at the end) */
const summary: string[] = [];
const sayCounts = (msg: string) => {
  say(msg);
  summary.push(`fuzz: ${msg}`);
};
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'broker-crm-fuzz-'));
fs.chmodSync(tmp, 0o755); // PostgreSQL runs as the postgres user when we are root
const procs: Managed[] = [];
/** the schemathesis run in progress, stopped with the rest */
let fuzzer: ReturnType<typeof spawn> | undefined;
const apiErrors: string[] = [];

async function stop(): Promise<void> {
  fuzzer?.kill('SIGTERM');
  for (const name of ['api', 'worker', 'temporal', 'postgres']) {
    await Promise.all(procs.filter((p) => p.name === name).map((p) => p.stop(name === 'worker' ? 20_000 : 10_000)));
  }
  if (!process.env.FUZZ_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().finally(() => process.exit(130)));

async function startStack(): Promise<{ url: string; dbUrl: string }> {
  const cli = temporalCliPath();
  if (!cli) throw new Error('Temporal CLI not found: run `npm run fuzz` (it builds the CLI) or set TEMPORAL_CLI');
  const [pgPort, temporalPort, apiPort] = [await freePort(), await freePort(), await freePort()];
  const [pgServer, temporal] = await Promise.all([
    startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg'), port: pgPort, fast: true, onLaunch: (p) => procs.push(p) }),
    startTemporalDevServer({ cli, port: temporalPort, onLaunch: (p) => procs.push(p) }),
  ]);
  await ensureDatabase(pgServer.adminUrl, 'broker_crm');
  const dbUrl = withDatabase(pgServer.adminUrl, 'broker_crm');
  await migrateDeploy(dbUrl);

  const env = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: dbUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: 'fuzz',
    ...extra,
  });
  const start = (name: 'api' | 'worker', entry: string, e: NodeJS.ProcessEnv, onLine: (line: string) => void) => {
    const proc = launch(name, process.execPath, ['--import', 'tsx', entry], { cwd: repoRoot, env: e, onLine, keep: 80 });
    procs.push(proc);
    let exit: string | undefined;
    void proc.exited.then((x) => (exit = describeExit(x)));
    return () => (exit ? `${name} ${exit}:\n${proc.tail().join('\n')}` : undefined);
  };
  let polling = false;
  const workerDead = start('worker', 'worker/main.ts', env({}), (line) => {
    if (line.startsWith('worker: polling')) polling = true;
  });
  const apiDead = start('api', 'api/main.ts', env({ PORT: String(apiPort) }), (line) => {
    if (/"level":"error"|error/i.test(line)) apiErrors.push(line);
  });
  const url = `http://127.0.0.1:${apiPort}`;
  await waitFor(
    'the API and the worker',
    async () => {
      const dead = apiDead() ?? workerDead();
      if (dead) throw new FatalError(dead);
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) }).catch(() => null);
      await res?.body?.cancel();
      return res?.status === 200 && polling ? true : undefined;
    },
    { timeoutMs: 180_000, intervalMs: 250 },
  );
  return { url, dbUrl };
}

/** Who the fuzzer logs in as: the demo user of each role (london), else the generated user of that role. */
interface Login {
  role: string;
  email: string;
  /** the `sid` cookie and the Origin header, once logged in */
  headers?: string[];
}

/** Logs in as the console does: POST /api/auth/login, then the session cookie and this origin on every request. */
async function logIn(url: string, who: Login): Promise<string[]> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email: who.email, password: DEMO_PASSWORD }),
  });
  const body = (await res.json()) as { token?: string; twoFactorEnrolmentRequired?: boolean };
  const sid = res.headers
    .getSetCookie()
    .map((c) => /^sid=([^;]+)/.exec(c)?.[1])
    .find(Boolean);
  if (res.status !== 200 || !sid || body.twoFactorEnrolmentRequired)
    throw new Error(`logging in as ${who.email} (${who.role}): ${res.status} ${JSON.stringify(body)}`);
  return [`Cookie: sid=${sid}`, `Origin: ${url}`];
}

/** A few cases, so lists, views and timelines answer with real rows. */
async function seedCases(url: string, logins: Login[]): Promise<void> {
  const as = (role: string) => logins.find((l) => l.role === role)!.headers!;
  const post = async (headers: string[], p: string, body: unknown) => {
    const h = Object.fromEntries(headers.map((x) => [x.slice(0, x.indexOf(':')), x.slice(x.indexOf(':') + 1).trim()]));
    const res = await fetch(url + p, { method: 'POST', headers: { ...h, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`seeding ${p}: ${res.status} ${await res.text()}`);
  };
  await post(as('agent'), '/api/complaints', {
    clientId: 'c-1001',
    channel: 'email',
    category: 'other',
    severity: 'low',
    description: 'Fuzz',
  });
  await post(as('kyc_officer'), '/api/kyc-reviews', { clientId: 'c-1002', kind: 'periodic' });
  await post(as('agent'), '/api/internal-requests', {
    clientId: 'c-1001',
    teamId: 'london-kyc',
    kind: 'other',
    subject: 'Fuzz',
    details: 'Please look',
  });
}

interface RunCounts {
  who: string;
  operations: number;
  cases: number;
  failures: number;
  exit: number;
  output: string;
}

/** One schemathesis run; its counts from its summary (operations tested, cases generated, unique failures). */
/**
 * The served document cut to the operations a role may call (its "Roles:" line names one of the role's
 * roles, or the route names none): an operation the role may not call answers 403 before it reads its
 * input, which the anonymous run covers (every operation) and the permission matrix checks. Logging
 * out is left out: it would end the session the rest of the run uses.
 */
function documentFor(
  doc: OpenApi,
  role: string | null,
  keep: (key: string, op: Operation) => boolean = () => true,
): { doc: OpenApi; operations: string[] } {
  const operations: string[] = [];
  const paths: OpenApi['paths'] = {};
  for (const [p, methods] of Object.entries(doc.paths)) {
    if (EXCLUDED.test(p)) continue;
    for (const [m, op] of Object.entries(methods)) {
      const roles = /^Roles: (.*)$/m.exec(op.description ?? '')?.[1].split(', ');
      if (role && roles && !roles.includes(role)) continue;
      if (!keep(`${m.toUpperCase()} ${p}`, op)) continue;
      (paths[p] ??= {})[m] = op;
      operations.push(`${m.toUpperCase()} ${p}`);
    }
  }
  return { doc: { ...doc, paths }, operations };
}
type Operation = { description?: string; security?: unknown[] };
type OpenApi = { paths: Record<string, Record<string, Operation>> };

function runSchemathesis(url: string, who: string, spec: string, headers: string[], phases: string): Promise<RunCounts> {
  const args = [
    'run',
    spec,
    '--url',
    url,
    '--checks',
    CHECKS.join(','),
    '--max-examples',
    String(EXAMPLES),
    '--seed',
    String(SEED),
    '--workers',
    WORKERS,
    '--phases',
    phases,
    '--suppress-health-check',
    'all',
    '--no-shrink',
    '--request-timeout',
    '30',
    '--report',
    'junit',
    '--report-junit-path',
    path.join(tmp, `junit-${who}.xml`),
    '--output-truncate',
    'true',
    '--generation-database',
    'none',
    // no made-up Authorization headers: every request is the role's (a bearer header would win over the cookie)
    '--generation-with-security-parameters',
    'false',
    ...headers.flatMap((h) => ['--header', h]),
  ];
  return new Promise((resolve) => {
    // in the run's own directory: whatever schemathesis keeps (.schemathesis/) goes with it
    const child = spawn(ST, args, { cwd: tmp, env: { ...process.env, NO_COLOR: '1', SCHEMATHESIS_TELEMETRY: 'false' } });
    fuzzer = child;
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      const num = (re: RegExp) => Number(re.exec(output)?.[1] ?? 0);
      resolve({
        who,
        operations: num(/Tested: (\d+)/),
        cases: num(/(\d+) generated/),
        failures: num(/(\d+) unique failures?/),
        exit: code ?? 1,
        output,
      });
    });
  });
}

async function main(): Promise<number> {
  if (!fs.existsSync(ST)) throw new Error(`schemathesis not found at ${ST}: run \`npm run fuzz\` (it installs it)`);
  const started = Date.now();
  say('starting PostgreSQL, Temporal, the worker and the API');
  const { url, dbUrl } = await startStack();
  const db = createDb(dbUrl);
  await seedReferenceData(db.prisma);
  const demo = await db.prisma.user.findMany({ where: { branchId: 'london', active: true }, orderBy: { email: 'asc' } });
  const generated = await createRoleUsers(db.prisma, { prefix: 'fz' });
  await db.close();
  const logins: Login[] = ALL_ROLES.map((role) => {
    const mine = (u: { roles: string[] }) => u.roles.length === 1 && u.roles[0] === role;
    return { role, email: (demo.find(mine) ?? generated.find(mine)!).email };
  });
  for (const l of logins) l.headers = await logIn(url, l);
  await seedCases(url, logins);
  say(`stack up in ${((Date.now() - started) / 1000).toFixed(0)}s; logged in as ${logins.map((l) => `${l.role} (${l.email})`).join(', ')}`);
  say(`schemathesis ${EXAMPLES} examples per operation, seed ${SEED}, checks ${CHECKS.join(', ')}`);

  const only = process.env.FUZZ_ROLES?.split(',').filter(Boolean);
  // admin last: it may change settings and the two-factor policy the others run under
  const ordered = [...logins.filter((l) => l.role !== ADMIN_ROLE), ...logins.filter((l) => l.role === ADMIN_ROLE)];
  const runs: [string, string[]][] = [['anonymous', [`Origin: ${url}`]], ...ordered.map((l): [string, string[]] => [l.role, l.headers!])];
  const served = (await (await fetch(`${url}/api/openapi.json`)).json()) as OpenApi;
  const selected = runs.filter(([who]) => !only || only.includes(who));
  // Every role: random valid and invalid inputs (the fuzzing phase) on every operation it may call. The
  // coverage phase (boundary and invalid values of every parameter, some forty requests an operation) once
  // per operation, as the first run that may call it (public ones anonymously): it tests the operation's
  // input handling, which is the same whoever calls, and keeps the whole run to a few minutes.
  const covered = new Set<string>();
  const results: RunCounts[] = [];
  const run = async (headers: string[], phases: string, part: { doc: OpenApi; operations: string[] }, name: string) => {
    const spec = path.join(tmp, `openapi-${name}.json`);
    fs.writeFileSync(spec, JSON.stringify(part.doc));
    const r = await runSchemathesis(url, name, spec, headers, phases);
    fs.writeFileSync(path.join(tmp, `output-${name}.txt`), r.output);
    // every operation given was tested (a spec schemathesis could not read tests none)
    if (r.operations !== part.operations.length) r.exit ||= 1;
    if (r.exit !== 0)
      console.log(
        r.output
          .split('\n')
          .filter((l) => !/^\s*$/.test(l))
          .slice(-120)
          .join('\n'),
      );
    return r;
  };
  for (const [who, headers] of selected) {
    const t0 = Date.now();
    const role = who === 'anonymous' ? null : who;
    const all = documentFor(served, role);
    const mine = documentFor(
      served,
      role,
      (key, op) => (FULL || !covered.has(key)) && (role !== null || (op.security !== undefined && op.security.length === 0)),
    );
    mine.operations.forEach((k) => covered.add(k));
    const fuzz = await run(headers, 'fuzzing', all, who);
    const cover = mine.operations.length ? await run(headers, 'examples,coverage', mine, `${who}-coverage`) : undefined;
    const r: RunCounts = {
      who,
      operations: fuzz.operations,
      cases: fuzz.cases + (cover?.cases ?? 0),
      failures: fuzz.failures + (cover?.failures ?? 0),
      exit: fuzz.exit || (cover?.exit ?? 0),
      output: '',
    };
    results.push(r);
    sayCounts(
      `${who.padEnd(26)} ${String(r.operations).padStart(3)} operations (${String(mine.operations.length).padStart(3)} with coverage) ${String(r.cases).padStart(5)} test cases ${r.failures} failures  (${((Date.now() - t0) / 1000).toFixed(0)}s)`,
    );
  }
  const uncovered = documentFor(served, null).operations.filter((k) => !covered.has(k));
  if (only === undefined && uncovered.length) say(`no run may call (no coverage phase): ${uncovered.join(', ')}`);
  const total = results.reduce(
    (s, r) => ({ operations: s.operations + r.operations, cases: s.cases + r.cases, failing: s.failing + r.failures }),
    { operations: 0, cases: 0, failing: 0 },
  );
  const failed = results.filter((r) => r.exit !== 0);
  if (apiErrors.length) {
    say(`the API logged ${apiErrors.length} errors; the last ones:`);
    console.log(apiErrors.slice(-20).join('\n'));
  }
  sayCounts(
    `total: ${results.length} runs (${results.some((r) => r.who === 'anonymous') ? 'anonymous and ' : ''}${results.filter((r) => r.who !== 'anonymous').length} roles), ${covered.size} operations (${total.operations} role × operation runs), ${total.cases} test cases, ${total.failing} failures (${failed.length} runs failed), seed ${SEED}, ${EXAMPLES} examples per operation, in ${((Date.now() - started) / 1000).toFixed(0)}s`,
  );
  if (process.env.FUZZ_SUMMARY) fs.writeFileSync(process.env.FUZZ_SUMMARY, summary.join('\n') + '\n');
  return failed.length ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
} finally {
  await stop();
}
process.exit(code);
