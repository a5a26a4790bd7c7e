// The KYC screens in headless Chromium against the real API, PostgreSQL and Temporal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';
import { waitFor } from '../support/cases';
import { KYC1, addDocuments, work } from '../support/kyc';
import { assertConsoleBuilt, launchChromium, openSession } from './chromium';
import { signIn } from './console-ui';

let stack: Stack;
let browser: Browser;
let reviewId: string;
let kyc1: ApiClient;

beforeAll(async () => {
  assertConsoleBuilt();
  stack = await startStack();
  browser = await launchChromium();
  let senior: ApiClient;
  [kyc1, senior] = await Promise.all([ApiClient.login(stack.url, 'kyc1@example.com'), ApiClient.login(stack.url, 'senior@example.com')]);
  reviewId = (await kyc1.post('/api/kyc-reviews', { clientId: 'c-1001' })).body.id;
  await addDocuments(stack.db.prisma, reviewId, 'c-1001', { surname: 'BENNETT', given: 'OLIVER', number: '533401372', nationality: 'GBR', birth: '1985-04-12', expiry: '2031-01-01' });
  await work(stack.temporal, stack.db.prisma, reviewId, KYC1, { outcome: 'documents_complete' }, 'collect_documents');
  await waitFor(async () => (await stack.db.prisma.task.count({ where: { caseId: reviewId, step: 'cdd_review' } })) > 0, 'CDD review');
  const res = await senior.post(`/api/kyc-reviews/${reviewId}/risk-override`, { band: 'high', reason: 'Adverse media about the employer' });
  expect(res.status).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the KYC console', () => {
  it('shows a senior compliance officer the review: risk factors, override, checks, documents, timeline; and the compliance card', async () => {
    const { page } = await openSession(browser, stack.url, 'senior');
    await signIn(page, 'senior@example.com');
    await page.getByTestId('compliance-card').waitFor();
    await page.getByTestId('nav-kyc-reviews').click();
    await page.locator('tr', { hasText: 'Oliver Bennett' }).first().click();
    await page.getByTestId('risk-factors').waitFor();
    expect(await page.getByTestId('risk-factors').locator('tbody tr').count()).toBe(9);
    await expect.poll(() => page.getByTestId('risk-override').textContent()).toContain('Adverse media about the employer');
    expect(await page.getByTestId('kyc-checks').locator('tbody tr').count()).toBe(8);
    expect(await page.getByTestId('kyc-documents').locator('a').count()).toBe(2);
    await page.getByTestId('timeline-risk_overridden').or(page.getByTestId('kyc-timeline').getByText('Risk band overridden')).first().waitFor();
    if (process.env.KYC_SCREENSHOT) await page.screenshot({ path: process.env.KYC_SCREENSHOT, fullPage: true });
  });

  it('a KYC officer completes a step with the form the API describes', { timeout: 120_000 }, async () => {
    const created = await kyc1.post('/api/kyc-reviews', { clientId: 'c-1002' });
    expect(created.status).toBe(201);
    const caseId: string = created.body.id;
    await addDocuments(stack.db.prisma, caseId, 'c-1002', { surname: 'CLARKE', given: 'AMELIA', number: '801234567', nationality: 'GBR', birth: '1991-09-30', expiry: '2032-05-01' });

    const { page } = await openSession(browser, stack.url, 'kyc1');
    await signIn(page, 'kyc1@example.com');
    await page.getByTestId('nav-kyc-reviews').click();
    await page.locator('tr', { hasText: 'Amelia Clarke' }).first().click();
    const step = page.getByTestId('case-task-collect_documents');
    await step.getByTestId('task-claim').click();
    await step.getByTestId('task-complete-link').click();
    await page.waitForURL(/\/tasks\/[^/]+\/show$/);

    // Each outcome brings its own fields; the server's verdict on a field lands on that field.
    const outcome = page.getByTestId('outcome-choice');
    await outcome.locator('input[value="request_information"]').check();
    await page.getByTestId('outcome-request').fill('   ');
    const refused = page.waitForResponse((r) => r.url().endsWith('/complete') && r.request().method() === 'POST');
    await page.getByTestId('task-complete').click();
    expect((await refused).status()).toBe(400);
    await page.locator('[data-testid="outcome-request"][aria-invalid="true"]').waitFor();
    expect(await page.locator('.ra-input-request .MuiFormHelperText-root').textContent()).toMatch(/\S/);

    await outcome.locator('input[value="documents_complete"]').check();
    expect(await page.getByTestId('outcome-request').count()).toBe(0);
    await page.getByTestId('outcome-note').fill('Passport and utility bill are on file.');
    await page.getByTestId('task-complete').click();
    await page.waitForURL(/\/tasks$/);

    const task = await stack.db.prisma.task.findFirstOrThrow({ where: { caseId, step: 'collect_documents' } });
    expect(task).toMatchObject({ status: 'completed', completedById: 'u-kyc1' });
    expect(task.outcome).toEqual({ outcome: 'documents_complete', note: 'Passport and utility bill are on file.' });
    // A low-risk client with no screening hits goes from the automated checks to CDD review.
    await waitFor(async () => (await stack.db.prisma.task.count({ where: { caseId, step: 'cdd_review' } })) > 0, 'CDD review', 30_000);
    expect((await kyc1.get(`/api/kyc-reviews/${caseId}`)).body).toMatchObject({ state: 'cdd_review', status: 'open' });
  });

  it("a notification about a KYC review opens the review's page", async () => {
    // As the workflow writes a confirmed sanctions match (a case notification, no task).
    await stack.db.prisma.notification.create({
      data: {
        id: `test-kyc-case-update-${reviewId}`,
        userId: 'u-kyc1',
        type: 'case_update',
        caseId: reviewId,
        title: 'Confirmed sanctions match: Oliver Bennett',
        data: { caseType: 'kyc_review', clientName: 'Oliver Bennett', round: 1 },
      },
    });
    const { page } = await openSession(browser, stack.url, 'kyc1-notification');
    await signIn(page, 'kyc1@example.com');
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-item').filter({ hasText: 'Oliver Bennett' }).first().click();
    await page.waitForURL(new RegExp(`/kyc-reviews/${reviewId}/show$`));
    await page.getByTestId('risk-factors').waitFor();
  });

  it('offers an agent no KYC reviews in the menu', async () => {
    const { page } = await openSession(browser, stack.url, 'agent');
    await signIn(page, 'agent1@example.com');
    await page.getByTestId('nav-clients').waitFor();
    expect(await page.getByTestId('nav-kyc-reviews').count()).toBe(0);
  });
});
