// The console's first load in headless Chromium against the real stack (api/main.ts serving dist/console,
// worker, PostgreSQL, Temporal): JavaScript bytes as transferred (CDP Network events' encodedDataLength,
// i.e. compressed size plus headers) and the time until the inbox shows its rows.
//   sign-in   a new browser profile opens /, signs in as agent1 and opens the inbox (everything it loads)
//   cold      a signed-in agent with an empty HTTP cache opens /#/tasks (median of --runs)
//   warm      the same page reloaded with the cache filled
//   slow      cold, on a 1.6 Mbps / 150 ms link (CDP network emulation)
// The time is measured in the page: from navigation start to the first inbox row in the DOM.
// The console is built first (npm run build:ui) unless --no-build.
// Run: tsx bench/console/first-load.ts [--runs 5] [--no-build]
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createDb } from '../../platform/db';
import { DEMO_PASSWORD, seedReferenceData } from '../../prisma/seed';
import { repoRoot } from '../../scripts/lib/paths';
import { Api, pool, taskPath } from '../case-engine/lib/http';
import { fmtMs, machineLine, summarize, table } from '../case-engine/lib/report';
import { startStack } from '../case-engine/lib/stack';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 5);
const BUILD = !process.argv.includes('--no-build');
const AGENT = 'agent1@example.com';
const TASKS = 8;
const GOAL_BYTES = 400 * 1024;
const SLOW = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 };
const ROW = '[data-testid^="task-row-"]';

interface Load {
  /** JavaScript bytes as transferred, and per file (name without hash → bytes) */
  jsBytes: number;
  files: Map<string, number>;
  /** all bytes as transferred (documents, scripts, API, fonts...) */
  allBytes: number;
  /** ms from navigation start to the first inbox row */
  rowsMs: number;
  /** ms from navigation start: scripts all loaded, DOMContentLoaded, the session check answered, the inbox's list answered */
  steps: { scripts: number; dcl: number; me: number; tasksAsked: number; tasks: number };
}

