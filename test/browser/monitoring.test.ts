// Ongoing monitoring in the console: a transaction to a call-for-action country raises alerts that a compliance
// manager finds in the alerts list with why they fired, and opens the AML case they went to (alerts, evidence,
// the report's narrative, the evidence pack); then the manager changes a scenario's parameter in a draft,
// backtests it against the version in force and publishes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startStack, type Stack } from '../support/stack';
import { ApiClient, taskPath } from '../support/api-client';
import { waitFor } from '../support/cases';
import { newClient } from '../support/monitoring';
import { assertConsoleBuilt, launchChromium, openSession } from './chromium';
import { signIn } from './console-ui';

let stack: Stack;
let browser: Browser;
let compliance: ApiClient;
/** pages load their chunks on first use: give a first visit time */
const POLL = { timeout: 15_000 };

beforeAll(async () => {
  assertConsoleBuilt();
  stack = await startStack();
  browser = await launchChromium();
  compliance = await ApiClient.login(stack.url, 'compliance@example.com');
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('monitoring in the console', () => {
  it(
    'an alert from POST /api/transactions is listed with its evidence, and its AML case opens with the alerts, narrative and evidence pack',
    { timeout: 120_000 },
    async () => {
      const clientId = await newClient(stack.db.pool, { name: 'Rustam Karimov' });
      const tx = await compliance.post('/api/transactions', {
        clientId,
        externalId: `ui-${Date.now()}`,
        type: 'withdrawal',
        amount: 2500,
        currency: 'USD',
        method: 'bank_transfer',
        bookedAt: new Date(Date.now() - 60_000).toISOString(),
        counterparty: { name: 'Pyongyang Trading', country: 'KP' },
      });
      expect(tx.status, JSON.stringify(tx.body)).toBe(201);
      const alert = tx.body.alerts.find((a: { scenario: string }) => a.scenario === 'high_risk_jurisdiction');
      expect(alert.caseId).toEqual(expect.any(String));
      await waitFor(async () => (await compliance.get(`/api/aml-cases/${alert.caseId}`)).status === 200, 'the AML case');

      const { page } = await openSession(browser, stack.url, 'compliance');
      await signIn(page, 'compliance@example.com');
      await page.getByTestId('nav-alerts').click();
      const row = page
        .locator('tbody tr')
        .filter({ hasText: 'Rustam Karimov' })
        .filter({ has: page.locator('[data-scenario="high_risk_jurisdiction"]') });
      await row.first().click();
      const evidence = page.locator('[data-testid="alert-evidence"][data-scenario="high_risk_jurisdiction"]');
      await expect.poll(() => evidence.getByTestId('alert-aggregates-country').textContent(), POLL).toContain('KP');
      await expect.poll(() => evidence.getByTestId('alert-transactions').locator('tbody tr').count(), POLL).toBe(1);

      await row.first().getByTestId('alert-case-link').click();
      await page.waitForURL(new RegExp(`/aml-cases/${alert.caseId}/show$`));
      const alerts = page.getByTestId('aml-alerts');
      await expect.poll(() => alerts.getByTestId('alert-evidence').count(), POLL).toBe(tx.body.alerts.length);
      await expect.poll(() => page.getByTestId('sar-narrative').textContent(), POLL).toMatch(/KP/);
      const pdf = await page.getByTestId('evidence-pdf').getAttribute('href');
      const download = await page.request.get(`${stack.url}${pdf}`);
      expect(download.status()).toBe(200);
      expect(download.headers()['content-type']).toMatch(/application\/pdf/);
      expect(await page.getByTestId('evidence-json').getAttribute('href')).toBe(`/api/aml-cases/${alert.caseId}/evidence.json`);
    },
  );

  it(
    'the investigator drafts the report on the task page, starting from the narrative generated from the evidence',
    { timeout: 120_000 },
    async () => {
      const clientId = await newClient(stack.db.pool, { name: 'Farid Aliyev' });
      const tx = await compliance.post('/api/transactions', {
        clientId,
        externalId: `ui-sar-${Date.now()}`,
        type: 'deposit',
        amount: 4000,
        currency: 'USD',
        method: 'bank_transfer',
        bookedAt: new Date(Date.now() - 60_000).toISOString(),
        counterparty: { name: 'Tehran Imports', country: 'IR' },
      });
      expect(tx.status, JSON.stringify(tx.body)).toBe(201);
      const caseId: string = tx.body.alerts[0].caseId;
      const step = async (name: string, outcome: Record<string, unknown>) => {
        const task = await waitFor(
          () => stack.db.prisma.task.findFirst({ where: { caseId, step: name, status: 'open' } }),
          `${name} of ${caseId}`,
        );
        expect((await compliance.post(taskPath(task.id, 'claim'))).status).toBe(200);
        if (Object.keys(outcome).length) expect((await compliance.post(taskPath(task.id, 'complete'), outcome)).status).toBe(200);
        return task.id;
      };
      await step('investigate', { outcome: 'findings_recorded', findings: 'Payments from Iran with no trading.' });
      await step('decide', { outcome: 'escalate', reason: 'No economic purpose found.' });
      const draftId = await step('sar_draft', {});

      const { page } = await openSession(browser, stack.url, 'compliance-sar');
      await signIn(page, 'compliance@example.com');
      await page.goto(`/#/tasks/${encodeURIComponent(draftId)}/show`);
      await expect.poll(() => page.getByTestId('task-case-scenarios').textContent(), POLL).toBeTruthy();
      const narrative = page.getByTestId('outcome-narrative');
      await expect.poll(() => narrative.inputValue(), POLL).toMatch(/Farid Aliyev[\s\S]*IR/);
      await narrative.press('Control+End');
      await narrative.pressSequentially(' Grounds: repeated inflows from a sanctioned jurisdiction.');
      await page.getByTestId('task-complete').click();
      await page.waitForURL(/\/tasks$/);
      const sar = await waitFor(async () => {
        const r = await compliance.get(`/api/aml-cases/${caseId}/sar`);
        return r.body?.status === 'submitted' ? r.body : null;
      }, 'the submitted report');
      expect(sar.narrative).toMatch(/Farid Aliyev[\s\S]*Grounds: repeated inflows from a sanctioned jurisdiction\.$/);
    },
  );

  it(
    'a compliance manager edits a draft parameter, backtests it against the version in force and publishes it',
    { timeout: 120_000 },
    async () => {
      const { page } = await openSession(browser, stack.url, 'compliance-rules');
      await signIn(page, 'compliance@example.com');
      await page.getByTestId('nav-scenarios').click();
      await page.getByTestId('scenario-open-high_risk_jurisdiction').click();
      await page.getByTestId('param-default-minAmount').fill('7500');
      await page.getByTestId('scenario-note').fill('Grey-list threshold lowered after the 2026 review');
      await page.getByTestId('scenario-save').click();
      await page.getByTestId('scenario-draft-version').waitFor();

      await page.getByTestId('scenario-backtest').click();
      const result = page.getByTestId('backtest-result');
      await result.waitFor({ timeout: 60_000 });
      // the first test's transaction to North Korea: both versions find it (a call-for-action country at any amount)
      expect(Number(await result.getByTestId('backtest-draft-alerts').textContent())).toBeGreaterThanOrEqual(1);
      expect(await result.getByTestId('backtest-published-alerts').textContent()).toBe(
        await result.getByTestId('backtest-draft-alerts').textContent(),
      );

      await page.getByTestId('scenario-publish').click();
      await page.getByTestId('scenario-publish-confirm').click();
      await page.locator('[data-testid="version-row-2"][data-status="published"]').waitFor();
      const scenario = await compliance.get('/api/monitoring/scenarios/high_risk_jurisdiction');
      expect(scenario.body.inForce).toMatchObject({ version: 2, parameters: { default: { minAmount: 7500 } } });
      expect(scenario.body.draft).toBeNull();
    },
  );

  it('a KYC officer sees the clients past their review date on the overdue list', { timeout: 60_000 }, async () => {
    const clientId = await newClient(stack.db.pool, { name: 'Ingrid Solberg' });
    await stack.db.pool.query(`UPDATE clients SET next_review_at = now() - interval '12 days' WHERE id = $1`, [clientId]);
    const { page } = await openSession(browser, stack.url, 'kyc1');
    await signIn(page, 'kyc1@example.com');
    await page.getByTestId('nav-kyc-overdue').click();
    const row = page.locator('tbody tr').filter({ hasText: 'Ingrid Solberg' });
    await row.waitFor();
    expect(await row.locator('td').allTextContents()).toContain('12');
  });
});
