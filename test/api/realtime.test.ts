import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { startStack, type Stack } from '../support/stack';
import { ApiClient, taskPath } from '../support/api-client';
import { LIVE_CHANNEL } from '../../platform/live';

let stack: Stack;
let agent1: ApiClient;
let agent2: ApiClient;
const sockets: Socket[] = [];

beforeAll(async () => {
  stack = await startStack({ realtime: { sweepMs: 300 } });
  [agent1, agent2] = await Promise.all(['agent1@example.com', 'agent2@example.com'].map((e) => ApiClient.login(stack.url, e)));
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await stack?.stop();
});

function connect(token: string | null, opts: { origin?: string; cookie?: string } = {}): Promise<Socket> {
  const extraHeaders = { ...(opts.origin ? { origin: opts.origin } : {}), ...(opts.cookie ? { cookie: opts.cookie } : {}) };
  const socket = io(stack.url, {
    path: '/socket.io',
    auth: token ? { token } : {},
    // polling sends extraHeaders on every request, as a browser sends Origin and the cookie
    transports: Object.keys(extraHeaders).length ? ['polling'] : ['websocket'],
    extraHeaders,
    reconnection: false,
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function next<T>(socket: Socket, event: string, match: (payload: T) => boolean, ms = 5000): Promise<{ payload: T; at: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    const handler = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, handler);
      resolve({ payload, at: Date.now() });
    };
    socket.on(event, handler);
  });
}

describe('live updates over socket.io', () => {
  it('refuses a connection without a valid session', async () => {
    await expect(connect(null)).rejects.toThrow(/UNAUTHENTICATED/);
    await expect(connect('forged-token')).rejects.toThrow(/UNAUTHENTICATED/);
  });

  it('delivers a new task notification to a team member within two seconds, without polling', async () => {
    const socket = await connect(agent2.bearer);
    const started = Date.now();
    const arrival = next<{ type: string; caseId: string; title: string }>(socket, 'notification', (n) => n.type === 'task_available');
    const created = await agent1.post('/api/complaints', {
      clientId: 'c-1002',
      channel: 'web',
      category: 'fees_charges',
      severity: 'low',
      description: 'Inactivity fee charged on an active account',
    });
    expect(created.status).toBe(201);
    const { payload, at } = await arrival;
    expect(payload.caseId).toBe(created.body.id);
    expect(at - started).toBeLessThan(2000);
    // the same notification is in the user's list, unread, and can be marked read
    const list = await agent2.get('/api/notifications');
    const stored = list.body.find((n: { caseId: string }) => n.caseId === created.body.id);
    expect(stored.readAt).toBeNull();
    const read = await agent2.post(`/api/notifications/${encodeURIComponent(stored.id)}/read`);
    expect(read.body.readAt).not.toBeNull();
  });

  it('tells the team when a task is claimed, so open inboxes refresh', async () => {
    const socket = await connect(agent2.bearer);
    const created = await agent1.post('/api/complaints', {
      clientId: 'c-1001',
      channel: 'phone',
      category: 'other',
      severity: 'low',
      description: 'Call back requested',
    });
    const task = created.body.tasks[0];
    const claimed = next<{ id: string; status: string; assigneeId: string }>(
      socket,
      'task',
      (t) => t.id === task.id && t.status === 'claimed',
    );
    expect((await agent1.post(taskPath(task.id, 'claim'))).status).toBe(200);
    expect((await claimed).payload.assigneeId).toBe('u-agent1');
  });
});