/** Records every response's transferred size (CDP) and when the first inbox row appears (in the page). */
async function instrument(context: BrowserContext, page: Page, conditions?: typeof SLOW) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  if (conditions) await cdp.send('Network.emulateNetworkConditions', conditions);
  const types = new Map<string, { type: string; url: string }>();
  const files = new Map<string, number>();
  let jsBytes = 0;
  let allBytes = 0;
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, { type: e.type, url: e.response.url }));
  cdp.on('Network.loadingFinished', (e) => {
    allBytes += e.encodedDataLength;
    const r = types.get(e.requestId);
    if (r?.type !== 'Script') return;
    jsBytes += e.encodedDataLength;
    const name = path.basename(new URL(r.url).pathname).replace(/-[\w-]{8}\.js$/, '.js');
    files.set(name, (files.get(name) ?? 0) + e.encodedDataLength);
  });
  await page.addInitScript((selector) => {
    const w = window as unknown as { rowsAt?: number };
    new MutationObserver((_, observer) => {
      if (w.rowsAt === undefined && document.querySelector(selector)) {
        w.rowsAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, ROW);
  return {
    async done(): Promise<Load> {
      await page
        .locator(ROW)
        .first()
        .waitFor({ timeout: 60_000 })
        .catch(async (err: Error) => {
          await page.screenshot({ path: path.join(repoRoot, 'test-results/bench-console-first-load.png') }).catch(() => undefined);
          throw new Error(`no inbox row at ${page.url()} (screenshot: test-results/bench-console-first-load.png)`, { cause: err });
        });
      // Requests still finishing (a lazy chunk the inbox asked for) are part of the load.
      await page.waitForLoadState('networkidle');
      // A string: tsx would wrap named functions in a helper the page does not have.
      const { rowsMs, steps } = (await page.evaluate(`(() => {
        const resources = performance.getEntriesByType('resource');
        const rowsAt = window.rowsAt;
        const end = (match) => Math.max(0, ...resources.filter(match).map((r) => r.responseEnd));
        const nav = performance.getEntriesByType('navigation')[0];
        return {
          rowsMs: rowsAt,
          steps: {
            scripts: end((r) => r.initiatorType === 'script' && r.responseEnd < rowsAt),
            dcl: nav.domContentLoadedEventEnd,
            me: end((r) => r.name.includes('/api/auth/me')),
            tasks: Math.min(...resources.filter((r) => r.name.includes('/api/tasks?') && r.name.includes('range')).map((r) => r.responseEnd)),
            tasksAsked: Math.min(...resources.filter((r) => r.name.includes('/api/tasks?') && r.name.includes('range')).map((r) => r.startTime)),
          },
        };
      })()`)) as Pick<Load, 'rowsMs' | 'steps'>;
      await cdp.detach();
      return { jsBytes, files, allBytes, rowsMs, steps };
    },
  };
}

const newContext = (browser: Browser, storageState?: Awaited<ReturnType<BrowserContext['storageState']>>) =>
  browser.newContext({ baseURL, locale: 'en-GB', viewport: { width: 1400, height: 900 }, storageState });

let baseURL = '';

async function signInJourney(browser: Browser) {
  const context = await newContext(browser);
  const page = await context.newPage();
  const probe = await instrument(context, page);
  await page.goto('/');
  await page.getByTestId('login-email').fill(AGENT);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-tasks').click();
  const load = await probe.done();
  const state = await context.storageState();
  await context.close();
  return { load, state };
}

async function coldInbox(browser: Browser, state: Awaited<ReturnType<BrowserContext['storageState']>>, conditions?: typeof SLOW) {
  const context = await newContext(browser, state);
  const page = await context.newPage();
  const probe = await instrument(context, page, conditions);
  // react-admin's router keeps the route in the hash.
  await page.goto('/#/tasks');
  const cold = await probe.done();
  // The same page again, cache filled.
  const again = await instrument(context, page, conditions);
  await page.reload();
  const warm = await again.done();
  await context.close();
  return { cold, warm };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

async function main() {
  console.log(machineLine());
  if (BUILD) execFileSync('npm', ['run', '--silent', 'build:ui'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
  const stack = await startStack({ pgFast: true, temporal: 'memory' });
  const db = createDb(stack.dbUrl, 2);
  let browser: Browser | undefined;
  try {
    await seedReferenceData(db.prisma);
    [baseURL] = await Promise.all([stack.startApi(), stack.startWorker()]);
    console.log(`stack: ${stack.describe}`);

    // The agent's "My tasks" holds TASKS claimed acknowledge steps.
    const api = await Api.login(baseURL, AGENT);
    const caseIds: string[] = [];
    await pool(Array.from({ length: TASKS }), 4, async () => {
      const reply = await api.ok(
        'POST',
        '/api/complaints',
        { clientId: 'c-1001', channel: 'email', category: 'platform', severity: 'medium', description: 'Bench: first load' },
        201,
      );
      caseIds.push(reply.body.id);
    });
    let ids: string[] = [];
    for (let i = 0; i < 600 && ids.length < TASKS; i++) {
      const { rows } = await db.pool.query<{ id: string }>(`SELECT id FROM tasks WHERE case_id = ANY($1) AND status = 'open'`, [caseIds]);
      ids = rows.map((r) => r.id);
      if (ids.length < TASKS) await new Promise((r) => setTimeout(r, 100));
    }
    await pool(ids, 4, async (id) => void (await api.ok('POST', taskPath(id, 'claim'))));

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    });
    const signIn = await signInJourney(browser);
    const colds: Load[] = [];
    const warms: Load[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { cold, warm } = await coldInbox(browser, signIn.state);
      colds.push(cold);
      warms.push(warm);
    }
    const slow = await coldInbox(browser, signIn.state, SLOW);

    const median = (loads: Load[]) => summarize(loads.map((l) => l.rowsMs)).p50;
    const cold = colds[0];
    console.log(
      '\n' +
        table(
          ['load', 'JS KB transferred', 'all KB transferred', 'inbox rows ms (p50)', 'n'],
          [
            ['sign-in: / → sign in → inbox', kb(signIn.load.jsBytes), kb(signIn.load.allBytes), fmtMs(signIn.load.rowsMs), 1],
            ['cold: /#/tasks, empty cache', kb(cold.jsBytes), kb(cold.allBytes), fmtMs(median(colds)), RUNS],
            ['warm: /#/tasks reloaded', kb(warms[0].jsBytes), kb(warms[0].allBytes), fmtMs(median(warms)), RUNS],
            ['slow: cold at 1.6 Mbps, 150 ms', kb(slow.cold.jsBytes), kb(slow.cold.allBytes), fmtMs(slow.cold.rowsMs), 1],
          ],
        ),
    );
    const at = (f: (l: Load) => number) => fmtMs(summarize(colds.map(f)).p50);
    console.log(
      `\ncold load, ms from navigation start (p50): scripts loaded ${at((l) => l.steps.scripts)}, ` +
        `DOMContentLoaded ${at((l) => l.steps.dcl)}, session checked ${at((l) => l.steps.me)}, ` +
        `inbox list asked ${at((l) => l.steps.tasksAsked)}, answered ${at((l) => l.steps.tasks)}, rows on screen ${at((l) => l.rowsMs)}`,
    );
    console.log('\nJavaScript files of the cold inbox load (KB transferred):');
    console.log(
      table(
        ['file', 'KB'],
        [...cold.files].sort((a, b) => b[1] - a[1]).map(([f, b]) => [f, kb(b)]),
      ),
    );
    const verdict = cold.jsBytes <= GOAL_BYTES ? 'within' : 'over';
    console.log(
      `\nconsole first load: JS ${kb(cold.jsBytes)} KB transferred (goal ≤ ${kb(GOAL_BYTES)} KB: ${verdict}), ` +
        `inbox rows ${fmtMs(median(colds))} ms on loopback, ${fmtMs(slow.cold.rowsMs)} ms at 1.6 Mbps`,
    );
  } finally {
    await browser?.close();
    await db.close();
    await stack.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
