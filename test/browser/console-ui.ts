// What a user does in the console, by its data-testids (never by translated text, so the steps work in
// every language).
import type { PrismaClient } from '@prisma/client';
import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../prisma/seed';

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-tasks').waitFor();
}

/** A react-admin SelectInput: open its MUI listbox and pick the option with this value. */
export async function choose(page: Page, testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).locator('[role=combobox]').click();
  await page.locator(`ul[role=listbox] li[data-value="${value}"]`).click();
  await page.locator('ul[role=listbox]').waitFor({ state: 'detached' });
}

export interface NewComplaint {
  clientName: string;
  channel: string;
  category: string;
  severity: string;
  description: string;
}

/** Fills the create form from the complaints list and returns the new case's id from the page it lands on. */
export async function registerComplaint(page: Page, c: NewComplaint): Promise<string> {
  await page.getByTestId('nav-complaints').click();
  await page.getByTestId('complaint-create').click();
  const client = page.getByTestId('complaint-client');
  await client.locator('input').fill(c.clientName.split(' ')[0]);
  await page.getByRole('option', { name: c.clientName, exact: true }).click();
  await choose(page, 'complaint-channel', c.channel);
  await choose(page, 'complaint-category', c.category);
  await choose(page, 'complaint-severity', c.severity);
  await page.getByTestId('complaint-description').fill(c.description);
  await page.getByTestId('complaint-submit').click();
  await page.waitForURL(/\/complaints\/[^/]+\/show$/);
  return decodeURIComponent(page.url().match(/\/complaints\/([^/]+)\/show$/)![1]);
}

/** The inbox row of one case's step; rows show the case's reference, which tells tasks of the same client apart
 * (its link carries the case id). */
export const taskRow = (page: Page, step: string, caseId: string): Locator =>
  page.getByTestId(`task-row-${step}`).filter({ has: page.locator(`[data-case-id="${caseId}"]`) });

export async function openInbox(page: Page, tab: 'mine' | 'team'): Promise<void> {
  await page.getByTestId('nav-tasks').click();
  const t = page.getByTestId(`tab-${tab}`);
  await t.click();
  await page.locator(`[data-testid="tab-${tab}"][aria-selected="true"]`).waitFor();
}

/** The number on the app bar's bell (rendered, if hidden, also when there is nothing unread). */
export async function bellCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('notification-count').textContent());
}

/** Gives a demo user more roles in the test's database (e.g. an administrator who also handles complaints and
 * KYC, to walk every screen with one sign-in). Sessions read roles at sign-in. */
export async function grantRoles(prisma: PrismaClient, userId: string, roles: string[]): Promise<void> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  await prisma.user.update({ where: { id: userId }, data: { roles: [...new Set([...user.roles, ...roles])] } });
}
