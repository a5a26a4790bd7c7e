// Servers an earlier `npm start` left behind are found by their own data directory, stopped when
// orphaned, and left alone (with a clear error) while another run of the clone still supervises them.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { findPostmaster, findTemporalDevServer, isRunning } from '../../../scripts/lib/leftovers';
import { launch, type Managed } from '../../../scripts/lib/proc';
import { stopLeftoverDevServer } from '../../../scripts/lib/temporal';

const IDLE = 'setInterval(() => {}, 1000)';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'broker-crm-leftovers-'));
const started: (ChildProcess | Managed)[] = [];
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

afterEach(async () => {
  for (const p of started.splice(0)) {
    if ('stop' in p) await p.stop(1_000);
    else p.kill('SIGKILL');
  }
});

/** A process whose command line looks like the Temporal dev server's (no Temporal needed). */
function fakeDevServer(dbFile: string): ChildProcess {
  const child = spawn(process.execPath, ['-e', IDLE, 'server', 'start-dev', '--port', '7233', '--db-filename', dbFile], {
    stdio: 'ignore',
  });
  started.push(child);
  return child;
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  return check();
};

describe('leftover Temporal dev server', () => {
  it('is found by its database file and stopped', async () => {
    const dbFile = path.join(tmp, 'a', 'temporal.db');
    const orphan = fakeDevServer(dbFile);
    await until(() => findTemporalDevServer(dbFile) !== undefined);
    expect(findTemporalDevServer(path.join(tmp, 'other', 'temporal.db'))).toBeUndefined();
    expect(findTemporalDevServer(dbFile)).toMatchObject({ pid: orphan.pid, ownerPid: undefined });

    const said: string[] = [];
    await stopLeftoverDevServer(dbFile, (m) => said.push(m));
    expect(said.join()).toContain(`stopping the Temporal dev server (pid ${orphan.pid}) that an earlier run left on ${dbFile}`);
    expect(await until(() => orphan.exitCode !== null || orphan.signalCode !== null)).toBe(true);
    expect(findTemporalDevServer(dbFile)).toBeUndefined();
  });

  it('is left running, with an error saying what to do, while a wrapper still supervises it', async () => {
    const dbFile = path.join(tmp, 'b', 'temporal.db');
    const managed = launch('temporal', process.execPath, ['-e', IDLE, 'server', 'start-dev', '--db-filename', dbFile], {
      dieWithParent: true,
    });
    started.push(managed);
    expect(await until(() => findTemporalDevServer(dbFile)?.ownerPid === managed.child.pid)).toBe(true);
    await expect(stopLeftoverDevServer(dbFile, () => undefined)).rejects.toThrow(/stop the other `npm start` of this clone first/);
    expect(isRunning(findTemporalDevServer(dbFile)!.pid)).toBe(true);
  });
});

describe('leftover PostgreSQL', () => {
  it('is the live postgres named by postmaster.pid for that very directory, and nothing else', async () => {
    const dataDir = path.join(tmp, 'pg');
    fs.mkdirSync(path.join(tmp, 'bin'), { recursive: true });
    fs.mkdirSync(dataDir, { recursive: true });
    const fakePostgres = path.join(tmp, 'bin', 'postgres'); // node under the name postgres
    fs.symlinkSync(process.execPath, fakePostgres);
    const postmaster = spawn(fakePostgres, ['-e', IDLE, '-D', dataDir], { stdio: 'ignore' });
    started.push(postmaster);
    const pidFile = (pid: number, dir = dataDir) =>
      fs.writeFileSync(path.join(dataDir, 'postmaster.pid'), `${pid}\n${dir}\n1700000000\n54329\n`);

    pidFile(postmaster.pid!);
    expect(findPostmaster(dataDir)).toMatchObject({ pid: postmaster.pid, ownerPid: undefined });
    // A recycled pid (not a postgres), a dead pid, a file naming another directory: not ours.
    pidFile(postmaster.pid!, path.join(tmp, 'another-cluster'));
    expect(findPostmaster(dataDir)).toBeUndefined();
    pidFile(process.pid);
    expect(findPostmaster(dataDir)).toBeUndefined();
    postmaster.kill('SIGKILL');
    await until(() => !isRunning(postmaster.pid!));
    pidFile(postmaster.pid!);
    expect(findPostmaster(dataDir)).toBeUndefined();
    expect(findPostmaster(path.join(tmp, 'nowhere'))).toBeUndefined();
  });
});
