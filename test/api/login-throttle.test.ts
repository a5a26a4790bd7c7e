// Issue 7, item 7: failed logins are counted atomically, per e-mail and address, per address and per
// e-mail, with a growing delay instead of a lock; an e-mail without an account is answered the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';
import { DEMO_PASSWORD } from '../../prisma/seed';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    env: { LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_ACCOUNT: '6', LOGIN_MAX_FAILURES_PER_ADDRESS: '10' },
  });
});
afterAll(() => stack?.stop());

const login = (email: string, password: string, from: string) =>
  new ApiClient(stack.url).post('/api/auth/login', { email, password }, { 'x-forwarded-for': from });
const counter = async (key: string) =>
  (await stack.db.pool.query(`SELECT failures, blocked_until FROM login_attempts WHERE key = $1`, [key])).rows[0];
const shape = (r: { status: number; body: unknown; headers: Headers }) => ({
  status: r.status,
  body: r.body,
  retryAfter: r.status === 429 ? r.headers.get('retry-after') !== null : null,
});

describe('login throttling', () => {
  it('counts twenty parallel wrong guesses, lets three through, and answers an unknown e-mail the same way', async () => {
    const burst = (email: string) => Promise.all(Array.from({ length: 20 }, () => login(email, 'wrong-guess', '198.51.100.20')));
    const existing = await burst('manager@example.com');
    const statuses = existing.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(17);
    expect((await counter('acct-ip:manager@example.com|198.51.100.20')).failures).toBe(3);

    const unknown = await burst('nobody-here@example.com');
    const sortByStatus = (rs: ReturnType<typeof shape>[]) => rs.sort((a, b) => a.status - b.status);
    const strip = (r: ReturnType<typeof shape>) => ({
      ...r,
      body: { ...(r.body as object), error: { ...(r.body as { error: object }).error, message: '' } },
    });
    // Same statuses, codes and headers; messages differ only by the seconds to wait.
    expect(sortByStatus(unknown.map(shape)).map(strip)).toEqual(sortByStatus(existing.map(shape)).map(strip));
    expect(existing.find((r) => r.status === 429)!.body.error).toMatchObject({ code: 'RATE_LIMITED' });

    // the owner, elsewhere, logs in at once: the guesses made no lock
    expect((await login('manager@example.com', DEMO_PASSWORD, '192.0.2.44')).status).toBe(200);
  });

  it('makes each further try wait twice as long (1 s, 2 s, ...), not a fixed lock', async () => {
    const email = 'li.wei@example.com';
    const from = '198.51.100.30';
    for (let i = 0; i < 3; i++) expect((await login(email, 'nope', from)).status).toBe(401);
    const first = await login(email, DEMO_PASSWORD, from);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('1');
    await new Promise((r) => setTimeout(r, 1100));
    expect((await login(email, 'nope', from)).status).toBe(401); // the 4th failure
    const second = await login(email, DEMO_PASSWORD, from);
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBe(2);
    await new Promise((r) => setTimeout(r, 2100));
    // waiting is all it takes: the right password then works
    expect((await login(email, DEMO_PASSWORD, from)).status).toBe(200);
    expect(await counter(`acct-ip:${email}|${from}`)).toBeUndefined();
  });

  it('never slows a user who mistypes now and then: a success clears that address’s failures for the account', async () => {
    const email = 'zhang.min@example.com';
    const from = '198.51.100.40';
    for (let round = 0; round < 3; round++) {
      expect((await login(email, 'typo', from)).status).toBe(401);
      expect((await login(email, 'typo', from)).status).toBe(401);
      expect((await login(email, DEMO_PASSWORD, from)).status).toBe(200);
    }
  });

  it('limits one address guessing many e-mails', async () => {
    const from = '198.51.100.50';
    for (let i = 0; i < 10; i++) expect((await login(`spray-${i}@example.com`, 'x', from)).status).toBe(401);
    const next = await login('agent1@example.com', DEMO_PASSWORD, from);
    expect(next.status).toBe(429);
    expect((await login('agent1@example.com', DEMO_PASSWORD, '198.51.100.51')).status).toBe(200);
  });

  it('limits many addresses guessing one e-mail, but not the owner at an address they logged in from', async () => {
    // an unknown e-mail first: answered the same way
    for (let i = 1; i <= 6; i++) expect((await login('ghost@example.com', 'guess', `203.0.113.${i + 10}`)).status).toBe(401);
    expect((await login('ghost@example.com', DEMO_PASSWORD, '203.0.113.98')).status).toBe(429);

    const email = 'supervisor@example.com';
    expect((await login(email, DEMO_PASSWORD, '192.0.2.10')).status).toBe(200); // the owner's usual address
    for (let i = 1; i <= 6; i++) expect((await login(email, 'guess', `203.0.113.${i}`)).status).toBe(401);
    expect((await login(email, DEMO_PASSWORD, '203.0.113.99')).status).toBe(429);
    // the owner at their known address is not held up by the distributed guessing
    expect((await login(email, DEMO_PASSWORD, '192.0.2.10')).status).toBe(200);
  });
});
