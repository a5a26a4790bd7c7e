// The console's sign-in with two-factor authentication, under the API's Content-Security-Policy and
// cross-site checks: enrolment when a role requires it (key, code, recovery codes), then a sign-in
// that asks for a code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';
import { DEMO_PASSWORD } from '../../prisma/seed';
import { assertConsoleBuilt, launchChromium, openSession } from './chromium';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  assertConsoleBuilt();
  stack = await startStack();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const codeOf = (secret: string, offset = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: Date.now() + offset * 30_000,
  });

describe('two-factor sign-in in the console', () => {
  it('enrols a supervisor whose role requires it, then signs in with a code', { timeout: 120_000 }, async () => {
    const admin = await ApiClient.login(stack.url, 'admin@example.com');
    expect((await admin.request('PUT', '/api/auth/2fa/policy', { roles: ['supervisor'] })).status).toBe(200);

    const { page, log } = await openSession(browser, stack.url, 'supervisor');
    const cspViolations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/.test(m.text())) cspViolations.push(m.text());
    });
    await page.goto('/');
    await page.getByTestId('login-email').fill('supervisor@example.com');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();

    // enrolment: the key, a code, the recovery codes
    const secret = (await page.getByTestId('login-secret').innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByTestId('login-code').fill(codeOf(secret, -1));
    await page.getByTestId('login-submit').click();
    const codes = (await page.getByTestId('login-recovery-codes').innerText()).trim().split('\n');
    expect(codes).toHaveLength(10);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-tasks').waitFor();

    // sign out, and in again: now the code step
    await page.context().clearCookies();
    await page.evaluate(() => localStorage.clear());
    await page.goto('/');
    await page.getByTestId('login-email').fill('supervisor@example.com');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-code').fill(codeOf(secret));
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-tasks').waitFor();

    expect(cspViolations).toEqual([]);
    expect(log.filter((l) => /\[http (403|415)\]/.test(l))).toEqual([]);
    await admin.request('PUT', '/api/auth/2fa/policy', { roles: [] });
  });
});
