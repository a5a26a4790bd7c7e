// Headless Debian Chromium for browser tests: one browser per test file, one context (own cookies and
// localStorage, i.e. one signed-in user) per session, and a screenshot plus the page's console when a
// test fails.
import fs from 'node:fs';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from '../../scripts/lib/paths';

export const CONSOLE_DIR = path.join(repoRoot, 'dist/console');
const RESULTS_DIR = path.join(repoRoot, 'test-results');

/** The API serves the console only when it has been built; say how to build it instead of failing on a 404. */
export function assertConsoleBuilt(): void {
  if (!fs.existsSync(path.join(CONSOLE_DIR, 'index.html'))) {
    throw new Error(`${CONSOLE_DIR}/index.html not found: build the console with \`npm run build:ui\` (\`npm test\` does it)`);
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** what the page printed and threw, for the failure report */
  log: string[];
}

// Two cores shared with the worker, Temporal and PostgreSQL: a first render can take seconds.
const ACTION_TIMEOUT_MS = 20_000;

/**
 * A fresh browser context on the app (a desktop window unless a viewport is given; below 600 px wide, a phone). On failure of the current test its page is screenshotted into
 * test-results/ and its console is printed; the context closes when the test ends either way.
 */
export async function openSession(
  browser: Browser,
  baseURL: string,
  name: string,
  options: { viewport?: { width: number; height: number } } = {},
): Promise<Session> {
  const context = await browser.newContext({
    baseURL,
    locale: 'en-GB',
    viewport: options.viewport ?? { width: 1400, height: 900 },
    isMobile: options.viewport !== undefined && options.viewport.width < 600,
    hasTouch: options.viewport !== undefined && options.viewport.width < 600,
  });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  const page = await context.newPage();
  const log: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') log.push(`[${m.type()}] ${m.text()}`);
  });
  page.on('pageerror', (e) => log.push(`[pageerror] ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) log.push(`[http ${r.status()}] ${r.request().method()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => log.push(`[requestfailed] ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`));

  // One hook, not onTestFailed + onTestFinished: vitest runs "finished" hooks first, which would close
  // the page before the failure screenshot.
  onTestFinished(async ({ task }) => {
    if (task.result?.state === 'fail') {
      fs.mkdirSync(RESULTS_DIR, { recursive: true });
      const file = path.join(RESULTS_DIR, `${slug(task.name)}-${name}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.error(`[browser:${name}] ${page.url()}\nscreenshot: ${file}\n${log.join('\n') || '(no console errors)'}`);
    }
    await context.close();
  }, 30_000);
  return { context, page, log };
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
