// Runs a command and ends it when the process that started us goes away, even by SIGKILL: our stdin is
// a pipe from that parent, and it closes when the parent dies. Without this, a killed test run or
// supervisor leaves a Temporal server (or the API) running with nobody to stop it.
// Usage: node die-with-parent.mjs <command> [args...]   (signals are forwarded; the exit code is the command's)
import { spawn } from 'node:child_process';
import os from 'node:os';

const [command, ...args] = process.argv.slice(2);
const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });

for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => child.kill(signal));
process.stdin.on('end', () => {
  child.kill('SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
});
process.stdin.resume();

child.on('error', (err) => {
  process.stderr.write(`cannot start ${command}: ${err.message}\n`);
  process.exit(127);
});
child.on('exit', (code, signal) => process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0)));
