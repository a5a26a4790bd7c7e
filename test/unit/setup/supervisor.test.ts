// The supervisor of `npm start` (scripts/lib/supervisor.ts) with real processes: a crashed child comes
// back while its sibling keeps running, and what a killed wrapper leaves behind does not block it.
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../../scripts/lib/ports';
import { launch, type Managed } from '../../../scripts/lib/proc';
import { Supervisor, type ServiceSpec } from '../../../scripts/lib/supervisor';

const fast = { initialDelayMs: 100, maxDelayMs: 400, stableAfterMs: 60_000 };

// A server like the API: listens on a fixed port and says so with its pid.
const SERVER = `
const server = require('node:http').createServer((req, res) => res.end('ok'));
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening ' + process.pid));
process.on('SIGINT', () => server.close(() => process.exit(0)));
`;
const IDLE = `console.log('idle ' + process.pid); setInterval(() => {}, 1000);`;

function nodeService(name: string, code: string, env: NodeJS.ProcessEnv = {}, dieWithParent = true): ServiceSpec & { pids: number[] } {
  const pids: number[] = [];
  return {
    name,
    graceMs: 5_000,
    pids,
    // Ready once the program has printed its pid (the process under the die-with-parent wrapper).
    start: ({ onLaunch }) =>
      new Promise<Managed>((resolve, reject) => {
        let proc: Managed | undefined = undefined;
        proc = launch(name, process.execPath, ['-e', code], {
          env: { ...process.env, ...env },
          dieWithParent,
          onLine: (line) => {
            const m = /^(?:listening|idle) (\d+)$/.exec(line);
            if (m) {
              pids.push(Number(m[1]));
              resolve(proc!);
            }
          },
        });
        onLaunch(proc);
        void proc.exited.then((exit) => reject(new Error(`${name} exited before it was ready: ${JSON.stringify(exit)}`)));
      }),
  };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let supervisor: Supervisor | undefined;
const lines: string[] = [];
const log = {
  info: (m: string) => lines.push(m),
  ok: (m: string) => lines.push(m),
  warn: (m: string) => lines.push(m),
  error: (m: string) => lines.push(m),
};

afterEach(async () => {
  await supervisor?.stopAll();
  supervisor = undefined;
  lines.length = 0;
});

describe('npm start supervisor', () => {
  it('restarts a process killed with SIGKILL, and its sibling keeps running', async () => {
    supervisor = new Supervisor(log, fast);
    const port = await freePort();
    const api = nodeService('api', SERVER, { PORT: String(port) });
    const worker = nodeService('worker', IDLE);
    await supervisor.add(worker);
    await supervisor.add(api);
    const [workerPid, apiPid] = [worker.pids[0], api.pids[0]];

    process.kill(apiPid, 'SIGKILL');
    await until('the api to be restarted', () => api.pids.length === 2);

    expect(api.pids[1]).not.toBe(apiPid);
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
    expect(worker.pids).toEqual([workerPid]);
    expect(alive(workerPid)).toBe(true);
    expect(supervisor.restarts.get('api')).toBe(1);
    expect(lines.join('\n')).toMatch(
      /api exited with code 137 \(its process was killed by SIGKILL\) after .*; restarting it in 100 ms \(crash 1 in a row\); the other processes keep running/,
    );
    expect(lines).toContain(`api restarted (pid ${supervisor.current('api')!.child.pid})`);
  });

  it('stops what a killed wrapper left behind (it holds the port), then restarts', async () => {
    supervisor = new Supervisor(log, fast);
    const port = await freePort();
    const api = nodeService('api', SERVER, { PORT: String(port) });
    const wrapper = await supervisor.add(api);
    const orphan = api.pids[0];

    // The die-with-parent wrapper dies; the server under it would keep the port.
    process.kill(wrapper.child.pid!, 'SIGKILL');
    await until('the api to be restarted', () => api.pids.length === 2);

    expect(alive(orphan)).toBe(false);
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
    expect(lines.join('\n')).toMatch(/api was killed by SIGKILL/);
  });

  it('backs off while a process keeps crashing, and stopAll cancels the pending restart', async () => {
    supervisor = new Supervisor(log, fast);
    const sibling = nodeService('worker', IDLE);
    await supervisor.add(sibling);
    // Crashes 50 ms after it is ready, every time.
    const crashy = nodeService('api', `console.log('idle ' + process.pid); setTimeout(() => process.exit(3), 50);`, {}, false);
    await supervisor.add(crashy);
    await until('four crashes', () => lines.filter((l) => l.includes('exited with code 3')).length >= 4);

    const delays = lines.flatMap((l) => /restarting it in (\d+) ms/.exec(l)?.[1] ?? []).map(Number);
    expect(delays.slice(0, 4)).toEqual([100, 200, 400, 400]);
    expect(sibling.pids).toHaveLength(1);

    const started = crashy.pids.length;
    await supervisor.stopAll();
    await new Promise((r) => setTimeout(r, 600));
    expect(crashy.pids).toHaveLength(started);
    expect(alive(sibling.pids[0])).toBe(false);
    supervisor = undefined;
  });
});
