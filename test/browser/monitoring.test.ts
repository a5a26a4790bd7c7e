// Ongoing monitoring in the console: a transaction to a call-for-action country raises alerts that a compliance
// manager finds in the alerts list with why they fired, and opens the AML case they went to (alerts, evidence,
// the report's narrative, the evidence pack); then the manager changes a scenario's parameter in a draft,
// backtests it against the version in force and publishes it. Noise control and runs: a snooze set from an alert
// stops the repeat alert until it is lifted, a whitelisted counterparty raises none, a sweep (and a full re-screen, a
// KYC refresh) started from the console finishes and shows its counts; a scenario switched off and on with a reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startStack, type Stack } from '../support/stack';
import { ApiClient, taskPath } from '../support/api-client';
import { waitFor } from '../support/cases';
import { newClient } from '../support/monitoring';
import { every, listFile } from '../unit/screening/lists';
import { parseUn } from '../../platform/screening/parse/un';
import { importList } from '../../platform/screening/store';
import type { ParsedList } from '../../platform/screening/types';
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
      // the red flag from its code, in the user's language (English here, then Russian)
      const flag = evidence.getByTestId('alert-red-flag');
      expect(await flag.getAttribute('data-code')).toBe('monitoring.red_flag.high_risk_jurisdiction');
      expect(await flag.textContent()).toBe(alert.redFlag.text);
      await page.getByTestId('locale-switcher').click();
      await page.getByTestId('locale-ru').click();
      await expect.poll(() => flag.textContent(), POLL).toMatch(/^Средства в юрисдикцию высокого риска/);
      await page.getByTestId('locale-switcher').click();
      await page.getByTestId('locale-en').click();
      await expect.poll(() => flag.textContent(), POLL).toBe(alert.redFlag.text);

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

  /** A payment with a counterparty in a country; answers the API's { id, alerts, suppressed }. */
  const pay = async (clientId: string, counterparty: { name: string; country: string }) => {
    const r = await compliance.post('/api/transactions', {
      clientId,
      externalId: `ui-${clientId}-${Date.now()}`,
      type: 'withdrawal',
      amount: 1500,
      currency: 'USD',
      method: 'bank_transfer',
      bookedAt: new Date(Date.now() - 60_000).toISOString(),
      counterparty,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { alerts: { scenario: string }[]; suppressed: { scenarioId: string; by: string }[] };
  };
  const scenariosOf = (r: { alerts: { scenario: string }[] }) => r.alerts.map((a) => a.scenario);

  it(
    'a snooze set from an alert stops the repeat alert for that client and scenario; lifted, alerts come again',
    { timeout: 120_000 },
    async () => {
      const clientId = await newClient(stack.db.pool, { name: 'Leyla Mammadova' });
      const kp = { name: 'Korea Kwangson Banking', country: 'KP' };
      expect(scenariosOf(await pay(clientId, kp))).toContain('high_risk_jurisdiction');

      const { page } = await openSession(browser, stack.url, 'compliance-snooze');
      await signIn(page, 'compliance@example.com');
      await page.getByTestId('nav-alerts').click();
      await page
        .locator('tbody tr')
        .filter({ hasText: 'Leyla Mammadova' })
        .locator('[data-scenario="high_risk_jurisdiction"]')
        .first()
        .click();
      await page.locator('[data-testid="alert-evidence"][data-scenario="high_risk_jurisdiction"]').getByTestId('alert-snooze').click();
      await expect.poll(() => page.getByTestId('snooze-subject').textContent(), POLL).toContain('Leyla Mammadova');
      await page.getByTestId('snooze-reason').fill('Known correspondent bank, payments reviewed with the MLRO');
      await page.getByTestId('snooze-submit').click();
      await page.getByTestId('snooze-dialog').waitFor({ state: 'detached' });

      const snoozed = await pay(clientId, kp);
      expect(scenariosOf(snoozed)).not.toContain('high_risk_jurisdiction');
      expect(snoozed.suppressed).toContainEqual({ scenarioId: 'high_risk_jurisdiction', by: 'snooze' });

      await page.getByTestId('nav-suppression').click();
      const row = page.locator(`[data-testid="snooze-row"][data-client-id="${clientId}"]`);
      await expect.poll(() => row.textContent(), POLL).toContain('Known correspondent bank');
      await row.getByTestId('snooze-lift').click();
      await row.waitFor({ state: 'detached' });
      expect(scenariosOf(await pay(clientId, kp))).toContain('high_risk_jurisdiction');
    },
  );

  it('a whitelisted counterparty raises no third-party or jurisdiction alert for that client', { timeout: 120_000 }, async () => {
    const clientId = await newClient(stack.db.pool, { name: 'Nadia Haddad' });
    const { page } = await openSession(browser, stack.url, 'compliance-whitelist');
    await signIn(page, 'compliance@example.com');
    await page.getByTestId('nav-suppression').click();
    await page.getByTestId('whitelist-new').click();
    await page.getByTestId('whitelist-client').locator('input').fill('Nadia');
    await page.getByRole('option', { name: 'Nadia Haddad', exact: true }).click();
    await page.getByTestId('whitelist-counterparty').fill('Tehran Imports Co.');
    await page.getByTestId('whitelist-reason').fill("The client's own company, documented in the KYC file");
    await page.getByTestId('whitelist-submit').click();
    await page.locator(`[data-testid="whitelist-row"][data-client-id="${clientId}"]`).waitFor();

    // the name as the feed spells it: case and legal form differ
    const r = await pay(clientId, { name: 'TEHRAN IMPORTS', country: 'IR' });
    expect(r.alerts).toEqual([]);
    expect(r.suppressed.map((s) => s.by)).toContain('whitelist');
  });

  it(
    'a sweep, a full re-screen and a KYC refresh started from the console run to the end and show their counts',
    { timeout: 120_000 },
    async () => {
      const { page } = await openSession(browser, stack.url, 'compliance-sweep');
      await signIn(page, 'compliance@example.com');
      await page.getByTestId('nav-monitoring-runs').click();
      await page.getByTestId('sweep-start').click();
      // a period that ends before it starts, and an unknown client, are refused with the field named
      await page.getByTestId('sweep-from').fill('2026-11-02T10:00');
      await page.getByTestId('sweep-to').fill('2026-11-01T10:00');
      await page.getByTestId('sweep-confirm').click();
      await expect.poll(() => page.getByTestId('sweep-dialog').textContent(), POLL).toContain('The period must start before it ends');
      await page.getByTestId('sweep-from').fill('');
      await page.getByTestId('sweep-to').fill('');
      await page.getByTestId('sweep-client').fill('no-such-client');
      await page.getByTestId('sweep-confirm').click();
      await expect.poll(() => page.getByTestId('sweep-dialog').textContent(), POLL).toContain('No such client: no-such-client');
      // empty period and client: the last days, every client
      await page.getByTestId('sweep-client').fill('');
      await page.getByTestId('sweep-confirm').click();
      await page.locator('[data-testid="sweep-progress"][data-status="completed"]').waitFor({ timeout: 60_000 });
      const [latest] = (await compliance.get('/api/monitoring/sweeps?kind=on_demand&limit=1')).body;
      expect(latest).toMatchObject({ status: 'completed' });
      expect(await page.getByTestId('sweep-clients').textContent()).toBe(
        `Clients: ${latest.progress.clientsDone} of ${latest.progress.totalClients}`,
      );
      expect(latest.progress.totalClients).toBeGreaterThan(0);
      expect(await page.getByTestId('sweep-alerts').textContent()).toBe(`Alerts raised: ${latest.alertsCreated}`);

      // the full re-screen and the KYC refresh are followed the same way
      await page.getByTestId('rescreen-start').click();
      await page.locator('[data-testid="rescreen-progress"][data-status="completed"]').waitFor({ timeout: 60_000 });
      await page.getByTestId('kyc-refresh-start').click();
      await page.locator('[data-testid="kyc-refresh-progress"][data-status="completed"]').waitFor({ timeout: 60_000 });
      const run = await stack.db.prisma.kycRefreshRun.findFirstOrThrow({ orderBy: { startedAt: 'desc' } });
      expect(await page.getByTestId('kyc-refresh-counts').textContent()).toBe(
        `Reviews started: ${run.started} · already open: ${run.alreadyOpen}`,
      );
      // and listed among the KYC refresh runs with its counts
      await expect
        .poll(() => page.getByTestId(`kyc-refresh-run-${run.id}`).getByTestId('kyc-refresh-run-started').textContent(), POLL)
        .toBe(String(run.started));
    },
  );

  it('a compliance manager switches a scenario off with a reason, and on again', { timeout: 60_000 }, async () => {
    const { page } = await openSession(browser, stack.url, 'compliance-switch');
    await signIn(page, 'compliance@example.com');
    await page.getByTestId('nav-scenarios').click();
    await page.getByTestId('scenario-open-dormant_reactivation').click();
    await page.getByTestId('scenario-switch').click();
    await page.getByTestId('scenario-switch-reason').fill('Feed of the legacy platform replays old transactions this week');
    await page.getByTestId('scenario-switch-confirm').click();
    await page.getByTestId('scenario-disabled').waitFor();
    expect((await compliance.get('/api/monitoring/scenarios/dormant_reactivation')).body.enabled).toBe(false);
    const audit = await stack.db.prisma.auditEvent.findFirst({ where: { action: 'scenario_disabled', entityId: 'dormant_reactivation' } });
    expect(audit?.data).toMatchObject({ reason: 'Feed of the legacy platform replays old transactions this week' });

    await page.getByTestId('scenario-switch').click();
    await page.getByTestId('scenario-switch-reason').fill('Replay finished');
    await page.getByTestId('scenario-switch-confirm').click();
    await page.getByTestId('scenario-disabled').waitFor({ state: 'detached' });
    expect((await compliance.get('/api/monitoring/scenarios/dormant_reactivation')).body.enabled).toBe(true);
  });

  it(
    'a compliance manager re-screens the changes of a list version from the lists page, after a confirmation, and sees its counts',
    { timeout: 180_000 },
    async () => {
      const { prisma } = stack.db;
      // v1 of a small UN list, then v2 adding an entry a new client is named after
      const entries = every(parseUn(listFile('UN_consolidated.xml')).entries, 40).filter((e) => e.schema === 'Person');
      const [listed, ...rest] = entries;
      const v = (tag: string, list: typeof entries): ParsedList => ({
        source: 'un_sc',
        files: [{ role: 'xml', name: `ui-${tag}.xml`, sha256: `ui-${tag}` }],
        entries: list,
      });
      await importList(prisma, v('v1', rest));
      const clientId = await newClient(stack.db.pool, { name: listed.name });
      const v2 = await importList(prisma, v('v2', entries));

      const { page } = await openSession(browser, stack.url, 'compliance-delta');
      await signIn(page, 'compliance@example.com');
      await page.getByTestId('nav-screening-lists').click();
      const row = page.getByTestId('list-version-un_sc').filter({ has: page.getByTestId('list-current') });
      await row.getByTestId('delta-rescreen').click();
      const dialog = page.getByTestId('delta-rescreen-dialog');
      await expect.poll(() => dialog.textContent(), POLL).toContain('UN Security Council');
      await dialog.getByTestId('delta-rescreen-confirm').click();
      await dialog.locator('[data-testid="delta-rescreen-progress"][data-status="completed"]').waitFor({ timeout: 120_000 });
      const run = await prisma.rescreenRun.findFirstOrThrow({ where: { kind: 'delta', versionId: v2.versionId } });
      expect(run).toMatchObject({ status: 'completed', total: 1, done: 1 });
      expect(run.matchesNew).toBeGreaterThanOrEqual(1);
      expect(await dialog.getByTestId('delta-rescreen-counts').textContent()).toBe(
        `Changed entries: 1 of 1 · new matches: ${run.matchesNew} · withdrawn: 0`,
      );
      const match = await prisma.screeningMatch.findFirst({ where: { clientId, entryId: listed.entryId, status: 'open' } });
      expect(match).not.toBeNull();
      expect(await prisma.auditEvent.count({ where: { action: 'rescreen_started', entityId: run.id } })).toBe(1);
    },
  );
});
