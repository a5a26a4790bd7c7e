// What staff expect of their lists and dashboard (issue 11 item 11), in headless Chromium against the real stack:
// search and filters in the inbox, "next task", CSV export of what a list shows, empty states that say what to
// do, the supervisors' workload, and drill-down from the dashboard to the records.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startStack, type Stack } from '../support/stack';
import { ApiClient, taskPath } from '../support/api-client';
import { activeTask } from '../support/cases';
import { assertConsoleBuilt, launchChromium, openSession } from './chromium';
import { openInbox, signIn, taskRow } from './console-ui';

const FLOW_TIMEOUT_MS = 150_000;

let stack: Stack;
let browser: Browser;
let agent1: ApiClient;
const cases: Record<string, { id: string; reference: string }> = {};

beforeAll(async () => {
  assertConsoleBuilt();
  stack = await startStack();
  [browser, agent1] = await Promise.all([launchChromium(), ApiClient.login(stack.url, 'agent1@example.com')]);
  for (const [clientId, severity] of [
    ['c-1001', 'low'],
    ['c-1004', 'high'],
    ['c-1006', 'medium'],
  ] as const) {
    const res = await agent1.post('/api/complaints', {
      clientId,
      channel: 'email',
      category: 'fees_charges',
      severity,
      description: `Fees for ${clientId}`,
    });
    expect(res.status).toBe(201);
    cases[clientId] = { id: res.body.id, reference: res.body.reference };
    await activeTask(stack.db.prisma, res.body.id, 'acknowledge');
  }
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('lists and dashboard', () => {
  it(
    'an agent with nothing assigned is told to take the next task, which opens the most urgent one',
    { timeout: FLOW_TIMEOUT_MS },
    async () => {
      const { page } = await openSession(browser, stack.url, 'agent1-next');
      await signIn(page, 'agent1@example.com');
      await openInbox(page, 'mine');
      const empty = page.getByTestId('empty-state');
      await empty.filter({ hasText: 'Nothing is assigned to you' }).waitFor();
      await empty.getByTestId('next-task').click();
      await page.waitForURL(/\/tasks\/[^/]+\/show$/);
      // the high-severity complaint comes first
      await page.getByTestId('task-title').filter({ hasText: cases['c-1004'].reference }).waitFor();
      const task = await stack.db.prisma.task.findFirstOrThrow({ where: { caseId: cases['c-1004'].id, step: 'acknowledge' } });
      expect(task).toMatchObject({ status: 'claimed', assigneeId: 'u-agent1' });
    },
  );

  it(
    'the inbox finds a task by reference or client name and filters by client; an empty result says so',
    { timeout: FLOW_TIMEOUT_MS },
    async () => {
      const { page } = await openSession(browser, stack.url, 'agent1-search');
      await signIn(page, 'agent1@example.com');
      await openInbox(page, 'team');
      await page.locator('[data-testid^="task-row-"]').nth(2).waitFor();
      const search = page.locator('input[name="q"]');
      await search.fill(cases['c-1006'].reference);
      await expect.poll(() => page.locator('[data-testid^="task-row-"]').count()).toBe(1);
      await taskRow(page, 'acknowledge', cases['c-1006'].id).waitFor();
      await search.fill('Bennett');
      await taskRow(page, 'acknowledge', cases['c-1001'].id).waitFor();
      await expect.poll(() => page.locator('[data-testid^="task-row-"]').count()).toBe(1);
      await search.fill('nobody by that name');
      await page.getByTestId('empty-state').filter({ hasText: 'Nothing matches these filters' }).waitFor();
      await page.getByTestId('clear-filters').click();
      await page.locator('[data-testid^="task-row-"]').nth(2).waitFor();
      // the client filter, from the URL as a link would set it
      await page.goto(`/#/tasks?filter=${encodeURIComponent(JSON.stringify({ clientId: 'c-1004' }))}`);
      await taskRow(page, 'acknowledge', cases['c-1004'].id).waitFor();
      await expect.poll(() => page.locator('[data-testid^="task-row-"]').count()).toBe(1);
    },
  );

  it('exports to CSV what the list shows, labelled', { timeout: FLOW_TIMEOUT_MS }, async () => {
    const { page } = await openSession(browser, stack.url, 'agent1-export');
    await signIn(page, 'agent1@example.com');
    await page.goto(`/#/complaints?filter=${encodeURIComponent(JSON.stringify({ q: cases['c-1001'].reference }))}`);
    await page.locator('tbody tr').filter({ hasText: cases['c-1001'].reference }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
    expect(download.suggestedFilename()).toBe('complaints.csv');
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toMatch(/^Reference,Client,Channel,Category,Severity,Status,State/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(cases['c-1001'].reference);
    expect(lines[1]).toContain('Oliver Bennett');
    expect(lines[1]).toContain('Fees and charges');
  });

  it('a supervisor sees the workload per agent and drills down to the records', { timeout: FLOW_TIMEOUT_MS }, async () => {
    // agent2 holds one task
    const task = await activeTask(stack.db.prisma, cases['c-1006'].id, 'acknowledge');
    const agent2 = await ApiClient.login(stack.url, 'agent2@example.com');
    expect((await agent2.post(taskPath(task.id, 'claim'))).status).toBe(200);

    const { page } = await openSession(browser, stack.url, 'supervisor-workload');
    await signIn(page, 'supervisor@example.com');
    await page.getByTestId('nav-dashboard').click();
    const row = page.getByTestId('workload-u-agent2');
    await row.waitFor();
    expect(await row.textContent()).toContain('Boris Agent');
    await row.click();
    await page.waitForURL(/\/tasks\?/);
    await taskRow(page, 'acknowledge', cases['c-1006'].id).waitFor();
    await expect.poll(() => page.locator('[data-testid^="task-row-"]').count()).toBe(1);

    // the complaints chart: a state's bar opens the complaints in that state
    await page.getByTestId('nav-dashboard').click();
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await page.locator('.recharts-bar-rectangle').first().click();
    await page.waitForURL(/\/complaints\?filter=/);
    expect(decodeURIComponent(page.url())).toContain('"state":"acknowledge"');
    await page.locator('tbody tr').first().waitFor();
  });
});
