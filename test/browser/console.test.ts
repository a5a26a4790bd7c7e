// The built console in headless Chromium against the real API, PostgreSQL and Temporal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';
import { waitFor } from '../support/cases';
import { assertConsoleBuilt, launchChromium, openSession } from './chromium';
import { bellCount, openInbox, registerComplaint, signIn, taskRow } from './console-ui';
import { escalatePlatformComplaintsAtOnce } from './instant-escalation';
import { bellChanges, recordBell, watchSocket } from './live';

const FLOW_TIMEOUT_MS = 120_000;

let stack: Stack;
let browser: Browser;
let agent1: ApiClient;

beforeAll(async () => {
  assertConsoleBuilt();
  stack = await startStack();
  await escalatePlatformComplaintsAtOnce(stack.db.prisma);
  [browser, agent1] = await Promise.all([launchChromium(), ApiClient.login(stack.url, 'agent1@example.com')]);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const unreadOf = (userId: string) => stack.db.prisma.notification.count({ where: { userId, readAt: null } });

describe('the console', () => {
  it('an agent registers a complaint, claims its task and completes it', { timeout: FLOW_TIMEOUT_MS }, async () => {
    const { page } = await openSession(browser, stack.url, 'agent1');
    await signIn(page, 'agent1@example.com');

    const caseId = await registerComplaint(page, {
      clientName: 'Oliver Bennett',
      channel: 'phone',
      category: 'trade_execution',
      severity: 'medium',
      description: 'The stop order on GBPUSD filled 12 pips away from its level.',
    });
    const casePage = page.url();
    await page.getByTestId('case-task-acknowledge').waitFor();

    // The new step waits, unassigned, in the team's queue.
    await openInbox(page, 'team');
    const queued = taskRow(page, 'acknowledge', caseId);
    await queued.getByTestId('task-claim').click();
    await queued.filter({ hasText: 'Alice Agent' }).getByTestId('task-release').waitFor();
    expect(await queued.getByTestId('task-claim').count()).toBe(0);

    // Claimed, it is in "My tasks"; its page holds the step's form.
    await openInbox(page, 'mine');
    const mine = taskRow(page, 'acknowledge', caseId);
    await mine.getByText('Oliver Bennett').click();
    await page.waitForURL(/\/tasks\/[^/]+\/show$/);
    await page.getByTestId('outcome-choice').locator('input[value="acknowledged"]').check();
    await page.getByTestId('outcome-note').fill('Called the client back and confirmed receipt.');
    await page.getByTestId('task-complete').click();
    await page.waitForURL(/\/tasks$/);

    // The case page follows the workflow to the next step, without a reload.
    await page.goto(casePage);
    await page.getByTestId('case-task-investigate').waitFor();
    expect(await page.getByTestId('case-task-acknowledge').count()).toBe(0);

    const complaint = await agent1.get(`/api/complaints/${caseId}`);
    expect(complaint.status).toBe(200);
    expect(complaint.body).toMatchObject({ state: 'investigate', status: 'open', client: { name: 'Oliver Bennett' }, channel: 'phone' });
    const ack = await stack.db.prisma.task.findFirstOrThrow({ where: { caseId, step: 'acknowledge' } });
    expect(ack).toMatchObject({ status: 'completed', completedById: 'u-agent1', assigneeId: 'u-agent1' });
    expect(ack.outcome).toEqual({ outcome: 'acknowledged', note: 'Called the client back and confirmed receipt.' });
    const events = await stack.db.prisma.caseEvent.findMany({ where: { caseId }, orderBy: { id: 'asc' } });
    expect(events.filter((e) => e.actorId === 'u-agent1').map((e) => e.type)).toEqual(
      expect.arrayContaining(['case_opened', 'task_claimed', 'task_completed']),
    );
  });

  it('a supervisor sees an escalation notification arrive live', { timeout: FLOW_TIMEOUT_MS }, async () => {
    const { page } = await openSession(browser, stack.url, 'supervisor');
    const socket = watchSocket(page);
    await signIn(page, 'supervisor@example.com');
    await openInbox(page, 'team');
    await socket.connected();
    // The bell shows what PostgreSQL holds before anything new happens.
    const before = await unreadOf('u-supervisor');
    await page.getByTestId('notification-count').filter({ hasText: new RegExp(`^${before}$`) }).waitFor({ state: 'attached' });
    await recordBell(page);

    const postedAt = Date.now();
    const created = await agent1.post('/api/complaints', {
      clientId: 'c-1001',
      channel: 'web',
      category: 'platform',
      severity: 'medium',
      description: 'The platform froze while the client was closing a position.',
    });
    expect(created.status).toBe(201);
    const caseId: string = created.body.id;

    const escalation = await waitFor(
      () => stack.db.prisma.notification.findFirst({ where: { userId: 'u-supervisor', caseId, type: 'sla_escalation' } }),
      'the escalation notification in PostgreSQL',
      30_000,
    );
    const writtenAt = escalation.createdAt.getTime();
    // Everything the supervisor has unread once the escalation is written; nothing else arrives for
    // them soon after (level 2 goes to managers an hour later).
    const expected = await unreadOf('u-supervisor');
    expect(expected).toBeGreaterThan(before);
    await page.getByTestId('notification-count').filter({ hasText: new RegExp(`^${expected}$`) }).waitFor({ timeout: 10_000 });

    const shown = (await bellChanges(page)).find((c) => c.count === expected);
    expect(shown, 'the bell reached the new count').toBeDefined();
    const latencyMs = shown!.at - writtenAt;
    console.log(
      `[browser] escalation written ${writtenAt - postedAt} ms after the POST; on the supervisor's bell ${latencyMs} ms later`,
    );
    expect(latencyMs).toBeLessThan(2_000);
    expect(await bellCount(page)).toBe(expected);

    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-item').filter({ hasText: /escalation/i }).first().waitFor();
    await bellChanges(page); // still the same document: nothing reloaded the page
  });

  it('offers Delete nowhere: no delete button, no bulk delete, on lists and record pages, for any role', { timeout: FLOW_TIMEOUT_MS }, async () => {
    const created = await agent1.post('/api/complaints', {
      clientId: 'c-1002',
      channel: 'email',
      category: 'fees_charges',
      severity: 'low',
      description: 'Charged twice for the same inactivity month.',
    });
    expect(created.status).toBe(201);
    const noDelete = async (page: Page, where: string) => {
      const offered = page
        .getByRole('button', { name: /delete/i })
        .or(page.locator('[class*="RaDeleteButton"], [class*="RaBulkDeleteButton"], [aria-label="Delete"]'));
      expect(await offered.count(), `a delete button on ${where}`).toBe(0);
    };
    for (const email of ['admin@example.com', 'agent1@example.com']) {
      const { page } = await openSession(browser, stack.url, email.split('@')[0]);
      await signIn(page, email);
      for (const resource of ['complaints', 'clients']) {
        await page.getByTestId(`nav-${resource}`).click();
        await page.locator('tbody tr').first().waitFor();
        // No row can be selected: there is no bulk action to offer.
        expect(await page.locator('table input[type="checkbox"]').count(), `row checkboxes on ${resource}`).toBe(0);
        await noDelete(page, `the ${resource} list (${email})`);
        await page.locator('tbody tr').first().click();
        await page.waitForURL(new RegExp(`/${resource}/[^/]+/show$`));
        await page.locator('.RaShow-main, [class*="RaShow-main"]').first().waitFor();
        await noDelete(page, `a ${resource} page (${email})`);
      }
      await page.getByTestId('nav-notifications').click();
      await page.locator('[class*="RaList-main"]').first().waitFor();
      await noDelete(page, `the notifications list (${email})`);
    }
  });

  it('serves the console precompressed, its hashed assets cached for a year and index.html revalidated', async () => {
    const page = await fetch(`${stack.url}/tasks`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const [encoding, expected] of [['br, gzip', 'br'], ['gzip', 'gzip'], ['identity', null]] as const) {
      const res = await fetch(`${stack.url}${scripts[0]}`, { headers: { 'accept-encoding': encoding } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(expected);
      expect(res.headers.get('content-type')).toMatch(/javascript/);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
      await res.arrayBuffer();
    }
    // A chunk this build does not have is a 404, not index.html under a script's name.
    const gone = await fetch(`${stack.url}/assets/TaskList-00000000.js`);
    expect(gone.status).toBe(404);
  });
});
