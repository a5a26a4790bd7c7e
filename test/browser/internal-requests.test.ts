// The internal request case type in the console: an agent asks the KYC team, a KYC officer answers from
// the inbox, and the agent sees the reply on the request's page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startStack, type Stack } from '../support/stack';
import { assertConsoleBuilt, launchChromium, openSession } from './chromium';
import { choose, openInbox, signIn } from './console-ui';

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

describe('internal requests in the console', () => {
  it('an agent asks the KYC team; an officer fulfils it from the inbox; the agent reads the reply', { timeout: 120_000 }, async () => {
    const asker = await openSession(browser, stack.url, 'agent1');
    await signIn(asker.page, 'agent1@example.com');
    await asker.page.getByTestId('nav-internal-requests').click();
    await asker.page.getByTestId('request-create').click();
    await asker.page.getByTestId('request-client').locator('input').fill('Oliver');
    await asker.page.getByRole('option', { name: 'Oliver Bennett', exact: true }).click();
    await choose(asker.page, 'request-team', 'london-kyc');
    await choose(asker.page, 'request-kind', 'document');
    await asker.page.getByTestId('request-subject').fill('Proof of address used at onboarding');
    await asker.page.getByTestId('request-details').fill('The client disputes a fee and asks which address we hold.');
    await asker.page.getByRole('button', { name: /save|сохранить|保存|บันทึก|lưu/i }).click();
    await asker.page.waitForURL(/\/internal-requests\/[^/]+\/show$/);
    const reference = (await asker.page
      .getByText(/^IRQ-\d{4}-\d{6}$/)
      .first()
      .textContent())!;
    expect(reference).toMatch(/^IRQ-/);

    const officer = await openSession(browser, stack.url, 'kyc1');
    await signIn(officer.page, 'kyc1@example.com');
    await openInbox(officer.page, 'team');
    const row = officer.page.getByTestId('task-row-fulfil').first();
    await row.getByTestId('task-claim').click();
    await openInbox(officer.page, 'mine');
    await officer.page.getByTestId('task-row-fulfil').first().getByText('Oliver Bennett').click();
    await officer.page.waitForURL(/\/tasks\/[^/]+\/show$/);
    await officer.page.getByTestId('outcome-choice').locator('input[value="fulfilled"]').check();
    await officer.page.locator('textarea[name="reply"], input[name="reply"]').first().fill('Utility bill of 3 March 2025, on file.');
    await officer.page.getByTestId('task-complete').click();

    await asker.page.reload();
    await asker.page.getByText('Utility bill of 3 March 2025, on file.').first().waitFor({ timeout: 30_000 });
  });
});
