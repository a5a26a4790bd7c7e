// Runs a command with DATABASE_URL set to a fresh embedded PostgreSQL (temp dir, free port, `postgres`
// database), then stops it and removes the dir: for benches whose `// Run:` line asks for DATABASE_URL
// (scripts/bench.sh uses it when none is set). The exit code is the command's.
// Usage: tsx bench/case-engine/lib/with-postgres.ts <command> [args…]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../../scripts/lib/ports';
import { startEmbeddedPostgres, type EmbeddedPg } from '../../../scripts/lib/postgres';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write('usage: with-postgres.ts <command> [args…]\n');
  process.exit(2);
}
// PostgreSQL runs as the `postgres` system user when we are root, so the directory must be traversable.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'broker-crm-bench-pg-'));
fs.chmodSync(tmp, 0o755);
let server: EmbeddedPg | undefined;
const cleanup = async () => {
  await server?.proc.stop(15_000);
  fs.rmSync(tmp, { recursive: true, force: true });
};

let code: number;
try {
  server = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg'), port: await freePort(), fast: true });
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: server.adminUrl } });
  // Ctrl-C reaches the child through the terminal; this process waits for it, then cleans up.
  const ignore = () => undefined;
  process.on('SIGINT', ignore);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  code = await new Promise<number>((resolve) =>
    child.once('exit', (c, signal) => resolve(c ?? (signal ? 128 + os.constants.signals[signal] : 1))),
  );
  process.off('SIGINT', ignore);
} finally {
  await cleanup();
}
process.exit(code);
