import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';
import { REFERENCE_SANCTIONS_DIR } from '../../platform/screening/parse/reference';

// Sanctions list versions over HTTP: GET /api/screening/lists and POST /api/screening/lists (the issuers'
// files one after the other in the body, names and sizes in the query), with the CLI's detection and import.

let stack: Stack;
let admin: ApiClient;
let compliance: ApiClient;
let kyc1: ApiClient;

const file = (name: string) => ({ name, content: readFileSync(path.join(REFERENCE_SANCTIONS_DIR, name)) });

const upload = (client: ApiClient, files: { name: string; content: Buffer }[], over: { query?: string; type?: string } = {}) =>
  fetch(
    `${stack.url}/api/screening/lists?${over.query ?? files.map((f) => `name=${encodeURIComponent(f.name)}&size=${f.content.length}`).join('&')}`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${client.bearer}`, 'content-type': over.type ?? 'application/octet-stream' },
      body: Buffer.concat(files.map((f) => f.content)),
    },
  ).then(async (res) => ({ status: res.status, body: await res.json() }));

beforeAll(async () => {
  stack = await startStack();
  [admin, compliance, kyc1] = await Promise.all(['admin', 'compliance', 'kyc1'].map((u) => ApiClient.login(stack.url, `${u}@example.com`)));
});
afterAll(() => stack?.stop());

describe('sanctions lists over HTTP', () => {
  it(
    'lists nothing before an import; a compliance manager imports OFAC consolidated and the UN list in one upload',
    { timeout: 120_000 },
    async () => {
      expect((await kyc1.get('/api/screening/lists')).body).toEqual([]);
      const res = await upload(compliance, [
        file('cons_prim.csv'),
        file('cons_alt.csv'),
        file('cons_add.csv'),
        file('UN_consolidated.xml'),
      ]);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.imported.map((i: { source: string }) => i.source).sort()).toEqual(['ofac_cons', 'un_sc']);
      expect(res.body.imported.every((i: { created: boolean; entryCount: number }) => i.created && i.entryCount > 100)).toBe(true);

      const versions = (await kyc1.get('/api/screening/lists')).body;
      expect(versions.map((v: { source: string; current: boolean }) => [v.source, v.current]).sort()).toEqual([
        ['ofac_cons', true],
        ['un_sc', true],
      ]);
      const un = versions.find((v: { source: string }) => v.source === 'un_sc');
      expect(un.files).toEqual([expect.objectContaining({ name: 'UN_consolidated.xml' })]);
      expect(un.publishedAt).not.toBeNull();
      const { rows } = await stack.db.pool.query(`SELECT actor_id, data FROM audit_events WHERE action = 'screening_lists_import'`);
      expect(rows).toHaveLength(1);
      expect(rows[0].actor_id).toBe('u-compliance');

      // screening searches the new lists at once
      const search = await kyc1.post('/api/screening/search', { name: 'nobody in particular' });
      expect(search.body.versions.map((v: { source: string }) => v.source).sort()).toEqual(['ofac_cons', 'un_sc']);
    },
  );

  it('the same files again write nothing', { timeout: 120_000 }, async () => {
    const res = await upload(admin, [file('UN_consolidated.xml')]);
    expect(res.status).toBe(201);
    expect(res.body.imported).toEqual([expect.objectContaining({ source: 'un_sc', created: false })]);
    expect((await admin.get('/api/screening/lists')).body).toHaveLength(2);
  });

  it('refuses what is not a list, sizes that do not add up, another content type, and other roles', async () => {
    const notAList = await upload(admin, [{ name: 'notes.csv', content: Buffer.from('a,b,c\nd,e,f\n') }]);
    expect(notAList.status).toBe(400);
    expect(notAList.body.error.fields[0]).toMatchObject({ path: 'body', message: expect.stringContaining('notes.csv') });

    const ofacWithoutPrimary = await upload(admin, [file('cons_alt.csv')]);
    expect(ofacWithoutPrimary.status).toBe(400);
    expect(ofacWithoutPrimary.body.error.fields[0].message).toMatch(/primary/);

    const wrongSize = await upload(admin, [file('cons_alt.csv')], { query: 'name=cons_alt.csv&size=10' });
    expect(wrongSize.status).toBe(400);
    expect(wrongSize.body.error.fields[0].path).toBe('body');

    const unpaired = await upload(admin, [file('cons_alt.csv')], { query: 'name=a.csv&name=b.csv&size=10' });
    expect(unpaired.status).toBe(400);
    expect(unpaired.body.error.fields[0].path).toBe('query.size');

    expect((await upload(admin, [file('cons_alt.csv')], { type: 'text/csv' })).status).toBe(400);
    expect((await upload(kyc1, [file('UN_consolidated.xml')])).status).toBe(403);
    const agent = await ApiClient.login(stack.url, 'agent1@example.com');
    expect((await agent.get('/api/screening/lists')).status).toBe(403);
  });
});
