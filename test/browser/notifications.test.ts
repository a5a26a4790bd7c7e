// Notifications that do not flood (issue 11 item 5), in headless Chromium against the real stack: grouped by
// case, escalations first, each with its time; a push updates the bell without refetching the list; toasts only
// for what the user chose (preferences kept on the server), a burst as one toast.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';
import { activeTask } from '../support/cases';
import { LIVE_CHANNEL } from '../../platform/live';
import { assertConsoleBuilt, launchChromium, openSession } from './chromium';
import { bellCount, signIn } from './console-ui';
import { watchSocket } from './live';

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

let seq = 0;
/** A notification for agent1 as the engine writes it: the row, then the announcement at commit. */
async function push(type: string, caseId: string, reference: string, over: { taskId?: string; step?: string; level?: number } = {}) {
  const id = `test-${type}-${++seq}#u-agent1`;
  await stack.db.prisma.notification.create({
    data: {
      id,
      userId: 'u-agent1',
      type,
      caseId,
      taskId: over.taskId ?? null,
      title: `${type} (English fallback)`,
      data: {
        caseType: 'complaint',
        reference,
        clientName: 'Oliver Bennett',
        step: over.step ?? 'acknowledge',
        ...(over.level ? { level: over.level } : {}),
      },
    },
  });
  await stack.db.pool.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, JSON.stringify({ kind: 'notification', id, userId: 'u-agent1' })]);
  return id;
}

const complaint = async (clientId: string, description: string) => {
  const res = await agent1.post('/api/complaints', { clientId, channel: 'web', category: 'platform', severity: 'low', description });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, reference: res.body.reference as string };
};

/** Counts the page's requests for the notification list from now on. */
const listRequests = (page: Page) => {
  let n = 0;
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/notifications' && r.method() === 'GET') n++;
  });
  return () => n;
};

const toasts = (page: Page) => page.locator('.MuiSnackbar-root');

describe('notifications', () => {
  it(
    'group by case with the time, escalations first; a push updates the bell in place; toasts as chosen',
    { timeout: 180_000 },
    async () => {
      const a = await complaint('c-1001', 'The platform logged the client out during a trade.');
      const b = await complaint('c-1002', 'Charts froze during the London open.');
      const taskA = await activeTask(stack.db.prisma, a.id, 'acknowledge');
      await activeTask(stack.db.prisma, b.id, 'acknowledge');
      await stack.db.prisma.notification.updateMany({ where: { userId: 'u-agent1' }, data: { readAt: new Date() } });

      const { page } = await openSession(browser, stack.url, 'agent1-bell');
      const socket = watchSocket(page);
      await signIn(page, 'agent1@example.com');
      await socket.connected();
      await page.getByTestId('notification-count').filter({ hasText: /^0$/ }).waitFor({ state: 'attached' });
      const requests = listRequests(page);

      // three about case A (new tasks: no toast by default), then an escalation about case B (always a toast)
      for (let i = 0; i < 3; i++) await push('task_available', a.id, a.reference, { taskId: taskA.id });
      await page.getByTestId('notification-count').filter({ hasText: /^3$/ }).waitFor({ state: 'attached' });
      await page.waitForTimeout(2_000);
      expect(await toasts(page).count(), 'no toast for new team tasks by default').toBe(0);
      await push('sla_escalation', b.id, b.reference, { step: 'acknowledge', level: 1 });
      await page.getByTestId('notification-count').filter({ hasText: /^4$/ }).waitFor({ state: 'attached' });
      await toasts(page)
        .filter({ hasText: /escalation/i })
        .waitFor();
      expect(requests(), 'pushes do not refetch the notification list').toBe(0);

      // the bell: two lines, the escalation first, each with its time; case A's three are one line
      await page.getByTestId('notification-bell').click();
      const urgent = page.getByTestId('notification-urgent');
      await urgent.waitFor();
      expect(await urgent.count()).toBe(1);
      expect(await urgent.textContent()).toContain(b.reference);
      const items = page.getByTestId('notification-item');
      expect(await items.count()).toBe(1);
      expect(await items.textContent()).toContain(a.reference);
      expect(await items.getByTestId('notification-group-more').textContent()).toBe('+2 more on this case');
      expect(await page.getByTestId('notification-time').first().textContent()).toMatch(/now|sec|min/);
      const menuText = (await page.locator('.MuiMenu-list').textContent()) ?? '';
      expect(menuText.indexOf(b.reference)).toBeLessThan(menuText.indexOf(a.reference));

      // opening case A's line opens its task and marks its three read
      await items.click();
      await page.waitForURL(/\/tasks\/[^/]+\/show$/);
      await page.getByTestId('notification-count').filter({ hasText: /^1$/ }).waitFor({ state: 'attached' });
      expect(await stack.db.prisma.notification.count({ where: { userId: 'u-agent1', caseId: a.id, readAt: null } })).toBe(0);

      // the user asks for toasts about new team tasks too: kept on the server; a burst makes one toast
      await page.getByTestId('notification-bell').click();
      await page.getByTestId('notification-preferences-open').click();
      const newTasks = page.getByTestId('toast-task_available');
      expect(await newTasks.isChecked()).toBe(false);
      await newTasks.click();
      await expect.poll(() => newTasks.isChecked()).toBe(true);
      await expect.poll(async () => (await agent1.get('/api/notifications/preferences')).body.toast.task_available).toBe(true);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await toasts(page)
        .first()
        .waitFor({ state: 'detached', timeout: 15_000 })
        .catch(() => undefined);
      for (let i = 0; i < 3; i++) await push('task_available', a.id, a.reference, { taskId: taskA.id });
      await toasts(page).filter({ hasText: '3 new notifications' }).waitFor();
      expect(await bellCount(page)).toBe(4);
    },
  );
});
