// The built console in headless Chromium against the real API, PostgreSQL and Temporal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';
import { waitFor } from '../support/cases';
import { assertConsoleBuilt, launchChromium, openSession } from './chromium';
import { bellCount, grantRoles, openInbox, registerComplaint, signIn, taskRow } from './console-ui';
import { escalatePlatformComplaintsAtOnce } from './instant-escalation';
import { bellChanges, recordBell, watchSocket } from './live';
import { DEMO_PASSWORD } from '../../prisma/seed';

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
    await page
      .getByTestId('notification-count')
      .filter({ hasText: new RegExp(`^${before}$`) })
      .waitFor({ state: 'attached' });
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
    await page
      .getByTestId('notification-count')
      .filter({ hasText: new RegExp(`^${expected}$`) })
      .waitFor({ timeout: 10_000 });

    const shown = (await bellChanges(page)).find((c) => c.count === expected);
    expect(shown, 'the bell reached the new count').toBeDefined();
    const latencyMs = shown!.at - writtenAt;
    console.log(`[browser] escalation written ${writtenAt - postedAt} ms after the POST; on the supervisor's bell ${latencyMs} ms later`);
    expect(latencyMs).toBeLessThan(2_000);
    expect(await bellCount(page)).toBe(expected);

    await page.getByTestId('notification-bell').click();
    // escalations stand out: first in the bell, marked urgent
    await page
      .getByTestId('notification-urgent')
      .filter({ hasText: /escalation/i })
      .first()
      .waitFor();
    await bellChanges(page); // still the same document: nothing reloaded the page
  });

  it(
    'offers Delete nowhere: no delete button, no bulk delete, on lists and record pages, for any role',
    { timeout: FLOW_TIMEOUT_MS },
    async () => {
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
      // (an administrator sees no case: the complaints manager sees every branch's)
      for (const email of ['manager@example.com', 'agent1@example.com']) {
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
    },
  );

  it(
    'names cases by their reference: inbox, task page, case page, lists, search, client page, notifications',
    { timeout: FLOW_TIMEOUT_MS },
    async () => {
      const created = await agent1.post('/api/complaints', {
        clientId: 'c-1004',
        channel: 'chat',
        category: 'fees_charges',
        severity: 'low',
        description: 'Swap charged on a position closed before the rollover.',
      });
      expect(created.status).toBe(201);
      const caseId: string = created.body.id;
      const reference: string = (await agent1.get(`/api/complaints/${caseId}`)).body.reference;
      expect(reference).toMatch(/^CMP-\d{4}-\d{6}$/);

      const { page } = await openSession(browser, stack.url, 'agent1-references');
      await signIn(page, 'agent1@example.com');
      // the inbox's case column
      await openInbox(page, 'team');
      const row = taskRow(page, 'acknowledge', caseId);
      await row.getByText(reference, { exact: true }).waitFor();
      // the task page's title
      await row.getByText('Dmitri Volkov').click();
      await page.waitForURL(/\/tasks\/[^/]+\/show$/);
      await page.getByTestId('task-title').filter({ hasText: reference }).waitFor();
      // the case page's title and summary
      await page.getByTestId('case-reference').click();
      await page.waitForURL(new RegExp(`/complaints/${caseId}/show$`));
      await page.locator('#react-admin-title').filter({ hasText: reference }).waitFor();
      // the list finds it by its reference
      await page.goto(`/#/complaints?filter=${encodeURIComponent(JSON.stringify({ q: reference }))}`);
      await page.locator('tbody tr').filter({ hasText: reference }).waitFor();
      expect(await page.locator('tbody tr').count()).toBe(1);
      // the client's page
      await page.goto('/#/clients/c-1004/show');
      await page.locator('tbody tr').filter({ hasText: reference }).waitFor();
      // a notification about the case
      await waitFor(
        () => stack.db.prisma.notification.findFirst({ where: { userId: 'u-agent1', caseId } }),
        'a notification to the agent about the case',
        30_000,
      );
      await page.goto('/#/notifications');
      await page.locator('tbody tr').filter({ hasText: reference }).first().waitFor();
    },
  );

  it(
    'shows in the menu the case types the user takes part in (GET /api/case-types), an administrator none',
    { timeout: FLOW_TIMEOUT_MS },
    async () => {
      const menus: Record<string, string[]> = {};
      for (const email of ['agent1@example.com', 'kyc1@example.com', 'admin@example.com']) {
        const { page } = await openSession(browser, stack.url, `menu-${email.split('@')[0]}`);
        await signIn(page, email);
        await page.getByTestId('nav-clients').waitFor();
        menus[email] = [];
        for (const resource of ['complaints', 'kyc-reviews', 'internal-requests']) {
          if (await page.getByTestId(`nav-${resource}`).count()) menus[email].push(resource);
        }
        await page.context().close();
      }
      expect(menus).toEqual({
        'agent1@example.com': ['complaints', 'internal-requests'],
        'kyc1@example.com': ['kyc-reviews', 'internal-requests'],
        'admin@example.com': [],
      });
    },
  );

  it('serves the console precompressed, its hashed assets cached for a year and index.html revalidated', async () => {
    const page = await fetch(`${stack.url}/tasks`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const [encoding, expected] of [
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
      ['identity', null],
    ] as const) {
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

  it(
    'fits a 390×844 phone: no list wider than the screen, bell, language and profile always in view',
    { timeout: FLOW_TIMEOUT_MS },
    async () => {
      const kyc1 = await ApiClient.login(stack.url, 'kyc1@example.com');
      expect((await kyc1.post('/api/kyc-reviews', { clientId: 'c-1003' })).status).toBe(201);
      expect(
        (
          await agent1.post('/api/complaints', {
            clientId: 'c-1003',
            channel: 'phone',
            category: 'account_access',
            severity: 'medium',
            description: 'Locked out of the trading app after a password reset.',
          })
        ).status,
      ).toBe(201);

      // an administrator who also handles complaints and KYC reviews sees every list
      await grantRoles(stack.db.prisma, 'u-admin', ['complaints_manager', 'compliance_manager']);
      const phone = { width: 390, height: 844 };
      const { page } = await openSession(browser, stack.url, 'admin-phone', { viewport: phone });
      await page.goto('/');
      await page.getByTestId('login-email').fill('admin@example.com');
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      const controls = {
        bell: page.getByTestId('notification-bell'),
        language: page.getByTestId('locale-switcher'),
        // react-admin's user menu: its name button on wide screens, an icon labelled "Profile" on phones.
        profile: page
          .locator('.RaUserMenu-userButton')
          .or(page.getByRole('button', { name: 'Profile' }))
          .first(),
      };
      await controls.bell.waitFor();
      const fitsThePhone = async (where: string) => {
        // A phone shows a page wider than its screen zoomed out, so the screen's width is the bound (not innerWidth).
        const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(pageWidth, `page width on ${where}`).toBeLessThanOrEqual(phone.width);
        for (const [name, control] of Object.entries(controls)) {
          const box = await control.boundingBox();
          expect(box, `the ${name} control on ${where}`).not.toBeNull();
          expect(box!.x, `the ${name} control on ${where}`).toBeGreaterThanOrEqual(0);
          expect(box!.x + box!.width, `the ${name} control on ${where}`).toBeLessThanOrEqual(phone.width);
          expect(box!.y + box!.height, `the ${name} control on ${where}`).toBeLessThanOrEqual(phone.height);
        }
      };

      for (const [route, hasRows] of [
        ['tasks', false],
        ['complaints', true],
        ['kyc-reviews', true],
        ['clients', true],
        ['notifications', false],
      ] as const) {
        await page.goto(`/#/${route}`);
        await page.locator('[class*="RaList-main"]').first().waitFor();
        if (hasRows) {
          // One entry per record (react-admin's SimpleList), not a table.
          await page.locator('[class*="RaList-main"] .MuiListItemText-primary').first().waitFor();
          expect(await page.locator('[class*="RaList-main"] table').count(), `a table on ${route}`).toBe(0);
        }
        await fitsThePhone(route);
        if (route === 'complaints' || route === 'kyc-reviews') {
          // The record's page too.
          await page.locator('[class*="RaList-main"] .MuiListItemText-primary').first().click();
          await page.waitForURL(new RegExp(`/${route}/[^/]+/show$`));
          await page.locator('[class*="RaShow-main"]').first().waitFor();
          await page.getByTestId(route === 'complaints' ? 'complaint-timeline' : 'kyc-timeline').waitFor();
          await fitsThePhone(`a page of ${route}`);
        }
      }
    },
  );
});
