// Data scopes and field masking in the console (issue 9, item 7), in headless Chromium against the real stack:
// an account manager (agent) sees only the clients they manage in the client list and its search, and another's
// client opened by its address is a "not found" page, not data; a branch manager sees the branch's clients and not
// another branch's; an agent sees the national id masked and no documents where the branch manager sees both.
// Demo data (prisma/seed.ts, seed-crm.ts): agent1 manages the London clients but c-1006..c-1008 (agent2's);
// Shanghai's are another branch's. The list's Export button downloads the same clients, masked the same way.
// An introducing broker (apex.partner, users.ib_id ib-apex) sees the clients of its IB and every IB below it
// (ib-apex-north, ib-apex-leeds), not another IB's (ib-orient), masked and read-only; a sub-IB's partner
// (north.partner) sees its own subtree and not its parent's own clients.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';
import { assertConsoleBuilt, launchChromium, openSession } from './chromium';
import { signIn } from './console-ui';

let stack: Stack;
let browser: Browser;
/** pages load their chunks on first use: give a first visit time */
const POLL = { timeout: 15_000 };
const PDF = Buffer.from('%PDF-1.4\n%client-scopes\n%%EOF\n');

beforeAll(async () => {
  assertConsoleBuilt();
  stack = await startStack();
  browser = await launchChromium();
  // a KYC review of c-1001 with an identity document: the branch manager sees it on the client page, the agent not
  const kyc = await ApiClient.login(stack.url, 'kyc1@example.com');
  const review = await kyc.post('/api/kyc-reviews', { clientId: 'c-1001', kind: 'periodic', note: 'Browser scopes' });
  expect(review.status, JSON.stringify(review.body)).toBe(201);
  await stack.db.prisma.kycDocument.create({
    data: {
      id: randomUUID(),
      caseId: review.body.id,
      clientId: 'c-1001',
      kind: 'identity',
      docType: 'passport',
      number: '533380006',
      fileName: 'passport.pdf',
      mimeType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      content: PDF,
      uploadedById: 'u-kyc1',
    },
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The names in the client list as it stands. */
async function listedNames(page: Page): Promise<string[]> {
  const rows = page.locator('tbody tr');
  await rows.first().waitFor();
  return (await rows.locator('td:first-child').allTextContents()).map((s) => s.trim()).sort();
}

/** Types into the list's search box and waits for the API's answer to that text. */
async function search(page: Page, text: string): Promise<void> {
  const answered = page.waitForResponse((r) => {
    const url = new URL(r.url());
    return url.pathname === '/api/clients' && JSON.parse(url.searchParams.get('filter') ?? '{}').q === text;
  });
  await page.locator('input[name="q"]').fill(text);
  await answered;
}

/** Clicks the list's Export button and reads the CSV file the browser downloads. */
async function exportList(page: Page): Promise<Record<string, string>[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  expect(download.suggestedFilename()).toMatch(/^clients-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('\ufeff')).toBe(true);
  return parseCsv(text.slice(1), { columns: true });
}

const namesOf = async (where: { accountManagerId?: string; branchId?: string }) =>
  (await stack.db.prisma.client.findMany({ where, select: { name: true } })).map((c) => c.name).sort();

describe('client data scopes in the console', () => {
  it(
    'an agent sees only their own clients, in the list and in search; another’s client by its address is not found',
    { timeout: 120_000 },
    async () => {
      const own = await namesOf({ accountManagerId: 'u-agent1' });
      expect(own).toContain('Oliver Bennett');
      expect(own).not.toContain('Isabella Rossi');

      const { page } = await openSession(browser, stack.url, 'agent1-clients');
      await signIn(page, 'agent1@example.com');
      await page.getByTestId('nav-clients').click();
      await expect.poll(() => listedNames(page), POLL).toEqual(own);

      // the export holds the same clients, national ids masked, and is audited
      const exported = await exportList(page);
      expect(exported.map((r) => r.name).sort()).toEqual(own);
      expect(exported.find((r) => r.id === 'c-1001')?.nationalId).toBe('******56C');
      const audited = await stack.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'clients_exported', actorId: 'u-agent1' } });
      expect(audited.data).toMatchObject({ rows: own.length, masked: ['nationalId'] });

      // search: their own client by name and by phone in another format; agent2's by name and by e-mail finds nothing
      await search(page, 'Oliver');
      await expect.poll(() => listedNames(page), POLL).toEqual(['Oliver Bennett']);
      await search(page, '020 7946 0018');
      await expect.poll(() => listedNames(page), POLL).toEqual(['Oliver Bennett']);
      for (const text of ['Isabella Rossi', 'c-1007@clients.example.com', 'Wang Fang']) {
        await search(page, text);
        await page.getByTestId('empty-state').waitFor();
        expect(await page.locator('tbody tr').count()).toBe(0);
      }

      // agent2's client, and another branch's, opened by address: a not-found page, none of the client's data
      for (const [id, name] of [
        ['c-1007', 'Isabella Rossi'],
        ['c-2001', 'Wang Fang'],
      ]) {
        await page.goto(`/#/clients/${id}/show`);
        await page.getByTestId('client-not-found').waitFor();
        expect(page.url()).toContain(`/clients/${id}/show`);
        expect(await page.locator('body').textContent()).not.toContain(name);
        expect(await page.getByTestId('client-national-id').count()).toBe(0);
      }
    },
  );

  it('an agent sees a masked national id and no documents on their own client’s page', { timeout: 120_000 }, async () => {
    const { page } = await openSession(browser, stack.url, 'agent1-masking');
    await signIn(page, 'agent1@example.com');
    await page.goto('/#/clients/c-1001/show');
    const id = page.getByTestId('client-national-id');
    await expect.poll(() => id.textContent(), POLL).toBe('******56C');
    expect(await id.getAttribute('data-masked')).toBe('true');
    await page.getByTestId('client-documents-hidden').waitFor();
    expect(await page.getByTestId('client-document').count()).toBe(0);
    const text = await page.locator('body').textContent();
    expect(text).not.toContain('QQ123456C');
    expect(text).not.toContain('533380006');
  });

  it(
    'an introducing broker sees only the clients of its IB tree (sub-IBs’ included), masked and read-only; another IB’s client is not found',
    { timeout: 120_000 },
    async () => {
      /** the clients of an IB and of every IB below it */
      const treeOf = async (ib: string) =>
        (
          await stack.db.pool.query<{ id: string; name: string; ib: string }>(
            `WITH RECURSIVE t AS (SELECT id FROM introducing_brokers WHERE id = $1
               UNION SELECT c.id FROM introducing_brokers c JOIN t ON c.parent_id = t.id)
             SELECT id, name, introducing_broker_id AS ib FROM clients WHERE introducing_broker_id IN (SELECT id FROM t) ORDER BY name`,
            [ib],
          )
        ).rows;
      const apex = await treeOf('ib-apex');
      // its own clients, its sub-IB's and its sub-sub-IB's
      expect(new Set(apex.map((c) => c.ib))).toEqual(new Set(['ib-apex', 'ib-apex-north', 'ib-apex-leeds']));
      const [other] = await treeOf('ib-orient');
      expect(other).toBeDefined();

      const { page } = await openSession(browser, stack.url, 'ib-apex');
      await signIn(page, 'apex.partner@example.com');
      await page.getByTestId('nav-clients').click();
      await expect.poll(() => listedNames(page), POLL).toEqual(apex.map((c) => c.name).sort());
      await search(page, other.name);
      await page.getByTestId('empty-state').waitFor();
      expect(await page.locator('tbody tr').count()).toBe(0);

      // another IB's client by its address: the not-found page, none of its data
      await page.goto(`/#/clients/${other.id}/show`);
      await page.getByTestId('client-not-found').waitFor();
      expect(page.url()).toContain(`/clients/${other.id}/show`);
      expect(await page.locator('body').textContent()).not.toContain(other.name);

      // a sub-IB's client: read, national id masked, no documents, and no Log interaction
      const sub = apex.find((c) => c.id === 'c-1001')!;
      expect(sub.ib).toBe('ib-apex-north');
      await page.goto(`/#/clients/${sub.id}/show`);
      const id = page.getByTestId('client-national-id');
      await expect.poll(() => id.textContent(), POLL).toBe('******56C');
      await page.getByTestId('client-documents-hidden').waitFor();
      await page.goto(`/#/clients/${sub.id}/show/timeline`);
      await page.getByTestId('client-timeline').waitFor(POLL);
      expect(await page.getByTestId('log-interaction').count()).toBe(0);

      // the sub-IB's partner: its subtree only, not the clients ib-apex brought itself
      const north = await treeOf('ib-apex-north');
      const parents = apex.filter((c) => c.ib === 'ib-apex');
      expect(parents.length).toBeGreaterThan(0);
      const { page: northPage } = await openSession(browser, stack.url, 'ib-north');
      await signIn(northPage, 'north.partner@example.com');
      await northPage.getByTestId('nav-clients').click();
      await expect.poll(() => listedNames(northPage), POLL).toEqual(north.map((c) => c.name).sort());
      await northPage.goto(`/#/clients/${parents[0].id}/show`);
      await northPage.getByTestId('client-not-found').waitFor();
    },
  );

  it(
    'a branch manager sees the branch’s clients, not another branch’s, with national ids and documents',
    { timeout: 120_000 },
    async () => {
      const london = await namesOf({ branchId: 'london' });
      expect(london.length).toBeLessThanOrEqual(25); // one page
      const { page } = await openSession(browser, stack.url, 'branch-manager');
      await signIn(page, 'branch.manager@example.com');
      await page.getByTestId('nav-clients').click();
      await expect.poll(() => listedNames(page), POLL).toEqual(london);
      expect(london).toEqual(expect.arrayContaining(['Oliver Bennett', 'Isabella Rossi']));

      await search(page, 'Isabella');
      await expect.poll(() => listedNames(page), POLL).toEqual(['Isabella Rossi']);
      // the export of a search: its hits, national id as it is
      const exported = await exportList(page);
      expect(exported.map((r) => [r.id, r.nationalId])).toEqual([['c-1007', 'RSSSBL72A65H501X']]);
      for (const text of ['Wang Fang', '王芳', 'c-2002@clients.example.com']) {
        await search(page, text);
        await page.getByTestId('empty-state').waitFor();
        expect(await page.locator('tbody tr').count()).toBe(0);
      }

      await page.goto('/#/clients/c-2001/show');
      await page.getByTestId('client-not-found').waitFor();
      expect(await page.locator('body').textContent()).not.toContain('Wang Fang');

      await page.goto('/#/clients/c-1001/show');
      const id = page.getByTestId('client-national-id');
      await expect.poll(() => id.textContent(), POLL).toBe('QQ123456C');
      expect(await id.getAttribute('data-masked')).toBe('false');
      const doc = page.getByTestId('client-document');
      await expect.poll(() => doc.count(), POLL).toBe(1);
      expect(await doc.textContent()).toContain('533380006');
      expect(await page.getByTestId('client-documents-hidden').count()).toBe(0);
    },
  );
});
