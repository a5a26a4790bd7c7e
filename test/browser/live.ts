// Watching the console's live channel from outside the page.
import type { Page } from 'playwright-core';

/**
 * Watches the console's socket.io connection from the page's traffic. `connected()` resolves once the
 * server has accepted it: the CONNECT acknowledgement of the default namespace (`40{"sid":…}`) over
 * either transport (it starts on HTTP long-polling and upgrades to WebSocket). Events pushed before that
 * are lost to the page, so a test that expects a live push must wait for it. Start before signing in.
 */
export function watchSocket(page: Page): { connected(timeoutMs?: number): Promise<void> } {
  let state: { ok: true } | { ok: false; packet: string } | null = null;
  const changed = new Set<() => void>();
  // Long-polling responses may carry several packets separated by the record separator \x1e.
  const inspect = (payload: string | Buffer) => {
    for (const packet of String(payload).split('\x1e')) {
      if (packet.startsWith('40{')) state = { ok: true };
      else if (packet.startsWith('44')) state = { ok: false, packet };
    }
    changed.forEach((f) => f());
  };
  page.on('websocket', (ws) => {
    if (ws.url().includes('/socket.io/')) ws.on('framereceived', (f) => inspect(f.payload));
  });
  page.on('response', (res) => {
    if (res.url().includes('/socket.io/') && res.request().method() === 'GET') res.text().then(inspect, () => undefined);
  });

  return {
    connected: (timeoutMs = 30_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!state) return;
          finish();
          if (state.ok) resolve();
          else reject(new Error(`socket.io refused the console's connection: ${state.packet}`));
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`the console's socket.io connection was not accepted within ${timeoutMs} ms`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          changed.delete(check);
        };
        changed.add(check);
        check();
      }),
  };
}

export interface BellChange {
  /** browser clock, ms since epoch (same machine as the test, so comparable with PostgreSQL's now()) */
  at: number;
  count: number;
}

/**
 * Records in the page every change of the bell's number with the time it was rendered. The record lives
 * on `window`, so reading it back later also proves the page was not reloaded in between.
 */
export async function recordBell(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __bell?: { at: number; count: number }[] };
    const bell = document.querySelector('[data-testid="notification-bell"]')!;
    const read = () => Number(bell.querySelector('[data-testid="notification-count"]')?.textContent ?? NaN);
    const changes = [{ at: Date.now(), count: read() }];
    w.__bell = changes;
    new MutationObserver(() => {
      const count = read();
      if (count !== changes[changes.length - 1].count) changes.push({ at: Date.now(), count });
    }).observe(bell, { subtree: true, childList: true, characterData: true });
  });
}

/** The recorded changes; throws when the page lost them, i.e. it was reloaded or navigated away from the app. */
export async function bellChanges(page: Page): Promise<BellChange[]> {
  const changes = await page.evaluate(() => (window as unknown as { __bell?: BellChange[] }).__bell ?? null);
  if (!changes) throw new Error('the page was reloaded: the bell record is gone');
  return changes;
}
