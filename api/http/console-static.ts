// Serves the built console (dist/console, see admin-ui/vite.config.ts): its hashed assets precompressed
// (Brotli or gzip files the build wrote beside them, chosen by Accept-Encoding) and cached for a year, and
// index.html, never cached without a check, for every client-side route.
import fs from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import expressStaticGzip from 'express-static-gzip';

/** Vite names every built asset `<name>-<hash>.<ext>`: a new build gives a changed file a new name. */
const HASHED_ASSET = /^\/assets\/.+-[\w-]{8}\.\w+$/;
const YEAR_S = 365 * 24 * 3600;

/** Mounts the console on `app` when it has been built; returns whether it was. */
export function serveConsole(app: Express, consoleDir: string): boolean {
  const dir = path.resolve(consoleDir);
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) return false;

  app.use(
    expressStaticGzip(dir, {
      enableBrotli: true,
      orderPreference: ['br', 'gz'],
      index: false,
      serveStatic: {
        index: false,
        setHeaders: (res, file) => {
          // The asset's own name, also when the .br or .gz file beside it is sent.
          const asset = path
            .relative(dir, file)
            .replace(/\.(br|gz)$/, '')
            .split(path.sep)
            .join('/');
          res.setHeader('Cache-Control', HASHED_ASSET.test(`/${asset}`) ? `public, max-age=${YEAR_S}, immutable` : 'no-cache');
        },
      },
    }),
  );
  // An asset this build does not have (a page loaded before a deployment asks for an old chunk) is a 404,
  // not index.html under a JavaScript name.
  app.use('/assets', (_req, res) => void res.status(404).setHeader('Cache-Control', 'no-store').end());
  // Client-side routes of the console all load its index.html, which names the current assets.
  app.get(/^(?!\/api\/|\/socket\.io\/).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
