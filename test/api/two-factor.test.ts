// Issue 7, item 9: staff two-factor authentication (TOTP and one-time recovery codes), required per role
// by an administrator; a new session at every login; expired sessions purged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { Secret, TOTP } from 'otpauth';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';
import { DEMO_PASSWORD } from '../../prisma/seed';
import { purgeExpired } from '../../api/auth/session';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

/** A code of the step `offset` periods from now: -1, 0, 1 are all accepted, each once. */
const codeOf = (secret: string, offset = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: Date.now() + offset * 30_000,
  });

const post = (path: string, body: unknown, headers: Record<string, string> = {}) => new ApiClient(stack.url).post(path, body, headers);
const audits = async (userId: string) =>
  (await stack.db.pool.query(`SELECT action, data FROM audit_events WHERE actor_id = $1 ORDER BY id`, [userId])).rows as {
    action: string;
    data: unknown;
  }[];
const asBearer = (token: string) => new ApiClient(stack.url, token);

async function enrol(email: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const user = await ApiClient.login(stack.url, email);
  const setup = await user.post('/api/auth/2fa/setup');
  expect(setup.status).toBe(200);
  const confirm = await user.post('/api/auth/2fa/confirm', { code: codeOf(setup.body.secret, -1) });
  expect(confirm.status).toBe(200);
  return { secret: setup.body.secret, recoveryCodes: confirm.body.recoveryCodes };
}