const disconnected = (socket: Socket, ms = 5000) =>
  new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still connected after ${ms} ms`)), ms);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
const notify = (payload: object) => stack.db.pool.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, JSON.stringify(payload)]);
/** Collects the events a socket receives for a while. */
const collect = async (socket: Socket, event: string, ms: number, during: () => Promise<unknown>) => {
  const got: unknown[] = [];
  const handler = (p: unknown) => got.push(p);
  socket.on(event, handler);
  await during();
  await new Promise((r) => setTimeout(r, ms));
  socket.off(event, handler);
  return got;
};

describe('sockets end with their session', () => {
  it('disconnects a socket when its session logs out, and it receives nothing after', async () => {
    const user = await ApiClient.login(stack.url, 'agent2@example.com');
    const socket = await connect(user.bearer);
    const other = await connect(agent2.bearer); // another session of the same user stays
    const ended = next<{ reason: string }>(socket, 'session_ended', () => true);
    const gone = disconnected(socket);
    expect((await user.post('/api/auth/logout')).status).toBe(204);
    expect((await ended).payload.reason).toBe('logged_out');
    expect(await gone).toBe('io server disconnect');
    expect(other.connected).toBe(true);
  });

  it('disconnects every socket of the user at logout everywhere', async () => {
    const [a, b] = await Promise.all([
      ApiClient.login(stack.url, 'supervisor@example.com'),
      ApiClient.login(stack.url, 'supervisor@example.com'),
    ]);
    const [sa, sb] = await Promise.all([connect(a.bearer), connect(b.bearer)]);
    const gone = Promise.all([disconnected(sa), disconnected(sb)]);
    expect((await a.post('/api/auth/logout-all')).status).toBe(204);
    await gone;
  });

  it('disconnects a socket whose session expires', async () => {
    const user = await ApiClient.login(stack.url, 'manager@example.com');
    const socket = await connect(user.bearer);
    const gone = disconnected(socket, 5000);
    await stack.db.pool.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = 'u-manager'`);
    await gone;
    await expect(connect(user.bearer)).rejects.toThrow(/UNAUTHENTICATED/);
  });
});

describe('socket handshake origin', () => {
  it('refuses a browser connection from another site, and accepts the console’s own origin', async () => {
    const cookie = `sid=${agent1.bearer}`;
    await expect(connect(null, { origin: 'https://evil.example', cookie })).rejects.toThrow();
    await expect(connect(null, { origin: 'null', cookie })).rejects.toThrow();
    const same = await connect(null, { origin: stack.url, cookie });
    expect(same.connected).toBe(true);
    const configured = await connect(null, { origin: 'http://localhost:3000', cookie });
    expect(configured.connected).toBe(true);
  });
});

describe('task events follow the case type access rules', () => {
  it('sends a task event only to people with a role in its case type, within their scope', async () => {
    const [supervisor, kyc, shanghai] = await Promise.all(
      ['supervisor@example.com', 'kyc1@example.com', 'li.wei@example.com'].map((e) => ApiClient.login(stack.url, e)),
    );
    const [supSocket, kycSocket, agentSocket, shSocket] = await Promise.all([
      connect(supervisor.bearer),
      connect(kyc.bearer),
      connect(agent2.bearer),
      connect(shanghai.bearer),
    ]);
    const kycEvent = {
      kind: 'task',
      id: 'kyc-x.collect.1',
      status: 'open',
      assigneeId: null,
      teamId: 'london-kyc',
      caseType: 'kyc_review',
      branchId: 'london',
    };
    const complaintEvent = {
      kind: 'task',
      id: 'complaint-x.acknowledge.1',
      status: 'open',
      assigneeId: null,
      teamId: 'london-complaints',
      caseType: 'complaint',
      branchId: 'london',
    };
    // a branch where one team works both case types: its agents have no KYC role, so they get no KYC events
    const sharedTeamKycEvent = { ...kycEvent, id: 'kyc-y.collect.1', teamId: 'london-complaints', assigneeId: 'u-agent2' };
    const send = async () => {
      await notify(kycEvent);
      await notify(complaintEvent);
      await notify(sharedTeamKycEvent);
    };
    const [sup, kycGot, agentGot, shGot] = await Promise.all([
      collect(supSocket, 'task', 700, send),
      collect(kycSocket, 'task', 700, async () => undefined),
      collect(agentSocket, 'task', 700, async () => undefined),
      collect(shSocket, 'task', 700, async () => undefined),
    ]);
    const ids = (xs: unknown[]) =>
      xs
        .map((x) => (x as { id: string }).id)
        .filter((id) => /-[xy]\.(collect|acknowledge)\.1$/.test(id))
        .sort();
    expect(ids(sup)).toEqual(['complaint-x.acknowledge.1']); // a complaints supervisor sees no KYC work
    expect(ids(kycGot)).toEqual(['kyc-x.collect.1', 'kyc-y.collect.1']); // a KYC officer: the branch's KYC tasks
    expect(ids(agentGot)).toEqual(['complaint-x.acknowledge.1']);
    expect(ids(shGot)).toEqual([]); // another branch's team
  });
});
