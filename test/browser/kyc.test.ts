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

beforeAll(async () => {
  assertConsoleBuilt();
  stack = await startStack();
  browser = await launchChromium();
  const [kyc1, senior] = await Promise.all([ApiClient.login(stack.url, 'kyc1@example.com'), ApiClient.login(stack.url, 'senior@example.com')]);
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

  it('offers an agent no KYC reviews in the menu', async () => {
    const { page } = await openSession(browser, stack.url, 'agent');
    await signIn(page, 'agent1@example.com');
    await page.getByTestId('nav-clients').waitFor();
    expect(await page.getByTestId('nav-kyc-reviews').count()).toBe(0);
  });
});