describe('two-factor authentication', () => {
  it('enrols with a secret and an otpauth URI, confirmed by a code; answers ten recovery codes once; audits without secrets', async () => {
    const agent = await ApiClient.login(stack.url, 'agent1@example.com');
    const setup = await agent.post('/api/auth/2fa/setup');
    expect(setup.status).toBe(200);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body.uri).toMatch(/^otpauth:\/\/totp\/Broker%20CRM:agent1%40example\.com\?.*secret=/);
    expect((await agent.post('/api/auth/2fa/confirm', { code: '000000' })).body.error.code).toBe('INVALID_CODE');
    const confirm = await agent.post('/api/auth/2fa/confirm', { code: codeOf(setup.body.secret) });
    expect(confirm.status).toBe(200);
    expect(confirm.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirm.body.recoveryCodes).size).toBe(10);
    expect((await agent.get('/api/auth/me')).body.twoFactor).toEqual({ enabled: true, required: false });
    expect((await agent.post('/api/auth/2fa/setup')).body.error.reason).toBe('ALREADY_ENROLLED');

    const stored = await stack.db.prisma.recoveryCode.findMany({ where: { userId: 'u-agent1' } });
    expect(stored.map((c) => c.codeHash)).not.toContain(confirm.body.recoveryCodes[0]);
    const trail = await audits('u-agent1');
    expect(trail.map((a) => a.action)).toEqual(expect.arrayContaining(['2fa_setup', '2fa_confirm_failed', '2fa_enabled']));
    const everything = JSON.stringify(trail);
    expect(everything).not.toContain(setup.body.secret);
    for (const code of confirm.body.recoveryCodes) expect(everything).not.toContain(code);
  });

  it('logs in in two steps: the password gives a challenge (no session), a code gives the session; a code works once', async () => {
    const { secret, recoveryCodes } = await enrol('agent2@example.com');
    const first = await post('/api/auth/login', { email: 'agent2@example.com', password: DEMO_PASSWORD });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ twoFactorRequired: true, challenge: expect.any(String) });
    expect(first.headers.get('set-cookie')).toBeNull();

    expect((await post('/api/auth/login/code', { challenge: first.body.challenge, code: '123456' })).status).toBe(401);
    const code = codeOf(secret);
    const second = await post('/api/auth/login/code', { challenge: first.body.challenge, code });
    expect(second.status).toBe(200);
    expect(second.body.user.email).toBe('agent2@example.com');
    expect(second.headers.get('set-cookie')).toMatch(/^sid=/);
    expect((await asBearer(second.body.token).get('/api/auth/me')).status).toBe(200);
    // the challenge is spent, and the same code cannot be replayed on a new one
    expect((await post('/api/auth/login/code', { challenge: first.body.challenge, code })).status).toBe(401);
    const again = await post('/api/auth/login', { email: 'agent2@example.com', password: DEMO_PASSWORD });
    expect((await post('/api/auth/login/code', { challenge: again.body.challenge, code })).status).toBe(401);

    // a recovery code instead of the app, once
    const recovered = await post('/api/auth/login/code', { challenge: again.body.challenge, code: recoveryCodes[3].toUpperCase() });
    expect(recovered.status).toBe(200);
    const third = await post('/api/auth/login', { email: 'agent2@example.com', password: DEMO_PASSWORD });
    expect((await post('/api/auth/login/code', { challenge: third.body.challenge, code: recoveryCodes[3] })).status).toBe(401);

    const actions = (await audits('u-agent2')).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['login_challenge', 'login_code_failed', 'login', 'recovery_code_used']));
    const logins = (await audits('u-agent2')).filter((a) => a.action === 'login').map((a) => (a.data as { method: string }).method);
    expect(logins).toEqual(expect.arrayContaining(['totp', 'recovery']));
  });

  it('takes at most five codes per challenge, and none after it expires', async () => {
    const { secret } = await enrol('li.wei@example.com');
    const first = await post('/api/auth/login', { email: 'li.wei@example.com', password: DEMO_PASSWORD });
    for (let i = 0; i < 5; i++) {
      // from a fresh address each time: this is the challenge's own limit, not the login throttle
      expect(
        (
          await post(
            '/api/auth/login/code',
            { challenge: first.body.challenge, code: '000000' },
            { 'x-forwarded-for': `192.0.2.${100 + i}` },
          )
        ).status,
      ).toBe(401);
    }
    expect(
      (await post('/api/auth/login/code', { challenge: first.body.challenge, code: codeOf(secret) }, { 'x-forwarded-for': '192.0.2.110' }))
        .status,
    ).toBe(401);

    const late = await post(
      '/api/auth/login',
      { email: 'li.wei@example.com', password: DEMO_PASSWORD },
      { 'x-forwarded-for': '192.0.2.111' },
    );
    await stack.db.pool.query(`UPDATE login_challenges SET expires_at = now() - interval '1 hour'`);
    expect(
      (
        await post(
          '/api/auth/login/code',
          { challenge: late.body.challenge, code: codeOf(secret, 1) },
          { 'x-forwarded-for': '192.0.2.111' },
        )
      ).status,
    ).toBe(401);
  });

  it('an administrator requires it per role: users of that role not enrolled reach only enrolment until they confirm', async () => {
    const admin = await ApiClient.login(stack.url, 'admin@example.com');
    const supervisor0 = await ApiClient.login(stack.url, 'supervisor@example.com');
    expect((await supervisor0.request('PUT', '/api/auth/2fa/policy', { roles: ['supervisor'] })).status).toBe(403);
    expect((await admin.request('PUT', '/api/auth/2fa/policy', { roles: ['no_such_role'] })).status).toBe(400);
    const put = await admin.request('PUT', '/api/auth/2fa/policy', { roles: ['supervisor'] });
    expect(put).toMatchObject({ status: 200, body: { roles: ['supervisor'] } });
    expect((await admin.get('/api/auth/2fa/policy')).body.roles).toEqual(['supervisor']);

    const login = await post('/api/auth/login', { email: 'supervisor@example.com', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.twoFactorEnrolmentRequired).toBe(true);
    const supervisor = asBearer(login.body.token);
    const blocked = await supervisor.get('/api/tasks?view=team');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.reason).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');
    expect((await supervisor.get('/api/auth/me')).body.twoFactor).toEqual({ enabled: false, required: true });
    // no live data either
    const socket = io(stack.url, { path: '/socket.io', auth: { token: login.body.token }, transports: ['websocket'], reconnection: false });
    await expect(
      new Promise<void>((resolve, reject) => (socket.once('connect', () => resolve()), socket.once('connect_error', reject))),
    ).rejects.toThrow(/UNAUTHENTICATED/);
    socket.close();

    const setup = await supervisor.post('/api/auth/2fa/setup');
    const confirm = await supervisor.post('/api/auth/2fa/confirm', { code: codeOf(setup.body.secret) });
    expect(confirm.status).toBe(200);
    expect((await supervisor.get('/api/tasks?view=team')).status).toBe(200);
    // while the role requires it, it cannot be turned off
    expect((await supervisor.post('/api/auth/2fa/disable', { code: codeOf(setup.body.secret, 1) })).body.error.reason).toBe(
      'TWO_FACTOR_REQUIRED',
    );

    // an administrator resets it (lost phone): the sessions end, and the next login goes to enrolment again
    expect((await admin.post('/api/auth/2fa/reset', { userId: 'u-supervisor' })).status).toBe(204);
    expect((await supervisor.get('/api/auth/me')).status).toBe(401);
    const after = await post('/api/auth/login', { email: 'supervisor@example.com', password: DEMO_PASSWORD });
    expect(after.body.twoFactorEnrolmentRequired).toBe(true);
    expect((await audits('u-admin')).map((a) => a.action)).toEqual(expect.arrayContaining(['2fa_policy_changed', '2fa_reset']));
    await admin.request('PUT', '/api/auth/2fa/policy', { roles: [] });
  });

  it('can be turned off with a code when no role requires it', async () => {
    const { secret } = await enrol('zhang.min@example.com');
    const login = await post('/api/auth/login', { email: 'zhang.min@example.com', password: DEMO_PASSWORD });
    const session = await post('/api/auth/login/code', { challenge: login.body.challenge, code: codeOf(secret) });
    const user = asBearer(session.body.token);
    expect((await user.post('/api/auth/2fa/disable', { code: 'wrong' })).status).toBe(401);
    expect((await user.post('/api/auth/2fa/disable', { code: codeOf(secret, 1) })).status).toBe(204);
    const plain = await post('/api/auth/login', { email: 'zhang.min@example.com', password: DEMO_PASSWORD });
    expect(plain.body.token).toEqual(expect.any(String));
  });
});

