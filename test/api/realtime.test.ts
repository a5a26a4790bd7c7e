import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { startStack, type Stack } from '../support/stack';
import { ApiClient, taskPath } from '../support/api-client';

let stack: Stack;
let agent1: ApiClient;
let agent2: ApiClient;
const sockets: Socket[] = [];

beforeAll(async () => {
  stack = await startStack();
  [agent1, agent2] = await Promise.all(['agent1@example.com', 'agent2@example.com'].map((e) => ApiClient.login(stack.url, e)));
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await stack?.stop();
});

function connect(token: string | null): Promise<Socket> {
  const socket = io(stack.url, { path: '/socket.io', auth: token ? { token } : {}, transports: ['websocket'], reconnection: false });
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
      clientId: 'c-1002', channel: 'web', category: 'fees_charges', severity: 'low', description: 'Inactivity fee charged on an active account',
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
      clientId: 'c-1001', channel: 'phone', category: 'other', severity: 'low', description: 'Call back requested',
    });
    const task = created.body.tasks[0];
    const claimed = next<{ id: string; status: string; assigneeId: string }>(socket, 'task', (t) => t.id === task.id && t.status === 'claimed');
    expect((await agent1.post(taskPath(task.id, 'claim'))).status).toBe(200);
    expect((await claimed).payload.assigneeId).toBe('u-agent1');
  });
});
