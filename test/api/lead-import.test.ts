// CSV lead import over HTTP on real PostgreSQL and Temporal: every row answers with its line (created,
// invalid with the reason, or a duplicate of an earlier line), duplicates among leads and clients are named,
// a dry run stores nothing, the same import sent again with its Idempotency-Key creates nothing twice, and
// each created lead has its client-development case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';
import { MIXED_LEADS_CSV } from '../support/crm';

let stack: Stack;
let agent1: ApiClient;
let admin: ApiClient;

beforeAll(async () => {
  stack = await startStack();
  [agent1, admin] = await Promise.all(['agent1@example.com', 'admin@example.com'].map((e) => ApiClient.login(stack.url, e)));
}, 180_000);
afterAll(() => stack?.stop());

const CSV = MIXED_LEADS_CSV;

const run = (body: Record<string, unknown>, headers?: Record<string, string>) => agent1.post('/api/leads/import', body, headers);

describe('POST /api/leads/import', () => {
  it('dry run: reports every row with its line and reason, and stores nothing', async () => {
    const res = await run({ csv: CSV, dryRun: true, source: 'expo-2026' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const byLine = Object.fromEntries((res.body.rows as { line: number }[]).map((r) => [r.line, r]));
    expect(byLine[2]).toMatchObject({ status: 'would_create', errors: [] });
    expect(byLine[3]).toMatchObject({ status: 'would_create' });
    expect(byLine[4]).toMatchObject({ status: 'invalid', errors: [expect.objectContaining({ field: 'firstName' })] });
    expect(byLine[5]).toMatchObject({ status: 'invalid', errors: [expect.objectContaining({ field: 'phone' })] });
    // the same e-mail in another letter case, the same phone in another format: duplicates of line 2
    expect(byLine[6]).toMatchObject({ status: 'duplicate_in_file', sameAsLine: 2 });
    expect(byLine[7]).toMatchObject({ status: 'duplicate_in_file', sameAsLine: 2 });
    // an unknown temperature is refused, naming the field
    expect(byLine[8]).toMatchObject({ status: 'invalid', errors: [expect.objectContaining({ field: 'temperature' })] });
    expect(byLine[10]).toMatchObject({ status: 'would_create' });
    expect(res.body.summary).toEqual({ total: 8, created: 0, invalid: 3, duplicateInFile: 2, withDuplicates: 0 });
    expect((await stack.db.pool.query(`SELECT count(*)::int AS n FROM leads WHERE source = 'expo-2026'`)).rows[0].n).toBe(0);
  });

  it('creates the valid rows with their cases, names duplicates among clients, and creates nothing twice on a repeat', async () => {
    const csv = [
      'firstName,lastName,email,phone,country,source',
      'Maya,Okafor,maya.okafor@example.org,07700 900411,GB,expo',
      'Tom,Reyes,tom.reyes@example.org,,GB,expo',
      'Olly,Client,c-1001@clients.example.com,,GB,expo',
      ',Broken,broken@example.org,,GB,expo',
    ].join('\n');
    const headers = { 'Idempotency-Key': 'expo-upload-1' };
    const res = await run({ csv }, headers);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [maya, tom, olly, broken] = res.body.rows;
    expect(maya).toMatchObject({ line: 2, status: 'created', developmentCase: { action: 'started', caseId: maya.id } });
    expect(tom).toMatchObject({ status: 'created', developmentCase: { action: 'started' } });
    // an existing client's e-mail: created, the duplicate named, and no case (the account manager hears of it in the queue)
    expect(olly).toMatchObject({
      status: 'created',
      duplicates: expect.arrayContaining([expect.objectContaining({ kind: 'client', id: 'c-1001', reason: 'email' })]),
      developmentCase: { action: 'none' },
    });
    expect(broken).toMatchObject({ status: 'invalid', id: null });
    expect(res.body.summary).toMatchObject({ total: 4, created: 3, invalid: 1, withDuplicates: 1 });

    // stored as POST /api/leads stores a lead: phone read, the importer's branch, the assignment rules applied
    const {
      rows: [stored],
    } = await stack.db.pool.query(`SELECT first_name, phone_e164, source, branch_id FROM leads WHERE id = $1`, [maya.id]);
    expect(stored).toEqual({ first_name: 'Maya', phone_e164: '+447700900411', source: 'expo', branch_id: 'london' });
    const started = await stack.temporal.workflow.getHandle(`client-development-${maya.id}`).describe();
    expect(started.status.name).toBe('RUNNING');

    const again = await run({ csv }, headers);
    expect(again.body.rows.map((r: { status: string; id: string | null }) => [r.status, r.id])).toEqual([
      ['exists', maya.id],
      ['exists', tom.id],
      ['exists', olly.id],
      ['invalid', null],
    ]);
    expect((await stack.db.pool.query(`SELECT count(*)::int AS n FROM leads WHERE source = 'expo'`)).rows[0].n).toBe(3);
    const audited = await stack.db.pool.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'lead_created' AND actor_id = 'u-agent1'`,
    );
    expect(audited.rows[0].n).toBe(3);
  });

  it('refuses a file it cannot use as a whole, naming why, and people who do not edit clients', async () => {
    const noName = await run({ csv: 'email,source\na@example.org,web' });
    expect(noName.status).toBe(400);
    expect(JSON.stringify(noName.body)).toMatch(/firstName/);
    const unknown = await run({ csv: 'firstName,lastName,source,shoe size\nA,B,web,42' });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toMatch(/shoe size/);
    const unclosed = await run({ csv: 'firstName,lastName,source\n"A,B,web' });
    expect(unclosed.status).toBe(400);
    const tooMany = await run({ csv: ['firstName,lastName,source', ...Array.from({ length: 1001 }, (_, i) => `A${i},B,web`)].join('\n') });
    expect(tooMany.status).toBe(400);
    expect((await admin.post('/api/leads/import', { csv: 'firstName,lastName,source\nA,B,web' })).status).toBe(403);
  });
});
