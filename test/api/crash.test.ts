// Issue 7, item 1: no input may end the API process. The real api/main.ts runs as a child process
// (its own database, the shared Temporal dev server); the requests that used to stop it are sent, and
// it must still answer /api/health afterwards.
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/db';
import { temporalAddress } from '../support/temporal';
import { freePort } from '../../scripts/lib/ports';
import { repoRoot } from '../../scripts/lib/paths';
import { LIVE_CHANNEL } from '../../platform/live';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let api: ChildProcess;
let H = '';
let output = '';
let exited: number | null | undefined;

const health = async () => {
  try {
    return (await fetch(`${H}/api/health`, { signal: AbortSignal.timeout(5000) })).status;
  } catch (err) {
    return `unreachable (${(err as Error).message}); exit code ${exited}; output:\n${output}`;
  }
};

beforeAll(async () => {
  database = await createTestDatabase();
  const port = await freePort();
  H = `http://127.0.0.1:${port}`;
  api = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'api/main.ts')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: temporalAddress(),
      CONSOLE_DIR: path.join(repoRoot, 'no-console-here'),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  api.stdout!.on('data', (d) => (output += d));
  api.stderr!.on('data', (d) => (output += d));
  api.on('exit', (code) => (exited = code));
  const deadline = Date.now() + 60_000;
  while ((await health()) !== 200) {
    if (exited !== undefined || Date.now() > deadline) throw new Error(`the API did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
});

afterAll(async () => {
  if (api && exited === undefined) {
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
  }
  await database?.drop();
});

describe('the API process survives hostile input', () => {
  it('a socket.io handshake with the cookie sid=% (polling transport) is refused, and the process keeps serving', async () => {
    const open = await fetch(`${H}/socket.io/?EIO=4&transport=polling`, { headers: { cookie: 'sid=%' } });
    const sid = JSON.parse((await open.text()).slice(1)).sid as string;
    const connect = await fetch(`${H}/socket.io/?EIO=4&transport=polling&sid=${sid}`, {
      method: 'POST',
      body: '40',
      headers: { cookie: 'sid=%' },
    });
    expect(connect.status).toBe(200);
    // the server's answer to the CONNECT packet: a connect_error, not a crash
    const answer = await (await fetch(`${H}/socket.io/?EIO=4&transport=polling&sid=${sid}`, { headers: { cookie: 'sid=%' } })).text();
    expect(answer).toMatch(/^44\{"message":"UNAUTHENTICATED"\}/);
    await new Promise((r) => setTimeout(r, 300));
    expect(await health()).toBe(200);
    expect(exited).toBeUndefined();
  });

  const haveCurl = ['curl', 'jq'].every((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0);
  it.skipIf(!haveCurl)('the exact curl sequence of the report leaves the process answering /api/health', async () => {
    const script = `R=$(curl -s "$H/socket.io/?EIO=4&transport=polling" -H 'Cookie: sid=%'); SID=$(echo "\${R#0}" | jq -r .sid); curl -s -X POST "$H/socket.io/?EIO=4&transport=polling&sid=$SID" --data '40'`;
    const { stdout } = await promisify(execFile)('bash', ['-c', script], { env: { ...process.env, H } });
    expect(stdout).toBe('ok');
    await new Promise((r) => setTimeout(r, 300));
    expect(await health()).toBe(200);
    expect(exited).toBeUndefined();
  });

  it('a live event that cannot be forwarded (not JSON; an unknown task) is logged and dropped', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, '{not json']);
      await client.query('SELECT pg_notify($1, $2)', [
        LIVE_CHANNEL,
        JSON.stringify({ kind: 'task', id: 'no-such-task', status: 'open', teamId: 't' }),
      ]);
      await client.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, JSON.stringify({ kind: 'notification', id: 42, userId: null })]);
    } finally {
      await client.end();
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(await health()).toBe(200);
    expect(exited).toBeUndefined();
    expect(output).toContain('realtime: could not forward an event');
  });

  it('a malformed session cookie on an HTTP request is no session, not an error', async () => {
    for (const cookie of ['sid=%', 'sid=%E0%A4%A']) {
      expect((await fetch(`${H}/api/health`, { headers: { cookie } })).status).toBe(200);
      const me = await fetch(`${H}/api/auth/me`, { headers: { cookie } });
      expect(me.status).toBe(401);
    }
    expect(exited).toBeUndefined();
  });
});