describe('sessions', () => {
  it('starts a new session at every login, keeps the others, and ends the one the request came with', async () => {
    const a = await post('/api/auth/login', { email: 'manager@example.com', password: DEMO_PASSWORD });
    const b = await post('/api/auth/login', { email: 'manager@example.com', password: DEMO_PASSWORD });
    expect(a.body.token).not.toBe(b.body.token);
    expect((await asBearer(a.body.token).get('/api/auth/me')).status).toBe(200);
    expect((await asBearer(b.body.token).get('/api/auth/me')).status).toBe(200);
    // logging in again from a browser holding session a (cookie) replaces a: no session fixation
    const c = await post(
      '/api/auth/login',
      { email: 'manager@example.com', password: DEMO_PASSWORD },
      { cookie: `sid=${a.body.token}`, origin: stack.url },
    );
    expect(c.status).toBe(200);
    expect((await asBearer(a.body.token).get('/api/auth/me')).status).toBe(401);
    expect((await asBearer(b.body.token).get('/api/auth/me')).status).toBe(200);
    // logout everywhere
    expect((await asBearer(c.body.token).post('/api/auth/logout-all')).status).toBe(204);
    expect((await asBearer(b.body.token).get('/api/auth/me')).status).toBe(401);
    expect(await stack.db.prisma.session.count({ where: { userId: 'u-manager' } })).toBe(0);
  });

  it('purges expired sessions: the user’s own at login, everyone’s on the timer', async () => {
    const past = new Date(Date.now() - 60_000);
    await stack.db.prisma.session.createMany({
      data: [
        { tokenHash: 'expired-admin', userId: 'u-admin', expiresAt: past },
        { tokenHash: 'expired-agent', userId: 'u-agent1', expiresAt: past },
      ],
    });
    await post('/api/auth/login', { email: 'admin@example.com', password: DEMO_PASSWORD });
    expect(await stack.db.prisma.session.count({ where: { tokenHash: 'expired-admin' } })).toBe(0);
    expect(await stack.db.prisma.session.count({ where: { tokenHash: 'expired-agent' } })).toBe(1);
    expect(await purgeExpired(stack.db.prisma)).toBeGreaterThanOrEqual(1);
    expect(await stack.db.prisma.session.count({ where: { expiresAt: { lte: new Date() } } })).toBe(0);
  });
});
