// Offering only what the user may do (issue 11 item 6), in headless Chromium against the real stack: no Claim
// on a step only supervisors approve, a bulk reassignment that says why each refused task was refused, and a
// lost connection said as such, not as the browser's "Failed to fetch" over a stale list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startStack, type Stack } from '../support/stack';
import { ApiClient, taskPath } from '../support/api-client';
import { activeTask, waitFor } from '../support/cases';
import { assertConsoleBuilt, launchChromium, openSession } from './chromium';
import { openInbox, signIn, taskRow } from './console-ui';

const FLOW_TIMEOUT_MS = 120_000;

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

const complaint = async (clientId: string, severity: 'low' | 'medium' | 'high', description: string) => {
  const res = await agent1.post('/api/complaints', { clientId, channel: 'email', category: 'fees_charges', severity, description });
  expect(res.status).toBe(201);
  return res.body.id as string;
};

/** The agent works a step through the API. */
const work = async (caseId: string, step: string, body: Record<string, unknown>) => {
  const task = await activeTask(stack.db.prisma, caseId, step);
  expect((await agent1.post(taskPath(task.id, 'claim'))).status).toBe(200);
  const done = await agent1.post(taskPath(task.id, 'complete'), body);
  expect(done.status, JSON.stringify(done.body)).toBe(200);
};

describe('actions offered', () => {
  it('an agent sees no Claim on an approval only supervisors take; the supervisor does', { timeout: FLOW_TIMEOUT_MS }, async () => {
    const caseId = await complaint('c-1005', 'high', 'Charged a custody fee the tariff does not list.');
    await work(caseId, 'acknowledge', { outcome: 'acknowledged' });
    await work(caseId, 'investigate', { outcome: 'findings_recorded', findings: 'The fee was applied by a wrong tariff table.' });
    await work(caseId, 'propose_resolution', { outcome: 'proposed', resolution: 'Refund the fee.' });
    await activeTask(stack.db.prisma, caseId, 'approval');

    const agent = await openSession(browser, stack.url, 'agent1');
    await signIn(agent.page, 'agent1@example.com');
    await openInbox(agent.page, 'team');
    const seen = taskRow(agent.page, 'approval', caseId);
    await seen.waitFor();
    expect(await seen.getByTestId('task-claim').count()).toBe(0);
    // nor on the task page, which says why
    await seen.click();
    await agent.page.waitForURL(/\/tasks\/[^/]+\/show$/);
    await agent.page.getByText('This step is for another role').waitFor();
    expect(await agent.page.getByTestId('task-claim').count()).toBe(0);

    const supervisor = await openSession(browser, stack.url, 'supervisor');
    await signIn(supervisor.page, 'supervisor@example.com');
    await openInbox(supervisor.page, 'team');
    await taskRow(supervisor.page, 'approval', caseId).getByTestId('task-claim').waitFor();
  });

  it('a bulk reassignment says which tasks were refused and why', { timeout: FLOW_TIMEOUT_MS }, async () => {
    const held = await complaint('c-1006', 'low', 'The statement for March arrived twice.');
    const free = await complaint('c-1007', 'low', 'A deposit took three days to appear.');
    // the agent already holds one of them: giving it to them again is refused
    const task = await activeTask(stack.db.prisma, held, 'acknowledge');
    expect((await agent1.post(taskPath(task.id, 'claim'))).status).toBe(200);
    await activeTask(stack.db.prisma, free, 'acknowledge');

    const { page } = await openSession(browser, stack.url, 'supervisor-bulk');
    await signIn(page, 'supervisor@example.com');
    await openInbox(page, 'team');
    for (const caseId of [held, free]) await taskRow(page, 'acknowledge', caseId).locator('input[type="checkbox"]').check();
    await page.getByTestId('bulk-reassign').click();
    await page.getByTestId('reassign-user').selectOption('u-agent1');
    await page.getByTestId('reassign-confirm').click();
    const result = page.getByTestId('bulk-reassign-result');
    await result.waitFor();
    expect(await result.getByTestId('bulk-reassign-failure').count()).toBe(1);
    const reference = (await agent1.get(`/api/complaints/${held}`)).body.reference as string;
    const failure = result.getByTestId('bulk-reassign-failure');
    expect(await failure.textContent()).toContain(reference);
    expect(await failure.textContent()).toContain('The task is already assigned to that person');
    expect(await stack.db.prisma.task.findFirstOrThrow({ where: { caseId: free, step: 'acknowledge' } })).toMatchObject({
      assigneeId: 'u-agent1',
    });
  });

  it('a lost connection is said as such, and the page recovers when the server answers again', { timeout: FLOW_TIMEOUT_MS }, async () => {
    const caseId = await complaint('c-1008', 'low', 'The margin call e-mail arrived after the close-out.');
    await activeTask(stack.db.prisma, caseId, 'acknowledge');
    const { page, context } = await openSession(browser, stack.url, 'agent1-offline');
    await signIn(page, 'agent1@example.com');
    await openInbox(page, 'team');
    await page.locator('[data-testid^="task-row-"]').first().waitFor();
    const refresh = page.locator('[aria-label="Refresh"]').first();
    const lostSaid = async () => {
      await page.getByTestId('connection-lost').waitFor();
      const body = (await page.locator('body').textContent()) ?? '';
      expect(body).not.toContain('Failed to fetch');
      expect(body).toContain('The server cannot be reached. What you see may be out of date');
    };

    // the server stops answering: the list asks again (react-admin's refresh button) and cannot
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await refresh.click();
    await lostSaid();
    await page.unroute('**/api/**');
    await page.getByTestId('connection-lost').waitFor({ state: 'detached', timeout: 20_000 });

    // the browser goes offline
    await context.setOffline(true);
    await lostSaid();
    await context.setOffline(false);
    await page.getByTestId('connection-lost').waitFor({ state: 'detached', timeout: 20_000 });
    await waitFor(async () => (await page.locator('[data-testid^="task-row-"]').count()) > 0, 'the inbox rows again');
  });
});
