// Issue 7, item 10: response headers, the session cookie, and cross-site writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';
import { DEMO_PASSWORD } from '../../prisma/seed';

let stack: Stack;
let cookie: string;
let bearer: string;
beforeAll(async () => {
  stack = await startStack();
  const res = await fetch(`${stack.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'agent1@example.com', password: DEMO_PASSWORD }),
  });
  cookie = res.headers.get('set-cookie')!.split(';')[0];
  bearer = (await res.json()).token;
});
afterAll(() => stack?.stop());

const raw = (method: string, path: string, headers: Record<string, string>, body?: string) =>
  fetch(`${stack.url}${path}`, { method, headers, body });

describe('response headers', () => {
  it('sends CSP, no framing, a same-origin referrer policy and nosniff on API answers, errors and socket.io', async () => {
    for (const res of [
      await raw('GET', '/api/health', {}),
      await raw('GET', '/api/nope', {}),
      await raw('POST', '/api/auth/login', { 'content-type': 'application/json' }, '{"email":'),
    ]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toContain('upgrade-insecure-requests'); // plain HTTP here
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    const polling = await raw('GET', '/socket.io/?EIO=4&transport=polling', {});
    expect(polling.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the API docs page without inline script', async () => {
    const page = await (await raw('GET', '/api/docs', {})).text();
    expect(page).not.toMatch(/<script>[^<]/);
    expect((await raw('GET', '/api/docs/init.js', {})).status).toBe(200);
  });

  it('sends HSTS and a Secure cookie when served over HTTPS (COOKIE_SECURE)', async () => {
    const tls = await startStack({ env: { COOKIE_SECURE: 'true' } });
    try {
      const res = await fetch(`${tls.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'agent1@example.com', password: DEMO_PASSWORD }),
      });
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
      expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
      expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      await tls.stop();
    }
  });
});

describe('cross-site writes', () => {
  it('refuses a cookie-authenticated write without Origin or with another site’s Origin (403), accepts the console’s', async () => {
    const noOrigin = await raw('POST', '/api/notifications/read-all', { cookie, 'content-type': 'application/json' }, '{}');
    expect(noOrigin.status).toBe(403);
    expect((await noOrigin.json()).error.reason).toBe('CSRF_ORIGIN');
    const evil = await raw(
      'POST',
      '/api/notifications/read-all',
      { cookie, 'content-type': 'application/json', origin: 'https://evil.example' },
      '{}',
    );
    expect(evil.status).toBe(403);
    const nullOrigin = await raw(
      'POST',
      '/api/notifications/read-all',
      { cookie, 'content-type': 'application/json', origin: 'null' },
      '{}',
    );
    expect(nullOrigin.status).toBe(403);
    const evilReferer = await raw(
      'POST',
      '/api/notifications/read-all',
      { cookie, 'content-type': 'application/json', referer: 'https://evil.example/x' },
      '{}',
    );
    expect(evilReferer.status).toBe(403);
    // same host as the request (the console served by this API), the configured PUBLIC_ORIGIN, or a same-origin Referer
    expect(
      (await raw('POST', '/api/notifications/read-all', { cookie, 'content-type': 'application/json', origin: stack.url }, '{}')).status,
    ).toBe(200);
    expect(
      (
        await raw(
          'POST',
          '/api/notifications/read-all',
          { cookie, 'content-type': 'application/json', origin: 'http://localhost:3000' },
          '{}',
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await raw(
          'POST',
          '/api/notifications/read-all',
          { cookie, 'content-type': 'application/json', referer: `${stack.url}/tasks` },
          '{}',
        )
      ).status,
    ).toBe(200);
    // reads need no Origin
    expect((await raw('GET', '/api/auth/me', { cookie })).status).toBe(200);
  });

  it('exempts bearer-token requests (API clients): a browser cannot attach the header cross-site', async () => {
    expect(
      (await raw('POST', '/api/notifications/read-all', { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, '{}'))
        .status,
    ).toBe(200);
  });

  it('refuses form and text bodies on writes with 415, body-less actions such as claim included', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'TEXT/PLAIN; charset=utf-8',
    ]) {
      const res = await raw('POST', '/api/tasks/any-task/claim', { cookie, origin: stack.url, 'content-type': type }, 'a=b');
      expect(res.status).toBe(415);
      expect((await res.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    const untyped = await fetch(`${stack.url}/api/tasks/any-task/claim`, {
      method: 'POST',
      headers: { cookie, origin: stack.url },
      body: new Blob(['{}']),
    });
    expect(untyped.status).toBe(415);
    const login = await raw(
      'POST',
      '/api/auth/login',
      { 'content-type': 'text/plain' },
      JSON.stringify({ email: 'agent1@example.com', password: DEMO_PASSWORD }),
    );
    expect(login.status).toBe(415);
  });

  it('refuses a login posted from another site (login CSRF)', async () => {
    const res = await raw(
      'POST',
      '/api/auth/login',
      { 'content-type': 'application/json', origin: 'https://evil.example' },
      JSON.stringify({ email: 'agent1@example.com', password: DEMO_PASSWORD }),
    );
    expect(res.status).toBe(403);
    expect(
      (
        await new ApiClient(stack.url).post(
          '/api/auth/login',
          { email: 'agent1@example.com', password: DEMO_PASSWORD },
          { origin: stack.url },
        )
      ).status,
    ).toBe(200);
  });
});
