// `broker-crm import` against the test stack's API: a dry run and an import with a progress bar, the rejects
// file, the exit codes, and one sentence when the job cannot start.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { DEMO_PASSWORD } from '../../prisma/seed';

const repo = path.resolve(__dirname, '../..');
const node = existsSync('/usr/bin/node') ? '/usr/bin/node' : process.execPath;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
}, 180_000);
afterAll(() => stack?.stop());

/** Runs the CLI without blocking this process (the API it talks to runs here). */
function cli(dir: string, env: Record<string, string>, ...args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(node, [path.join(repo, 'scripts/broker-crm.mjs'), 'import', ...args], {
      cwd: dir,
      env: { ...process.env, BROKER_CRM_URL: stack.url, ...env },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    child.on('exit', (status) => resolve({ status, stderr }));
  });
}

const agent = { BROKER_CRM_EMAIL: 'agent1@example.com', BROKER_CRM_PASSWORD: DEMO_PASSWORD };

describe('broker-crm import', () => {
  it('dry run, then the import: progress, summary, rejects file and exit codes', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'import-cli-'));
    writeFileSync(
      path.join(dir, 'leads.csv'),
      [
        'Vorname,Nachname,Mail,country',
        'Ada,Quill,ada.quill@example.org,GB',
        ',Nobody,nobody@example.org,GB',
        'Bea,Reed,bea.reed@example.org,GB',
      ].join('\n'),
    );
    const mapping = 'Vorname=firstName,Nachname=lastName,Mail=email';
    const dry = await cli(dir, agent, 'leads', 'leads.csv', '--dry-run', '--mapping', mapping, '--source', 'cli', '--rejects', 'dry.csv');
    expect(dry.stderr).toContain('dry run: 3 rows, 2 valid, 1 rejected');
    expect(dry.status).toBe(3);
    const rejects = readFileSync(path.join(dir, 'dry.csv'), 'utf8').split('\n');
    expect(rejects[0]).toBe('line,field,reason,Vorname,Nachname,Mail,country');
    expect(rejects[1]).toMatch(/^3,firstName,.*,,Nobody,nobody@example.org,GB$/);
    expect((await stack.db.pool.query(`SELECT count(*)::int AS n FROM leads WHERE source = 'cli'`)).rows[0].n).toBe(0);

    const run = await cli(dir, agent, 'leads', 'leads.csv', '--mapping', mapping, '--source', 'cli');
    expect(run.stderr).toMatch(/importing leads \[.*\] 100% \| 3\/3 rows/);
    expect(run.stderr).toContain('import done: 3 rows, 2 applied, 1 rejected');
    expect(run.status).toBe(3);
    // the default rejects file: beside the input
    expect(readFileSync(path.join(dir, 'leads.rejects.csv'), 'utf8')).toContain('Nobody');
    expect((await stack.db.pool.query(`SELECT count(*)::int AS n FROM leads WHERE source = 'cli'`)).rows[0].n).toBe(2);
  }, 120_000);

  it('exits non-zero with one sentence when the job cannot start', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'import-cli-'));
    writeFileSync(path.join(dir, 'c.csv'), 'id,firstName,lastName\nx-1,A,B');
    const refused = await cli(dir, agent, 'clients', 'c.csv');
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim()).toBe('broker-crm: the import was refused: 403 Your role does not import clients');
    const noUser = await cli(dir, {}, 'clients', 'c.csv');
    expect(noUser.status).toBe(2);
    expect(noUser.stderr).toContain('set BROKER_CRM_TOKEN, or BROKER_CRM_EMAIL and BROKER_CRM_PASSWORD');
  }, 60_000);
});
