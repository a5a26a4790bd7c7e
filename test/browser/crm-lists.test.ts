// The cross-client lists in the console (issue 9), in headless Chromium against the real stack: an account manager
// (agent1, who manages the London clients but c-1006..c-1008 in the demo data) opens Transactions from the menu and
// sees only their own clients' rows, each naming its client with a link to the client's page; a deposit of another
// agent's client booked just now, the newest of all, is not among them. A filter narrows the list; the client's name
// opens the client page; the Export button asks the server for the same selection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';
import { assertConsoleBuilt, launchChromium, openSession } from './chromium';
import { choose, signIn } from './console-ui';

let stack: Stack;
let browser: Browser;
/** pages load their chunks on first use: give a first visit time */
const POLL = { timeout: 15_000 };
let own: Set<string>;

beforeAll(async () => {
  assertConsoleBuilt();
  stack = await startStack();
  browser = await launchChromium();
  // the newest transactions: a withdrawal of agent1's client c-1001 and a deposit of agent2's c-1006, booked now
  const feed = await ApiClient.login(stack.url, 'compliance@example.com');
  for (const [clientId, type, externalId] of [
    ['c-1001', 'withdrawal', 'crm-lists-own'],
    ['c-1006', 'deposit', 'crm-lists-other'],
  ]) {
    const res = await feed.post('/api/transactions', {
      clientId,
      externalId,
      type,
      amount: '777.00',
      currency: 'USD',
      method: 'card',
      bookedAt: new Date().toISOString(),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  const { rows } = await stack.db.pool.query<{ id: string }>(`SELECT id FROM clients WHERE account_manager_id = 'u-agent1'`);
  own = new Set(rows.map((r) => r.id));
  expect(own.has('c-1001') && !own.has('c-1006')).toBe(true);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the transactions list', () => {
  it('an agent opens Transactions from the menu and sees only their own clients’ rows', { timeout: 120_000 }, async () => {
    const { page } = await openSession(browser, stack.url, 'crm-lists-agent');
    await signIn(page, 'agent1@example.com');
    await page.getByTestId('nav-transactions').click();
    const links = page.getByTestId('client-link');
    await links.first().waitFor(POLL);
    expect(await page.locator('#main-content').textContent()).not.toMatch(/\b(resources|transactionList|client)\.[a-z_.]+/);

    const clients = await links.evaluateAll((els) => els.map((e) => e.getAttribute('data-client-id')));
    expect(clients.length).toBeGreaterThan(1);
    expect(clients.filter((id) => !own.has(id!))).toEqual([]);
    // newest first: the withdrawal booked now heads the list; the other agent's deposit is not there
    expect(clients[0]).toBe('c-1001');
    await expect(page.getByTestId('transaction-amount').first().textContent()).resolves.toContain('777');

    // a filter narrows it to deposits: the withdrawal goes
    await choose(page, 'filter-type', 'deposit');
    await page.waitForFunction(() => !location.hash.includes('withdrawal') && location.hash.includes('deposit'), null, POLL);
    await expect
      .poll(async () => (await page.getByTestId('transaction-amount').allTextContents()).some((t) => t.includes('777')), POLL)
      .toBe(false);
    const filtered = await page.getByTestId('client-link').evaluateAll((els) => els.map((e) => e.getAttribute('data-client-id')));
    expect(filtered.filter((id) => !own.has(id!))).toEqual([]);

    // the Export button downloads the same selection from the server
    const href = await page.getByTestId('transactions-export').getAttribute('href');
    expect(decodeURIComponent(href!)).toMatch(/^\/api\/transactions\/export\.csv\?filter=\{"type":"deposit"\}/);

    // the client's name opens the client page
    await page.getByTestId('client-link').first().click();
    await page.getByTestId('client-profile').waitFor(POLL);
    expect(page.url()).toContain(`/clients/${filtered[0]}/show`);
  });
});
