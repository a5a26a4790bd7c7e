import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';
import { REFERENCE_SANCTIONS_DIR } from '../../platform/screening/parse/reference';
import { parseUn } from '../../platform/screening/parse/un';
import { importList } from '../../platform/screening/store';
import type { SanctionEntry } from '../../platform/screening/types';

// The screening endpoints over the UN Security Council list (the issuer's real XML) in a real database.
const DIR = REFERENCE_SANCTIONS_DIR;

let stack: Stack;
let admin: ApiClient;
let people: SanctionEntry[];

beforeAll(async () => {
  stack = await startStack();
  const list = parseUn({ name: 'UN_consolidated.xml', content: readFileSync(path.join(DIR, 'UN_consolidated.xml')) });
  await importList(stack.db.prisma, list);
  people = list.entries.filter((e) => e.schema === 'Person' && e.name.split(/\s+/).length >= 3);
  admin = await ApiClient.login(stack.url, 'admin@example.com');
});
afterAll(() => stack?.stop());

describe('POST /api/screening/search', () => {
  it('finds a listed person from a reordered, lower-case form of the name and explains the match', async () => {
    const entry = people[7];
    const reordered = entry.name.split(/\s+/).reverse().join(' ').toLowerCase();
    const res = await admin.post('/api/screening/search', { name: reordered, schema: 'Person' });
    expect(res.status).toBe(200);
    expect(res.body.versions.map((v: { source: string }) => v.source)).toEqual(['un_sc']);
    expect(res.body.hits[0]).toMatchObject({ list: 'un_sc', entryId: entry.entryId });
    expect(res.body.hits[0].score).toBeGreaterThanOrEqual(res.body.threshold);
    expect(res.body.hits[0].explanation.tokens.length).toBeGreaterThan(1);
    const { rows } = await stack.db.pool.query(`SELECT data FROM audit_events WHERE action = 'screening_search' ORDER BY id DESC LIMIT 1`);
    expect(rows[0].data.query.name).toBe(reordered);
  });

  it('returns no hits above the threshold for an unlisted name', async () => {
    const res = await admin.post('/api/screening/search', { name: 'Penelope Marchbanks-Whitfield', schema: 'Person' });
    expect(res.status).toBe(200);
    expect(res.body.hits).toEqual([]);
  });

  it('rejects bad input with field errors and keeps agents out', async () => {
    const bad = await admin.post('/api/screening/search', { name: '', schema: 'Ship', birthDate: '12/03/1960' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.birthDate', 'body.name', 'body.schema']);
    const agent = await ApiClient.login(stack.url, 'agent1@example.com');
    expect((await agent.post('/api/screening/search', { name: 'x' })).status).toBe(403);
    expect((await agent.post('/api/screening/compare', { name1: 'a', name2: 'b', schema: 'Person' })).status).toBe(403);
  });
});

describe('POST /api/screening/compare', () => {
  it('scores the same name in other letter case as 1 and a different listed person lower', async () => {
    const entry = people[3];
    const same = await admin.post('/api/screening/compare', { name1: entry.name, name2: entry.name.toUpperCase(), schema: 'Person' });
    const other = await admin.post('/api/screening/compare', {
      name1: entry.name,
      name2: people.find((p) => p !== entry && p.name[0] !== entry.name[0])!.name,
      schema: 'Person',
    });
    expect(same.body.score).toBe(1);
    expect(other.body.score).toBeLessThan(same.body.score);
    expect(same.body.explanation.summary).toEqual(expect.any(String));
  });
});
