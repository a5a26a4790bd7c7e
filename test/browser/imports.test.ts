// An import in the console (issue 9, item 5): a user picks a CSV of leads big enough to take several batches,
// checks it (the dry run lists the invalid rows with their line, field and reason and stores nothing), starts the
// import and watches its progress bar move on the job's page (socket.io `import.progress`, polling as fallback);
// when done, the rejected rows are listed and the counts on screen are the API's and the database's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';
import { assertConsoleBuilt, launchChromium, openSession } from './chromium';
import { choose, signIn } from './console-ui';

const USER = 'supervisor@example.com';
/** rows in the file, and rows per batch of the import job (the setting imports.batchRows, default 1000): twelve
 * batches, each moving the progress bar */
const ROWS = 1200;
const BATCH_ROWS = 100;
/** every 97th row has no last name, every 211th a malformed e-mail (file lines: row + 2, after the header) */
const invalidField = (i: number): 'lastName' | 'email' | null => (i % 97 === 13 ? 'lastName' : i % 211 === 7 ? 'email' : null);

let stack: Stack;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  assertConsoleBuilt();
  stack = await startStack();
  browser = await launchChromium();
  await stack.db.prisma.setting.create({ data: { key: 'imports.batchRows', value: BATCH_ROWS } });
  // the imported leads' client-development cases start in bigger batches than by default (50): the test waits for them
  await stack.db.prisma.setting.create({ data: { key: 'imports.caseBatch', value: 200 } });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imports-ui-'));
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A leads file: header, then ROWS leads with unique names and e-mails (no duplicates among them or in the seed). */
const leadsCsv = () => {
  const lines = ['First Name,Last Name,Mail Address,Country,Source,Notes'];
  for (let i = 0; i < ROWS; i++) {
    const bad = invalidField(i);
    const last = bad === 'lastName' ? '' : `Importova${i}`;
    const email = bad === 'email' ? `lead${i}-at-example` : `lead${i}.import@example.net`;
    lines.push(`Lead${i},${last},${email},GB,"partner, import",row ${i}`);
  }
  return `${lines.join('\n')}\n`;
};

const expectedInvalid = () =>
  [...Array(ROWS).keys()].filter((i) => invalidField(i) !== null).map((i) => ({ line: i + 2, field: invalidField(i)! }));

describe('imports in the console', () => {
  it(
    'a CSV of leads is checked, imported with a moving progress bar, and its rejects and counts are shown',
    { timeout: 300_000 },
    async () => {
      const file = path.join(dir, 'partner-leads.csv');
      fs.writeFileSync(file, leadsCsv());
      const invalid = expectedInvalid();
      expect(invalid.length).toBeGreaterThan(10);

      const { page } = await openSession(browser, stack.url, 'importer');
      await signIn(page, USER);
      await page.getByTestId('nav-imports').click();
      await page.getByTestId('import-create').first().click();
      await choose(page, 'import-kind', 'leads');
      // the kinds and their fields come from GET /api/imports/kinds
      expect(await page.getByTestId('import-required').textContent()).toContain('firstName, lastName');
      await page.getByTestId('import-file').setInputFiles(file);
      await page.getByTestId('import-mapping').waitFor();
      // "Mail Address" is no field's name: map it; the notes are left out
      await choose(page, 'import-map-Mail Address', 'email');
      await choose(page, 'import-map-Notes', '-');

      // the dry run: every invalid row with its line and field, nothing stored
      await page.getByTestId('import-check').click();
      const checked = page.getByTestId('import-checked');
      await checked.waitFor({ timeout: 60_000 });
      expect(Number(await checked.getAttribute('data-total'))).toBe(ROWS);
      expect(Number(await checked.getAttribute('data-invalid'))).toBe(invalid.length);
      const listed = await page
        .getByTestId('import-invalid-row')
        .evaluateAll((rows) => rows.map((r) => ({ line: Number(r.getAttribute('data-line')), field: r.getAttribute('data-field') })));
      expect(listed).toEqual(invalid);
      expect(await stack.db.prisma.lead.count({ where: { email: { endsWith: '.import@example.net' } } })).toBe(0);

      // The job's page: record every value the progress bar shows, as the page changes it.
      await page.evaluate(() => {
        const seen: { status: string; processed: number }[] = [];
        (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
        const record = () => {
          const bar = document.querySelector('[data-testid="import-progress"]');
          if (!bar) return;
          const value = { status: bar.getAttribute('data-status') ?? '', processed: Number(bar.getAttribute('data-processed')) };
          const last = seen[seen.length - 1];
          if (!last || last.status !== value.status || last.processed !== value.processed) seen.push(value);
        };
        new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      await page.getByTestId('import-start').click();
      await page.waitForURL(/\/imports\/[^/]+\/show$/);
      const id = decodeURIComponent(page.url().match(/\/imports\/([^/]+)\/show$/)![1]);
      await page.locator('[data-testid="import-status"][data-status="done"]').waitFor({ timeout: 240_000 });

      const seen = await page.evaluate(() => (window as unknown as { progressSeen: { status: string; processed: number }[] }).progressSeen);
      const moving = new Set(seen.filter((s) => s.status === 'running' && s.processed < ROWS).map((s) => s.processed));
      expect(moving.size, JSON.stringify(seen)).toBeGreaterThanOrEqual(2);
      // never backwards
      const values = seen.map((s) => s.processed);
      expect(values).toEqual([...values].sort((a, b) => a - b));

      // the counts on screen are the API's and the database's
      const api = await ApiClient.login(stack.url, USER);
      const job = (await api.get(`/api/imports/${id}`)).body;
      expect(job).toMatchObject({ status: 'done', total: ROWS, processed: ROWS, applied: ROWS - invalid.length, rejected: invalid.length });
      expect(Number(await page.getByTestId('import-total').getAttribute('data-value'))).toBe(ROWS);
      expect(Number(await page.getByTestId('import-applied').getAttribute('data-value'))).toBe(ROWS - invalid.length);
      expect(Number(await page.getByTestId('import-rejected').getAttribute('data-value'))).toBe(invalid.length);
      expect(await stack.db.prisma.lead.count({ where: { email: { endsWith: '.import@example.net' } } })).toBe(ROWS - invalid.length);

      // the rejects: listed on the page, and the file to download
      await page.getByTestId('import-rejects').waitFor();
      const rejects = await page
        .getByTestId('import-rejects-row')
        .evaluateAll((rows) => rows.map((r) => ({ line: Number(r.getAttribute('data-line')), field: r.getAttribute('data-field') })));
      expect(rejects).toEqual(invalid);
      const href = await page.getByTestId('import-rejects-download').getAttribute('href');
      const download = await page.request.get(`${stack.url}${href}`);
      expect(download.status()).toBe(200);
      expect((await download.text()).trim().split('\n')).toHaveLength(invalid.length + 1);

      // and the job in the list, done
      await page.getByTestId('nav-imports').click();
      const row = page.locator('tbody tr').filter({ has: page.getByTestId('import-row-file').filter({ hasText: 'partner-leads.csv' }) });
      await row.locator('[data-status="done"]').first().waitFor();
    },
  );
});
