import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

describe('authentication and roles', () => {
  it('refuses requests without a session with 401', async () => {
    const anon = new ApiClient(stack.url);
    const res = await anon.get('/api/tasks?view=mine');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('logs in with the demo password, sets an httpOnly cookie and accepts the cookie instead of a bearer token', async () => {
    const res = await fetch(`${stack.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'agent1@example.com', password: 'demo-password' }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^sid=/);
    expect(cookie).toMatch(/HttpOnly/);
    const me = await fetch(`${stack.url}/api/auth/me`, { headers: { cookie: cookie.split(';')[0] } });
    expect(me.status).toBe(200);
    expect((await me.json()).email).toBe('agent1@example.com');
    const { rows } = await stack.db.pool.query(`SELECT count(*)::int AS n FROM sessions WHERE token_hash = $1`, [
      decodeURIComponent(cookie.split(';')[0].slice(4)),
    ]);
    expect(rows[0].n).toBe(0); // only the token's hash is stored
  });

  it('answers a wrong password with 401, then makes that address wait (429 with Retry-After), auditing each', async () => {
    const anon = new ApiClient(stack.url);
    for (let i = 0; i < 3; i++) {
      const res = await anon.post('/api/auth/login', { email: 'agent2@example.com', password: 'wrong' });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
    }
    const waiting = await anon.post('/api/auth/login', { email: 'agent2@example.com', password: 'demo-password' });
    expect(waiting.status).toBe(429);
    expect(Number(waiting.headers.get('retry-after'))).toBeGreaterThan(0);
    // the owner, from another address, is not kept out
    const owner = await anon.post(
      '/api/auth/login',
      { email: 'agent2@example.com', password: 'demo-password' },
      { 'x-forwarded-for': '203.0.113.7' },
    );
    expect(owner.status).toBe(200);
    const { rows } = await stack.db.pool.query(`SELECT action FROM audit_events WHERE actor_id = 'u-agent2' ORDER BY id`);
    expect(rows.map((r) => r.action)).toEqual(['login_failed', 'login_failed', 'login_failed', 'login_throttled', 'login']);
  });

  it('validates the login body with field errors', async () => {
    const res = await new ApiClient(stack.url).post('/api/auth/login', { email: 'not-an-email' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.email', 'body.password']);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await new ApiClient(stack.url).request('POST', '/api/auth/login', '{"email":', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
  });

  it('forbids agents the supervisor dashboard, reassignment and the staff list (403)', async () => {
    const agent = await ApiClient.login(stack.url, 'agent1@example.com');
    expect((await agent.get('/api/dashboard/complaints')).status).toBe(403);
    expect((await agent.get('/api/users')).status).toBe(403);
    expect((await agent.post('/api/tasks/bulk-reassign', { taskIds: ['x'], assigneeId: 'u-agent2' })).status).toBe(403);
    const supervisor = await ApiClient.login(stack.url, 'supervisor@example.com');
    expect((await supervisor.get('/api/dashboard/complaints')).status).toBe(200);
  });

  it('logout ends the session', async () => {
    const agent = await ApiClient.login(stack.url, 'agent1@example.com');
    expect((await agent.post('/api/auth/logout')).status).toBe(204);
    expect((await agent.get('/api/auth/me')).status).toBe(401);
  });

  it('publishes an OpenAPI 3.1 document generated from the request schemas', async () => {
    const res = await new ApiClient(stack.url).get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const create = res.body.paths['/api/complaints'].post;
    const schema = create.requestBody.content['application/json'].schema;
    expect(schema.properties.severity.enum).toEqual(['low', 'medium', 'high']);
    expect(schema.properties.channel.enum).toEqual(['phone', 'email', 'web', 'chat', 'branch']);
    expect(schema.required).toEqual(expect.arrayContaining(['clientId', 'channel', 'category', 'severity', 'description']));
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/tasks/{id}/claim', '/api/complaints/{id}/timeline']));
    expect((await fetch(`${stack.url}/api/docs`)).status).toBe(200);
  });

  it('reports health once PostgreSQL and Temporal answer', async () => {
    const res = await new ApiClient(stack.url).get('/api/health');
    expect(res).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});
