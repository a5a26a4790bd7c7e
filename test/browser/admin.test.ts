// What an administrator looks after, in headless Chromium against the real stack: stuck cases repaired from the
// incidents list, an SLA policy and a setting changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startStack, type Stack } from '../support/stack';
import { ApiClient, taskPath } from '../support/api-client';
import { activeTask, waitFor } from '../support/cases';
import { sendUpdateWithin } from '../../api/temporal/updates';
import { completeTaskUpdate } from '../../workflows/engine/updates';
import { assertConsoleBuilt, launchChromium, openSession } from './chromium';
import { signIn } from './console-ui';

let stack: Stack;
let browser: Browser;
let agent1: ApiClient;

beforeAll(async () => {
  assertConsoleBuilt();
  stack = await startStack();
  [browser, agent1] = await Promise.all([launchChromium(), ApiClient.login(stack.url, 'agent1@example.com')]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('administration in the console', () => {
  it('an administrator repairs a stuck case from the incidents list', { timeout: 180_000 }, async () => {
    // a completion whose write PostgreSQL refuses for good (as in test/api/incidents.test.ts)
    const created = await agent1.post('/api/complaints', {
      clientId: 'c-1001',
      channel: 'email',
      category: 'other',
      severity: 'low',
      description: 'Stuck',
    });
    expect(created.status).toBe(201);
    const caseId = created.body.id as string;
    const task = await activeTask(stack.db.prisma, caseId, 'acknowledge');
    expect((await agent1.post(taskPath(task.id, 'claim'))).status).toBe(200);
    const actor = { id: 'u-agent1', roles: ['agent'], teamId: 'london-complaints' };
    await sendUpdateWithin(2000, stack.temporal, `complaint-${caseId}`, completeTaskUpdate, {
      taskId: task.id,
      actor,
      outcome: { outcome: 'acknowledged', note: 'x\ud800' },
    }).catch(() => undefined);
    await waitFor(() => stack.db.prisma.caseIncident.findFirst({ where: { caseId, resolvedAt: null } }), 'the incident', 30_000);

    const { page } = await openSession(browser, stack.url, 'admin-incidents');
    await signIn(page, 'admin@example.com');
    await page.getByTestId('admin-open-incidents').waitFor();
    await page.getByTestId('nav-incidents').click();
    const row = page.locator('tbody tr').filter({ hasText: created.body.reference });
    await row.waitFor();
    // as it is: the write fails again
    await row.getByTestId('incident-retry').click();
    await page.getByText('The case still could not be saved').waitFor({ timeout: 40_000 });
    // with the text cleaned: the case moves on
    await row.getByTestId('incident-sanitize').click();
    await page.getByText('The case is saved and moves on').waitFor({ timeout: 40_000 });
    await waitFor(
      async () => (await stack.db.prisma.task.findUniqueOrThrow({ where: { id: task.id } })).status === 'completed',
      'the step completed',
    );
    const incident = await stack.db.prisma.caseIncident.findFirstOrThrow({ where: { caseId } });
    expect(incident).toMatchObject({ resolvedById: 'u-admin', resolution: 'sanitize' });
  });

  it('an administrator changes an SLA policy and a setting', { timeout: 120_000 }, async () => {
    const { page } = await openSession(browser, stack.url, 'admin-sla');
    await signIn(page, 'admin@example.com');
    await page.getByTestId('nav-sla-policies').click();
    const policy = await stack.db.prisma.slaPolicy.findFirstOrThrow({
      where: { caseType: 'complaint', step: 'acknowledge', category: '*', severity: '*' },
    });
    // the complaint's acknowledgement, any category and severity
    const row = page.locator('tbody tr').filter({ hasText: 'Acknowledge' }).filter({ hasText: 'Complaint' }).first();
    await row.getByTestId('sla-edit').click();
    const dialog = page.getByTestId('sla-dialog');
    await dialog.getByTestId('edit-escalateAfterMinutes').fill(String(policy.escalateAfterMinutes + 15));
    await dialog.getByTestId('sla-dialog-save').click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(
        async () =>
          (
            await stack.db.prisma.slaPolicy.findFirstOrThrow({
              where: { caseType: 'complaint', step: 'acknowledge', category: '*', severity: '*' },
            })
          ).escalateAfterMinutes,
      )
      .toBe(policy.escalateAfterMinutes + 15);

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('setting-edit-complaint.reopenWindowDays').click();
    await page.getByTestId('setting-dialog').getByTestId('edit-value').fill('14');
    await page.getByTestId('setting-dialog-save').click();
    await page
      .locator('tbody tr')
      .filter({ hasText: 'Days after closing in which the client may reopen' })
      .filter({ hasText: '14 (default 30)' })
      .waitFor();
    const saved = await stack.db.prisma.setting.findUniqueOrThrow({ where: { key: 'complaint.reopenWindowDays' } });
    expect(saved.value).toBe(14);
    // a value the API refuses is said on its field
    await page.getByTestId('setting-edit-complaint.reopenWindowDays').click();
    await page.getByTestId('setting-dialog').getByTestId('edit-value').fill('-1');
    await page.getByTestId('setting-dialog-save').click();
    await page.getByTestId('setting-dialog').locator('.Mui-error').first().waitFor();
  });
});
