import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const api = 'http://127.0.0.1:3000';
const nodeModules = fileURLToPath(new URL('../node_modules/', import.meta.url));

/** Packages and their dependencies, transitively (as npm hoists them). */
const withDependencies = (names: string[], seen = new Set<string>()): Set<string> => {
  for (const name of names) {
    if (seen.has(name)) continue;
    seen.add(name);
    try {
      const manifest = JSON.parse(readFileSync(join(nodeModules, name, 'package.json'), 'utf8'));
      withDependencies(Object.keys(manifest.dependencies ?? {}), seen);
    } catch {
      // not installed at the top level: nothing more to follow
    }
  }
  return seen;
};
// What only the charts use (recharts and its own dependencies: d3, redux, immer...): it must stay out of the
// chunks every page loads, and go with the (lazy) complaints dashboard.
const shell = withDependencies(['react', 'react-dom', 'react-admin', '@mui/material', '@tanstack/react-query', 'socket.io-client']);
const chartsOnly = [...withDependencies(['recharts'])].filter((name) => !shell.has(name));
const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
// react-admin's translations but English: they load with their language (i18n/ra/index.ts).
const TRANSLATIONS = /node_modules[\\/]ra-language-(?!english[\\/])/;
const CHARTS = new RegExp(`node_modules[\\\\/](${chartsOnly.map(escape).join('|')})[\\\\/]`);

/** Writes `<file>.br` and `<file>.gz` beside every text asset of the build, at the strongest settings (done once
 * per build, not per request); the API serves them by the browser's Accept-Encoding (api/http/console-static.ts). */
const precompress = (): Plugin => ({
  name: 'broker-crm:precompress',
  apply: 'build',
  async writeBundle(options, bundle) {
    const br = promisify(brotliCompress);
    const gz = promisify(gzip);
    const dir = options.dir!;
    const files = Object.keys(bundle).filter((f) => /\.(js|css|html|svg|json)$/.test(f));
    await Promise.all(
      files.map(async (file) => {
        const body = await readFile(join(dir, file));
        if (body.length < 1024) return;
        const [brotli, gzipped] = await Promise.all([
          br(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
          gz(body, { level: 9 }),
        ]);
        await Promise.all([writeFile(join(dir, `${file}.br`), brotli), writeFile(join(dir, `${file}.gz`), gzipped)]);
      }),
    );
  },
});

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than our code: separate chunks stay cached across releases.
        // Charts stay out of them: they load with the (lazy) complaints dashboard only.
        codeSplitting: {
          groups: [
            // The requests sent at start (providers/prefetch.ts, imported first by main.tsx): a chunk without
            // dependencies, so that it runs before the libraries' chunks are evaluated.
            { name: 'prefetch', test: /admin-ui[\\/]src[\\/]providers[\\/](prefetch|listQuery|profile)\.ts$/, priority: 30 },
            { name: 'mui', test: /node_modules[\\/](@mui|@emotion)/, priority: 20 },
            {
              name: 'react-admin',
              test: (id: string) => /node_modules[\\/](ra-|react-admin)/.test(id) && !TRANSLATIONS.test(id),
              priority: 20,
            },
            {
              name: 'vendor',
              test: (id: string) => /node_modules[\\/]/.test(id) && !CHARTS.test(id) && !TRANSLATIONS.test(id),
              priority: 10,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': api,
      '/socket.io': { target: api, ws: true },
    },
  },
});
