// The client 360 page in the console (issue 9, item 1), in headless Chromium against the real stack: an account
// manager (agent1, who manages c-1001 in the demo data) opens their client and sees, tab by tab, a trading account
// with its login and balance, a transaction the feed sent, an open case whose reference opens the case page; they
// log a call through the dialog and it heads the timeline. An introducing broker, who reads the client but may not
// edit it, is not offered the dialog.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';
import { addAccount } from '../support/crm';
import { assertConsoleBuilt, launchChromium, openSession } from './chromium';
import { choose, signIn } from './console-ui';

let stack: Stack;
let browser: Browser;
/** pages load their chunks on first use: give a first visit time */
const POLL = { timeout: 15_000 };
const CLIENT = 'c-1001';
const LOGIN = '77012345';
let complaint: { id: string; reference: string };

/** No message key shows untranslated on the page (react-admin shows a missing key as itself). */
async function noRawKeys(page: Page): Promise<void> {
  expect(await page.locator('#main-content').textContent()).not.toMatch(/\bclient\.[a-z_]+/);
}

beforeAll(async () => {
  assertConsoleBuilt();
  stack = await startStack();
  browser = await launchChromium();
  // an account (the platform's sync writes accounts: no API adds one) with a balance to recognise
  await addAccount(stack.db.pool, { id: 'acc-360', clientId: CLIENT, login: LOGIN, currency: 'USD' });
  await stack.db.pool.query(`UPDATE trading_accounts SET balance = 12345.67, equity = 12000.5, margin_level = 845.2 WHERE id = 'acc-360'`);
  // a deposit into it through the feed's door, booked now: the newest transaction
  const feed = await ApiClient.login(stack.url, 'compliance@example.com');
  const deposit = await feed.post('/api/transactions', {
    clientId: CLIENT,
    accountId: 'acc-360',
    externalId: 'client-360-deposit',
    type: 'deposit',
    amount: '4321.09',
    currency: 'USD',
    method: 'card',
    bookedAt: new Date().toISOString(),
  });
  expect(deposit.status, JSON.stringify(deposit.body)).toBe(201);
  // an open complaint of the client's
  const agent1 = await ApiClient.login(stack.url, 'agent1@example.com');
  const created = await agent1.post('/api/complaints', {
    clientId: CLIENT,
    channel: 'phone',
    category: 'platform',
    severity: 'medium',
    description: 'Client 360: the platform froze while closing a position.',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  complaint = { id: created.body.id, reference: created.body.reference };
  expect(complaint.reference).toMatch(/^CMP-/);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the client 360 page', () => {
  it(
    'an account manager sees accounts, transactions and open cases, and logs a call that heads the timeline',
    { timeout: 120_000 },
    async () => {
      const { page } = await openSession(browser, stack.url, 'client-360-agent');
      await signIn(page, 'agent1@example.com');
      await page.goto(`/#/clients/${CLIENT}/show`);
      await page.getByTestId('client-profile').waitFor(POLL);
      await noRawKeys(page);

      // accounts: the row of the new account, with its login and balance; the trading summary below
      await page.getByTestId('client-tab-accounts').click();
      const account = page.locator(`[data-testid=client-account][data-login="${LOGIN}"]`);
      await account.waitFor(POLL);
      expect(await account.textContent()).toContain(LOGIN);
      expect(await account.getByTestId('account-balance').textContent()).toContain('12,345.67');
      await page.getByTestId('client-trading-summary').waitFor();
      await noRawKeys(page);

      // transactions: the deposit heads the first page
      await page.getByTestId('client-tab-transactions').click();
      const amounts = page.getByTestId('client-transactions').getByTestId('transaction-amount');
      await expect.poll(async () => (await amounts.allTextContents())[0], POLL).toContain('4,321.09');
      await noRawKeys(page);
      // filters: trades only (the deposit leaves), deposits again, then booked from tomorrow: none match
      await choose(page, 'transactions-filter-type', 'trade');
      await expect.poll(async () => (await amounts.allTextContents())[0], POLL).not.toContain('4,321.09');
      await choose(page, 'transactions-filter-type', 'deposit');
      await expect.poll(async () => (await amounts.allTextContents())[0], POLL).toContain('4,321.09');
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      await page.getByTestId('transactions-filter-from').locator('input').fill(tomorrow);
      await expect
        .poll(async () => await page.getByTestId('client-transactions-none').textContent(), POLL)
        .toBe('No transactions match these filters.');
      await noRawKeys(page);

      // cases and tasks: the open complaint by its reference, linking to the complaint's page
      await page.getByTestId('client-tab-cases').click();
      const row = page.locator(`[data-testid=client-case][data-reference="${complaint.reference}"]`);
      await row.waitFor(POLL);
      const link = row.getByTestId('client-case-link');
      expect(await link.textContent()).toBe(complaint.reference);
      expect(await link.getAttribute('href')).toContain(`/complaints/${complaint.id}/show`);
      await noRawKeys(page);

      // timeline: log a call through the dialog; it appears first
      await page.getByTestId('client-tab-timeline').click();
      await page.getByTestId('client-timeline').waitFor(POLL);
      await page.getByTestId('log-interaction').click();
      const dialog = page.getByTestId('log-interaction-dialog');
      await dialog.waitFor();
      await choose(page, 'interaction-kind', 'call');
      await choose(page, 'interaction-direction', 'outbound');
      await page.getByTestId('interaction-channel').fill('phone');
      await page.getByTestId('interaction-subject').fill('Margin call follow-up');
      await page.getByTestId('interaction-body').fill('Explained the margin level; client will deposit tomorrow.');
      await page.getByTestId('interaction-durationMinutes').fill('7');
      await page.getByTestId('interaction-outcome').fill('callback agreed');
      await page.getByTestId('log-interaction-submit').click();
      await dialog.waitFor({ state: 'detached' });
      const first = page.getByTestId('client-timeline-item').first();
      await expect.poll(() => first.textContent(), POLL).toContain('Margin call follow-up');
      expect(await first.getAttribute('data-source')).toBe('interaction');
      expect(await first.getAttribute('data-type')).toBe('call');
      await noRawKeys(page);
      const stored = await stack.db.pool.query(
        `SELECT kind, direction, channel, duration_seconds, outcome, agent_id, source FROM interactions WHERE client_id = $1 AND subject = $2`,
        [CLIENT, 'Margin call follow-up'],
      );
      expect(stored.rows).toEqual([
        {
          kind: 'call',
          direction: 'outbound',
          channel: 'phone',
          duration_seconds: 420,
          outcome: 'callback agreed',
          agent_id: 'u-agent1',
          source: 'console',
        },
      ]);

      // the case reference opens the case page
      await page.getByTestId('client-tab-cases').click();
      await page.locator(`[data-testid=client-case][data-reference="${complaint.reference}"]`).getByTestId('client-case-link').click();
      await expect.poll(() => page.url(), POLL).toContain(`/complaints/${complaint.id}/show`);
    },
  );

  it('an introducing broker reads the timeline but is not offered the Log interaction dialog', { timeout: 120_000 }, async () => {
    const { page } = await openSession(browser, stack.url, 'client-360-ib');
    await signIn(page, 'apex.partner@example.com');
    await page.goto(`/#/clients/${CLIENT}/show/timeline`);
    await page.getByTestId('client-timeline').waitFor(POLL);
    expect(await page.getByTestId('log-interaction').count()).toBe(0);
    const ib = await ApiClient.login(stack.url, 'apex.partner@example.com');
    expect((await ib.get(`/api/clients/${CLIENT}`)).body.mayEdit).toBe(false);
  });
});
