// The net under every handler (platform/process.ts): an unhandled rejection is logged and the process
// goes on; an uncaught exception is logged and the process exits 1 for its supervisor to restart it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/paths';

const run = (body: string) =>
  spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `
    import { installCrashPolicy } from ${JSON.stringify(path.join(repoRoot, 'platform/process.ts'))};
    installCrashPolicy({ error: (msg, err) => console.error(msg, err instanceof Error ? err.message : err) });
    ${body}
  `,
    ],
    { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 },
  );

describe('crash policy', () => {
  it('logs an unhandled rejection and keeps running', () => {
    const r = run(
      `Promise.reject(new Error('lost in a handler')); setTimeout(() => { console.log('still serving'); process.exit(0); }, 100);`,
    );
    expect(r.stderr).toContain('unhandled promise rejection');
    expect(r.stderr).toContain('lost in a handler');
    expect(r.stdout).toContain('still serving');
    expect(r.status).toBe(0);
  });

  it('logs an uncaught exception and exits with status 1', () => {
    const r = run(`setTimeout(() => { throw new Error('state unknown'); }, 10); setTimeout(() => console.log('should not run'), 5000);`);
    expect(r.stderr).toContain('uncaught exception');
    expect(r.stderr).toContain('state unknown');
    expect(r.stdout).not.toContain('should not run');
    expect(r.status).toBe(1);
  });
});
