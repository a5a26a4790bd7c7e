// Case pages and task pages say what happened and what the case is about (issue 11 item 4), in headless
// Chromium against the real stack: one timeline for every case type with outcomes, notes, state changes and
// assignments; the task page with its case's facts; a closed complaint with the SLA state it closed in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startStack, type Stack } from '../support/stack';
import { ApiClient, taskPath } from '../support/api-client';
import { activeTask, waitFor } from '../support/cases';
import { assertConsoleBuilt, launchChromium, openSession } from './chromium';
import { signIn } from './console-ui';

const FLOW_TIMEOUT_MS = 120_000;

let stack: Stack;
let browser: Browser;
let agent1: ApiClient;
let supervisor: ApiClient;

beforeAll(async () => {
  assertConsoleBuilt();
  stack = await startStack();
  [browser, agent1, supervisor] = await Promise.all([
    launchChromium(),
    ApiClient.login(stack.url, 'agent1@example.com'),
    ApiClient.login(stack.url, 'supervisor@example.com'),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const complaint = async (clientId: string, description: string) => {
  const res = await agent1.post('/api/complaints', { clientId, channel: 'phone', category: 'fees_charges', severity: 'low', description });
  expect(res.status).toBe(201);
  return res.body.id as string;
};

const work = async (caseId: string, step: string, body: Record<string, unknown>) => {
  const task = await activeTask(stack.db.prisma, caseId, step);
  expect((await agent1.post(taskPath(task.id, 'claim'))).status).toBe(200);
  const done = await agent1.post(taskPath(task.id, 'complete'), body);
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return task.id;
};

describe('case and task pages', () => {
  it('the timeline says what happened: outcome and note, from → to state, who a task went to', { timeout: FLOW_TIMEOUT_MS }, async () => {
    const caseId = await complaint('c-1001', 'Charged a withdrawal fee on a free withdrawal.');
    await work(caseId, 'acknowledge', { outcome: 'acknowledged', note: 'Called the client back at 10:40.' });
    const investigate = await activeTask(stack.db.prisma, caseId, 'investigate');
    expect((await supervisor.post(taskPath(investigate.id, 'reassign'), { assigneeId: 'u-agent2' })).status).toBe(200);

    const { page } = await openSession(browser, stack.url, 'agent1-timeline');
    await signIn(page, 'agent1@example.com');
    await page.goto(`/#/complaints/${caseId}/show`);
    const timeline = page.getByTestId('complaint-timeline');
    const completed = timeline.getByTestId('timeline-task_completed');
    await completed.getByTestId('timeline-outcome').filter({ hasText: 'Outcome: Acknowledged' }).waitFor();
    expect(await completed.textContent()).toContain('Called the client back at 10:40.');
    expect(await completed.textContent()).toContain('Acknowledge');
    await timeline.getByTestId('timeline-transition').filter({ hasText: 'Acknowledgement → Investigation' }).waitFor();
    await timeline.getByTestId('timeline-task_reassigned').getByTestId('timeline-assignee').filter({ hasText: '→ Boris Agent' }).waitFor();
  });

  it('the task page shows its case: reference, description, category and severity', { timeout: FLOW_TIMEOUT_MS }, async () => {
    const caseId = await complaint('c-1002', 'The platform charged an inactivity fee on an active account.');
    const task = await activeTask(stack.db.prisma, caseId, 'acknowledge');
    const reference = (await agent1.get(`/api/complaints/${caseId}`)).body.reference as string;

    const { page } = await openSession(browser, stack.url, 'agent1-task');
    await signIn(page, 'agent1@example.com');
    await page.goto(`/#/tasks/${encodeURIComponent(task.id)}/show`);
    const card = page.getByTestId('task-case');
    await card.filter({ hasText: reference }).waitFor();
    expect(await card.getByTestId('task-case-description').textContent()).toBe(
      'The platform charged an inactivity fee on an active account.',
    );
    expect(await card.getByTestId('task-case-category').textContent()).toBe('Fees and charges');
    expect(await card.getByTestId('task-case-severity').textContent()).toBe('Low');
  });

  it('a closed complaint shows the SLA state it closed in, not "On track"', { timeout: FLOW_TIMEOUT_MS }, async () => {
    const caseId = await complaint('c-1003', 'A duplicated card deposit was charged twice.');
    await work(caseId, 'acknowledge', { outcome: 'acknowledged' });
    await work(caseId, 'investigate', { outcome: 'findings_recorded', findings: 'The card processor sent the deposit twice.' });
    await work(caseId, 'propose_resolution', { outcome: 'proposed', resolution: 'Refund the duplicate.' });
    await work(caseId, 'final_response', { outcome: 'sent', responseSummary: 'Refunded the duplicate deposit.', rootCause: 'third_party' });
    await waitFor(async () => (await agent1.get(`/api/complaints/${caseId}`)).body.status === 'closed', 'the complaint closed', 30_000);

    const { page } = await openSession(browser, stack.url, 'agent1-closed');
    await signIn(page, 'agent1@example.com');
    await page.goto(`/#/complaints/${caseId}/show`);
    await page.getByTestId('sla-closed-met').waitFor();
    expect(await page.getByTestId('sla-on_track').count()).toBe(0);
    // its final response and root cause are on the timeline, labelled
    const finalResponse = page.getByTestId('timeline-task_completed').filter({ hasText: 'Refunded the duplicate deposit.' });
    await finalResponse.waitFor();
    expect(await finalResponse.textContent()).toContain('Third party');
    // the list says the same
    await page.goto(`/#/complaints?filter=${encodeURIComponent(JSON.stringify({ status: 'closed' }))}`);
    await page.locator('tbody tr').first().getByTestId('sla-closed-met').waitFor();
  });
});
