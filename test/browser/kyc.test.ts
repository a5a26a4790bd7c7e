// The KYC screens in headless Chromium against the real API, PostgreSQL and Temporal.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';
import { waitFor } from '../support/cases';
import { KYC1, addDocuments, work } from '../support/kyc';
import { assertConsoleBuilt, launchChromium, openSession } from './chromium';
import { signIn } from './console-ui';
import { REFERENCE_SANCTIONS_DIR } from '../../platform/screening/parse/reference';

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
  await addDocuments(stack.db.prisma, reviewId, 'c-1001', {
    surname: 'BENNETT',
    given: 'OLIVER',
    number: '533401372',
    nationality: 'GBR',
    birth: '1985-04-12',
    expiry: '2031-01-01',
  });
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
    await page
      .getByTestId('timeline-risk_overridden')
      .or(page.getByTestId('kyc-timeline').getByText('Risk band overridden'))
      .first()
      .waitFor();
    if (process.env.KYC_SCREENSHOT) await page.screenshot({ path: process.env.KYC_SCREENSHOT, fullPage: true });
  });

  it('a KYC officer completes a step with the form the API describes', { timeout: 120_000 }, async () => {
    const created = await kyc1.post('/api/kyc-reviews', { clientId: 'c-1002' });
    expect(created.status).toBe(201);
    const caseId: string = created.body.id;
    await addDocuments(stack.db.prisma, caseId, 'c-1002', {
      surname: 'CLARKE',
      given: 'AMELIA',
      number: '801234567',
      nationality: 'GBR',
      birth: '1991-09-30',
      expiry: '2032-05-01',
    });

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

// KYC done in the console (issue 11 item 2): a new review, documents uploaded, the reason approval waits, the
// sanctions lists imported, and screening hits decided.
describe('KYC work in the console', () => {
  const PDF = Buffer.from('%PDF-1.4\n%a scanned document\n%%EOF\n');

  it(
    'an officer starts a review, uploads its documents, and reads why approval waits (no sanctions list)',
    { timeout: 180_000 },
    async () => {
      const { page } = await openSession(browser, stack.url, 'kyc1-new-review');
      await signIn(page, 'kyc1@example.com');
      await page.getByTestId('nav-kyc-reviews').click();
      await page.getByTestId('kyc-create').click();
      await page.getByTestId('kyc-client').locator('input').fill('Nguyen');
      await page.getByRole('option', { name: 'Nguyen Thi Lan', exact: true }).click();
      await page.getByTestId('kyc-submit').click();
      await page.waitForURL(/\/kyc-reviews\/[^/]+\/show$/);
      const reviewId = decodeURIComponent(page.url().match(/\/kyc-reviews\/([^/]+)\/show$/)![1]);

      // the passport, then a utility bill
      const uploadOne = async (
        kind: string,
        docType: string,
        fileName: string,
        dates: { expires?: string; issued?: string },
        number?: string,
      ) => {
        await page.getByTestId('document-upload').click();
        await page.getByTestId('document-file').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: PDF });
        await page.getByTestId('document-kind').selectOption(kind);
        await page.getByTestId('document-doc-type').selectOption(docType);
        if (number) await page.getByTestId('document-number').fill(number);
        if (dates.expires) await page.getByTestId('document-expires').fill(dates.expires);
        if (dates.issued) await page.getByTestId('document-issued').fill(dates.issued);
        await page.getByTestId('document-upload-confirm').click();
        await page.getByTestId('document-upload-confirm').waitFor({ state: 'detached' });
      };
      await uploadOne('identity', 'passport', 'passport.pdf', { expires: '2031-05-01' }, 'C01X00T47');
      const recent = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
      await uploadOne('proof_of_address', 'utility_bill', 'bill.pdf', { issued: recent });
      await expect.poll(() => page.getByTestId('kyc-documents').locator('a').count()).toBe(2);
      const stored = await stack.db.prisma.kycDocument.findMany({
        where: { caseId: reviewId },
        omit: { content: true },
        orderBy: { uploadedAt: 'asc' },
      });
      expect(stored.map((d) => [d.kind, d.docType, d.fileName, d.uploadedById])).toEqual([
        ['identity', 'passport', 'passport.pdf', 'u-kyc1'],
        ['proof_of_address', 'utility_bill', 'bill.pdf', 'u-kyc1'],
      ]);
      expect(stored[0].number).toBe('C01X00T47');
      await page.getByTestId('kyc-timeline').getByTestId('timeline-document_uploaded').first().waitFor();

      // a second review of the same client is refused with its reason, not "changed in the meantime"
      await page.getByTestId('nav-kyc-reviews').click();
      await page.getByTestId('kyc-create').click();
      await page.getByTestId('kyc-client').locator('input').fill('Nguyen');
      await page.getByRole('option', { name: 'Nguyen Thi Lan', exact: true }).click();
      await page.getByTestId('kyc-submit').click();
      await page.getByText('This client already has an open KYC review').waitFor();
      expect(await page.getByText('changed in the meantime').count()).toBe(0);

      // documents complete: the checks run with no list imported
      await work(stack.temporal, stack.db.prisma, reviewId, KYC1, { outcome: 'documents_complete' }, 'collect_documents');
      const decision = await waitFor(
        () =>
          stack.db.prisma.task.findFirst({
            where: { caseId: reviewId, step: { in: ['cdd_review', 'senior_approval', 'source_of_funds'] } },
          }),
        'the next step after the checks',
        30_000,
      );
      await page.goto(`/#/kyc-reviews/${reviewId}/show`);
      await page
        .getByTestId('check-sanctions')
        .getByTestId('check-detail')
        .filter({ hasText: 'No sanctions list has been imported' })
        .waitFor();
      await page.getByTestId('kyc-not-screened').waitFor();
      expect(await page.getByTestId('risk-factors').textContent()).toContain('Not screened: no list imported');

      // the decision step offers no approval and says why
      expect(decision.step).toBe('cdd_review');
      {
        const task = (await kyc1.get(`/api/tasks/${encodeURIComponent(decision.id)}`)).body;
        expect(task.outcomes).not.toContain('approved');
        expect((await kyc1.post(`/api/tasks/${encodeURIComponent(decision.id)}/claim`)).status).toBe(200);
        await page.goto(`/#/tasks/${encodeURIComponent(decision.id)}/show`);
        await page.getByTestId('approval-blocked').filter({ hasText: 'No sanctions list has been imported' }).waitFor();
        await page.getByTestId('outcome-choice').locator('input[value="rejected"]').waitFor({ state: 'attached' });
        expect(await page.getByTestId('outcome-choice').locator('input[value="approved"]').count()).toBe(0);
      }
    },
  );

  it(
    'a compliance manager imports the sanctions lists; an officer decides a screening hit with a reason',
    { timeout: 240_000 },
    async () => {
      const compliance = await openSession(browser, stack.url, 'compliance-lists');
      await signIn(compliance.page, 'compliance@example.com');
      await compliance.page.getByTestId('nav-screening-lists').click();
      await compliance.page.getByTestId('lists-empty').waitFor();
      await compliance.page.getByTestId('lists-import').click();
      await compliance.page.getByTestId('lists-files').setInputFiles(path.join(REFERENCE_SANCTIONS_DIR, 'UN_consolidated.xml'));
      await compliance.page.getByTestId('lists-upload').click();
      await compliance.page.getByTestId('lists-result').waitFor({ timeout: 60_000 });
      await compliance.page.keyboard.press('Escape');
      await compliance.page.getByTestId('list-version-un_sc').getByTestId('list-current').waitFor();

      // a client whose name is on the UN list
      await stack.db.prisma.client.create({
        data: {
          id: 'c-9001',
          name: 'Ayman al-Zawahiri',
          country: 'GB',
          branchId: 'london',
          email: 'c-9001@clients.example.com',
          kycStatus: 'pending',
        },
      });
      await stack.db.prisma.kycProfile.create({
        data: {
          clientId: 'c-9001',
          dateOfBirth: new Date('1951-06-19'),
          nationality: 'EG',
          residence: 'GB',
          occupation: 'professional',
          declaredIncome: 50_000,
          expectedDeposits: 5_000,
          products: ['shares'],
          channel: 'online',
        },
      });
      const created = await kyc1.post('/api/kyc-reviews', { clientId: 'c-9001' });
      expect(created.status).toBe(201);
      const caseId: string = created.body.id;
      await addDocuments(stack.db.prisma, caseId, 'c-9001', {
        surname: 'ZAWAHIRI',
        given: 'AYMAN',
        number: '912345678',
        nationality: 'EGY',
        birth: '1951-06-19',
        expiry: '2031-01-01',
      });
      await work(stack.temporal, stack.db.prisma, caseId, KYC1, { outcome: 'documents_complete' }, 'collect_documents');
      const task = await waitFor(
        () => stack.db.prisma.task.findFirst({ where: { caseId, step: 'screening_review', status: 'open' } }),
        'the screening review',
        60_000,
      );
      const hits = await stack.db.prisma.screeningHit.findMany({ where: { caseId }, orderBy: { score: 'desc' } });
      expect(hits.length).toBeGreaterThan(0);

      const { page } = await openSession(browser, stack.url, 'kyc2-hits');
      await signIn(page, 'kyc2@example.com');
      await page.goto(`/#/tasks/${encodeURIComponent(task.id)}/show`);
      await page.getByTestId('task-claim').click();
      await page.getByTestId('outcome-choice').locator('input[value="true_match"]').check();
      const picker = page.getByTestId('outcome-hitIds');
      await picker.locator('input[type="checkbox"]').first().waitFor();
      await picker.locator('input[type="checkbox"]').first().check();
      await page.getByTestId('outcome-reason').fill('Name, date of birth and nationality match the UN entry.');
      await page.getByTestId('task-complete').click();
      await page.waitForURL(/\/tasks$/);

      const decided = await waitFor(
        () => stack.db.prisma.screeningHit.findFirst({ where: { caseId, decision: { not: null } } }),
        'the hit decided',
        30_000,
      );
      expect(decided).toMatchObject({
        decision: 'true_match',
        reason: 'Name, date of birth and nationality match the UN entry.',
        decidedById: 'u-kyc2',
      });
      expect(await stack.db.prisma.screeningHit.count({ where: { caseId, decision: { not: null } } })).toBe(1);
      // the review's page says so
      await page.goto(`/#/kyc-reviews/${caseId}/show`);
      await page.getByTestId('kyc-hits').filter({ hasText: 'Name, date of birth and nationality match the UN entry.' }).waitFor();
    },
  );
});
