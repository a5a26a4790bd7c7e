// Client search, the client 360, the CSV export, edits with audit, interactions, hand-over, and client-data
// scopes with field masking, on a real PostgreSQL (no workflows are started: the worker idles).
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';
import { addAccount, addClient, addDocument, addUser } from '../support/crm';

let stack: Stack;
let agent1: ApiClient;
let agent2: ApiClient;
let supervisor: ApiClient;
let branchManager: ApiClient;
let kyc1: ApiClient;
let apexPartner: ApiClient;
let northPartner: ApiClient;
let webforms: ApiClient;
let entityManager: ApiClient;
let admin: ApiClient;

const search = async (client: ApiClient, q: string) => {
  const res = await client.get(`/api/clients?filter=${encodeURIComponent(JSON.stringify({ q }))}`);
  expect(res.status).toBe(200);
  return res.body as { id: string; name: string; matched: string[]; score: number }[];
};
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

beforeAll(async () => {
  stack = await startStack();
  const { pool } = stack.db;
  await addUser(pool, { id: 'u-entity', email: 'entity@example.com', roles: ['entity_manager'], branchId: 'london' });
  await addClient(pool, {
    id: 'c-ru-1',
    firstName: 'Иван',
    lastName: 'Петров',
    dateOfBirth: '1980-05-05',
    country: 'RU',
    branchId: 'london',
    accountManagerId: 'u-agent1',
    nationalId: '4510 987654',
    contacts: [
      { kind: 'email', value: 'Ivan.Petrov@Example.RU' },
      { kind: 'phone', value: '8 (912) 345-67-89' },
    ],
  });
  await addClient(pool, {
    id: 'c-cn-1',
    firstName: '建国',
    lastName: '王',
    country: 'CN',
    branchId: 'shanghai',
    accountManagerId: 'u-agent-sh',
    contacts: [{ kind: 'phone', value: '+86 138 1111 2222' }],
  });
  await addClient(pool, {
    id: 'c-gb-1',
    firstName: 'Charlotte',
    lastName: 'Whitmore',
    country: 'GB',
    branchId: 'london',
    accountManagerId: 'u-agent2',
    introducingBrokerId: 'ib-apex-leeds',
    contacts: [{ kind: 'phone', value: '020 7946 0999' }],
  });
  await addAccount(pool, { id: 'acc-ru-1', clientId: 'c-ru-1', login: '77001234' });
  await addDocument(pool, { clientId: 'c-gb-1', number: 'P 123-456-789' });
  [agent1, agent2, supervisor, branchManager, kyc1, apexPartner, northPartner, webforms, entityManager, admin] = await Promise.all(
    [
      'agent1@example.com',
      'agent2@example.com',
      'supervisor@example.com',
      'branch.manager@example.com',
      'kyc1@example.com',
      'apex.partner@example.com',
      'north.partner@example.com',
      'webforms@example.com',
      'entity@example.com',
      'admin@example.com',
    ].map((e) => ApiClient.login(stack.url, e)),
  );
});
afterAll(() => stack?.stop());

describe('client search', () => {
  it('finds a client by name fuzzily and in any script', async () => {
    expect(ids(await search(supervisor, 'Oliver Benett'))).toContain('c-1001');
    // words in any order, a word being typed, a misspelt word
    expect(ids(await search(supervisor, 'whitmore charlotte'))).toEqual(['c-gb-1']);
    expect(ids(await search(supervisor, 'Charlotte Whitm'))).toEqual(['c-gb-1']);
    expect(ids(await search(supervisor, 'Charlote Witmore'))).toEqual(['c-gb-1']);
    expect(ids(await search(supervisor, 'Ivan Petrov'))).toEqual(['c-ru-1']);
    expect(ids(await search(supervisor, 'Петров'))).toEqual(['c-ru-1']);
    // a Latin name stored, searched in Cyrillic
    expect(ids(await search(supervisor, 'Дмитрий Волков'))).toContain('c-1004');
    const compliance = await ApiClient.login(stack.url, 'compliance@example.com');
    expect(ids(await search(compliance, 'Wang Jianguo'))).toContain('c-cn-1');
    expect(ids(await search(compliance, '王建国'))).toContain('c-cn-1');
    expect(ids(await search(compliance, '王芳'))).toContain('c-2001');
    const [hit] = await search(supervisor, 'Ivan Petrov');
    expect(hit.matched).toEqual(['name']);
  });

  it('finds by e-mail in any letter case', async () => {
    const rows = await search(supervisor, 'IVAN.PETROV@example.ru');
    expect(ids(rows)).toEqual(['c-ru-1']);
    expect(rows[0].matched).toEqual(['email']);
  });

  it('finds by phone in national, international and 00 formats', async () => {
    for (const q of ['020 7946 0018', '+44 20 7946 0018', '0044 (0)20-7946-0018'.replace('(0)', ''), '+442079460018']) {
      expect(ids(await search(supervisor, q)), q).toContain('c-1001');
    }
    // a Russian number stored from its national format with trunk prefix 8, found in international format
    expect(ids(await search(supervisor, '+7 912 345 67 89'))).toEqual(['c-ru-1']);
    expect(ids(await search(supervisor, '9123456789'))).toEqual(['c-ru-1']);
  });

  it('finds by trading account login and by document number (roles that see documents)', async () => {
    const byLogin = await search(supervisor, '77001234');
    expect(ids(byLogin)).toEqual(['c-ru-1']);
    expect(byLogin[0].matched).toContain('login');
    expect(ids(await search(supervisor, 'p123456789'))).toEqual(['c-gb-1']);
    expect(ids(await search(supervisor, '4510987654'))).toEqual(['c-ru-1']);
    // an agent sees no documents or national ids, so cannot search by them either
    expect(ids(await search(agent2, 'P123456789'))).toEqual([]);
  });

  it('keeps search within the scope', async () => {
    expect(ids(await search(agent1, 'Charlotte Whitmore'))).toEqual([]);
    expect(ids(await search(agent2, 'Charlotte Whitmore'))).toEqual(['c-gb-1']);
    expect(ids(await search(supervisor, '王建国'))).toEqual([]);
  });
});

describe('scopes', () => {
  const list = async (client: ApiClient) => {
    const res = await client.get('/api/clients?range=[0,199]');
    return { status: res.status, ids: res.status === 200 ? ids(res.body).sort() : [] };
  };

  it('an agent sees only the clients they manage', async () => {
    const { ids: mine } = await list(agent2);
    expect(mine).toEqual(['c-1006', 'c-1007', 'c-1008', 'c-gb-1']);
    expect((await agent2.get('/api/clients/c-1001')).status).toBe(404);
    expect((await agent1.get('/api/clients/c-1001')).status).toBe(200);
    expect((await agent1.get('/api/clients/c-1001/transactions')).status).toBe(200);
    expect((await agent2.get('/api/clients/c-1001/transactions')).status).toBe(404);
    expect((await agent2.get('/api/clients/c-1001/timeline')).status).toBe(404);
  });

  it('a branch manager and a supervisor see the branch, an entity manager the legal entity, nobody the other branch', async () => {
    for (const who of [branchManager, supervisor, kyc1, entityManager]) {
      const { ids: seen } = await list(who);
      expect(seen).toContain('c-1001');
      expect(seen).toContain('c-gb-1');
      expect(seen.some((id) => id.startsWith('c-2') || id === 'c-cn-1')).toBe(false);
      expect((await who.get('/api/clients/c-2001')).status).toBe(404);
    }
  });

  it('an introducing broker sees its own and its sub-IBs’ clients, and nothing else', async () => {
    expect((await list(apexPartner)).ids).toEqual(['c-1001', 'c-1002', 'c-1004', 'c-gb-1']);
    expect((await list(northPartner)).ids).toEqual(['c-1001', 'c-1002', 'c-gb-1']);
    expect((await northPartner.get('/api/clients/c-1004')).status).toBe(404);
    expect((await northPartner.get('/api/clients/c-1002')).status).toBe(200);
    expect((await northPartner.patch('/api/clients/c-1002', { tier: 'gold' })).status).toBe(403);
  });

  it('an integration and an administrator read no client data', async () => {
    expect((await webforms.get('/api/clients')).status).toBe(403);
    expect((await webforms.get('/api/clients/c-1001')).status).toBe(403);
    expect((await admin.get('/api/clients')).status).toBe(403);
  });
});

describe('client export (CSV)', () => {
  const exportCsv = async (client: ApiClient, query: Record<string, unknown> = {}) => {
    const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)])).toString();
    const res = await client.get(`/api/clients/export.csv${qs ? `?${qs}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?clients-\d{4}-\d{2}-\d{2}\.csv"?$/);
    // fetch's text() drops the byte-order mark (the browser test reads it in the downloaded file)
    const text = (res.body as string).replace(/^\ufeff/, '');
    expect(text.startsWith('id,name,type,')).toBe(true);
    expect(text).toContain('\r\n');
    return parseCsv(text, { columns: true }) as Record<string, string>[];
  };

  it('holds the caller’s clients only, national ids masked for an agent, and is audited', async () => {
    const rows = await exportCsv(agent2);
    expect(rows.map((r) => r.id)).toEqual(['c-gb-1', 'c-1007', 'c-1008', 'c-1006']); // by name
    expect(rows.find((r) => r.id === 'c-1007')).toMatchObject({
      name: 'Isabella Rossi',
      nationalId: '*************01X',
      branch: 'London',
      accountManager: expect.any(String),
    });
    expect(rows.every((r) => !('documents' in r))).toBe(true);
    const audit = await stack.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'clients_exported', actorId: 'u-agent2' },
      orderBy: { id: 'desc' },
    });
    expect(audit.data).toMatchObject({ format: 'csv', rows: 4, filter: {}, sort: ['name', 'ASC'], masked: ['nationalId'] });
  });

  it('takes the list’s filters and sort, or its search; national ids as they are for a branch manager', async () => {
    const filter = { tier: 'gold' };
    const sort = ['name', 'DESC'];
    const listed = await branchManager.get(
      `/api/clients?${new URLSearchParams({ filter: JSON.stringify(filter), sort: JSON.stringify(sort), range: '[0,199]' })}`,
    );
    const rows = await exportCsv(branchManager, { filter, sort });
    expect(rows.map((r) => r.id)).toEqual(ids(listed.body));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.tier === 'gold' && r.branchId === 'london')).toBe(true);
    expect(rows.find((r) => r.id === 'c-1001')?.nationalId).toBe('QQ123456C');
    // a search exports its hits; another branch's client is not among them
    expect((await exportCsv(branchManager, { filter: { q: 'Петров' } })).map((r) => r.id)).toEqual(['c-ru-1']);
    expect(await exportCsv(branchManager, { filter: { q: '王建国' } })).toEqual([]);
  });

  it('defuses cells a spreadsheet would run as formulas', async () => {
    await stack.db.pool.query(`UPDATE clients SET segment = '=1+2', tags = ARRAY['@x', 'plain'] WHERE id = 'c-1008'`);
    const row = (await exportCsv(agent2, { filter: { id: ['c-1008'] } }))[0];
    expect(row).toMatchObject({ segment: "'=1+2", tags: "'@x;plain" });
  });

  it('refuses roles without client data, and filters it does not know', async () => {
    expect((await webforms.get('/api/clients/export.csv')).status).toBe(403);
    expect((await admin.get('/api/clients/export.csv')).status).toBe(403);
    expect((await agent1.get(`/api/clients/export.csv?filter=${encodeURIComponent('{"nope":1}')}`)).status).toBe(400);
  });
});

describe('client 360', () => {
  it('shows identity, contacts, accounts, transactions, trading summary, related persons and timeline', async () => {
    const res = await supervisor.get('/api/clients/c-1001');
    expect(res.status).toBe(200);
    const c = res.body;
    expect(c).toMatchObject({
      id: 'c-1001',
      name: 'Oliver Bennett',
      firstName: 'Oliver',
      lastName: 'Bennett',
      nationalId: 'QQ123456C',
      tier: 'gold',
      branch: { id: 'london', name: 'London' },
      accountManager: { id: 'u-agent1', name: 'Alice Agent' },
      introducingBroker: { id: 'ib-apex-north' },
      kyc: { status: 'approved' },
      masked: [],
    });
    expect(c.contacts.map((x: { normalized: string }) => x.normalized)).toEqual([
      'c-1001@clients.example.com',
      '+442079460018',
      '+447700900461',
    ]);
    expect(c.accounts.map((a: { login: string }) => a.login)).toEqual(['5001001', '5001002']);
    expect(c.transactions.total).toBeGreaterThan(20);
    expect(c.transactions.items).toHaveLength(20);
    expect(c.tradingSummary.byCurrency.map((r: { currency: string }) => r.currency)).toEqual(['GBP', 'USD']);
    expect(Number(c.tradingSummary.byCurrency[0].volume)).toBeGreaterThan(0);
    expect(c.tradingSummary.lastTradeAt).toMatch(/^2026-/);
    expect(c.timeline.map((t: { type: string }) => t.type)).toEqual(['email', 'call']);
    expect(Array.isArray(c.documents)).toBe(true);

    const corporate = (await supervisor.get('/api/clients/c-1003')).body;
    expect(
      corporate.relatedPersons
        .filter((p: { role: string }) => p.role === 'beneficial_owner')
        .map((p: { sharePercent: number }) => p.sharePercent),
    ).toEqual([60, 40]);
  });

  it('masks the national id and hides documents from an agent', async () => {
    const c = (await agent1.get('/api/clients/c-1001')).body;
    expect(c.nationalId).toBe('******56C');
    expect(c.documents).toBeNull();
    expect(c.masked).toEqual(['nationalId', 'documents']);
    expect((await apexPartner.get('/api/clients/c-1001')).body.nationalId).toBe('******56C');
  });

  it('pages transactions with a filter and a total', async () => {
    const res = await agent1.get(
      `/api/clients/c-1001/transactions?range=[0,3]&filter=${encodeURIComponent(JSON.stringify({ type: 'deposit' }))}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(4);
    expect(res.body.every((t: { type: string }) => t.type === 'deposit')).toBe(true);
    expect(res.headers.get('content-range')).toBe('transactions 0-3/8');
  });

  it('filters transactions by type, status and booked from/to (days inclusive); bad input is a 400 naming the field', async () => {
    const list = async (filter: object) => {
      const res = await agent1.get(`/api/clients/c-1001/transactions?range=[0,99]&filter=${encodeURIComponent(JSON.stringify(filter))}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body as { type: string; status: string; bookedAt: string }[];
    };
    const { rows } = await stack.db.pool.query<{ type: string; status: string; day: string; n: number }>(
      `SELECT type, status, to_char(booked_at, 'YYYY-MM-DD') AS day, count(*)::int AS n FROM transactions WHERE client_id = 'c-1001'
        GROUP BY 1, 2, 3 ORDER BY 3`,
    );
    const count = (p: (r: (typeof rows)[number]) => boolean) => rows.filter(p).reduce((a, r) => a + r.n, 0);
    expect(await list({ type: 'trade', status: 'completed' })).toHaveLength(count((r) => r.type === 'trade' && r.status === 'completed'));
    expect(await list({ status: 'failed' })).toHaveLength(count((r) => r.status === 'failed'));
    // a day from and to: that whole day; a range of days: both ends included
    const days = [...new Set(rows.map((r) => r.day))];
    const [first, second, third] = [days[0], days[1], days[2]];
    const one = await list({ from: second, to: second });
    expect(one).toHaveLength(count((r) => r.day === second));
    expect(one.every((t) => t.bookedAt.startsWith(second))).toBe(true);
    expect(await list({ from: first, to: third })).toHaveLength(count((r) => r.day >= first && r.day <= third));
    expect(await list({ type: 'deposit', from: `${second}T00:00:00+00:00` })).toHaveLength(
      count((r) => r.type === 'deposit' && r.day >= second),
    );
    const bad = async (filter: object, field: string) => {
      const res = await agent1.get(`/api/clients/c-1001/transactions?filter=${encodeURIComponent(JSON.stringify(filter))}`);
      expect(res.status, JSON.stringify(filter)).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    };
    await bad({ type: 'gift' }, 'query.filter.type');
    await bad({ status: 'lost' }, 'query.filter.status');
    await bad({ from: '2026-13-01' }, 'query.filter.from');
    await bad({ to: 'yesterday' }, 'query.filter.to');
    await bad({ from: third, to: first }, 'query.filter.to');
  });

  it('merges case events into the timeline for those who may see the case', async () => {
    await stack.db.pool.query(
      `INSERT INTO cases (id, type, workflow_id, client_id, branch_id, team_id, reference, status, state, opened_at)
       VALUES ('case-x', 'kyc_review', 'kyc-review-case-x', 'c-1002', 'london', 'london-kyc', 'KYC-2026-999999', 'open', 'collect_documents', now())`,
    );
    await stack.db.pool.query(
      `INSERT INTO case_events (case_id, key, type, actor_id, at, data, hash) VALUES ('case-x', 'k1', 'case_opened', 'u-kyc1', now() AT TIME ZONE 'UTC', '{}', 'h')`,
    );
    const forKyc = (await kyc1.get('/api/clients/c-1002/timeline')).body;
    expect(forKyc[0]).toMatchObject({
      source: 'case',
      type: 'case_opened',
      caseId: 'case-x',
      reference: 'KYC-2026-999999',
      actor: { id: 'u-kyc1' },
    });
    const c = (await kyc1.get('/api/clients/c-1002')).body;
    expect(c.openCases).toEqual([expect.objectContaining({ id: 'case-x', caseType: 'kyc_review' })]);
    // an IB sees the client but has no role in KYC reviews: no case events
    expect((await northPartner.get('/api/clients/c-1002/timeline')).body.some((t: { source: string }) => t.source === 'case')).toBe(false);
  });

  it('pages the timeline by any ISO offset; a time PostgreSQL cannot take is a 400 on query.before, not a 500 (found by schemathesis)', async () => {
    const at = (before: string) => kyc1.get(`/api/clients/c-1002/timeline?before=${encodeURIComponent(before)}`);
    expect((await at('2100-01-01T09:46:33.273650+15:30')).status).toBe(200);
    expect((await at('2100-01-01T09:46:33.273650+20:18')).status).toBe(200);
    const old = await at('1002-01-01T09:46:33+20:18');
    expect(old).toMatchObject({ status: 400, body: { error: { fields: [{ path: 'query.before' }] } } });
    const born = await kyc1.patch('/api/clients/c-1002', { dateOfBirth: '0000-01-01' });
    expect(born).toMatchObject({ status: 400, body: { error: { fields: [{ path: 'body.dateOfBirth' }] } } });
  });
});

describe('editing a client', () => {
  it('validates, normalises contacts, and audits before and after', async () => {
    const bad = await agent1.patch('/api/clients/c-1002', { tier: 'diamond', contacts: [{ kind: 'phone', value: 'call me' }] });
    expect(bad.status).toBe(400);
    const badPhone = await agent1.patch('/api/clients/c-1002', { contacts: [{ kind: 'phone', value: '12' }] });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error.fields[0].path).toBe('body.contacts.0.value');

    const res = await agent1.patch('/api/clients/c-1002', {
      firstName: 'Amelia Jane',
      tags: ['vip', 'vip', 'newsletter'],
      contacts: [
        { kind: 'email', value: 'Amelia@Example.com' },
        { kind: 'phone', value: '07700 900123' },
        { kind: 'phone', value: '+33 1 23 45 67 89', primary: true },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Amelia Jane Clarke',
      tags: ['vip', 'newsletter'],
      email: 'amelia@example.com',
      phone: '+33123456789',
    });
    const audit = await stack.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'client_updated', entityId: 'c-1002' },
      orderBy: { id: 'desc' },
    });
    const data = audit.data as { fields: string[]; before: Record<string, unknown>; after: Record<string, unknown> };
    expect(data.fields.sort()).toEqual(['contacts', 'firstName', 'name', 'tags']);
    expect(data.before).toMatchObject({ firstName: 'Amelia', name: 'Amelia Clarke', tags: [] });
    expect(data.after).toMatchObject({ firstName: 'Amelia Jane', name: 'Amelia Jane Clarke', tags: ['vip', 'newsletter'] });
    expect(audit.actorId).toBe('u-agent1');
    // the new name is searchable and the edit is on the timeline
    expect(ids(await search(agent1, 'Amelia Jane Clarke'))).toEqual(['c-1002']);
    expect(ids(await search(agent1, '+33 1 23 45 67 89'))).toEqual(['c-1002']);
    const timeline = (await agent1.get('/api/clients/c-1002/timeline')).body;
    expect(timeline[0]).toMatchObject({ source: 'audit', type: 'client_updated', data: { fields: expect.arrayContaining(['tags']) } });
  });

  it('keeps owner fields to supervisors and national ids to roles that see them', async () => {
    expect((await agent1.patch('/api/clients/c-1002', { accountManagerId: 'u-agent2' })).status).toBe(403);
    expect((await agent1.patch('/api/clients/c-1002', { nationalId: 'X1' })).status).toBe(403);
    const moved = await supervisor.patch('/api/clients/c-1002', { nationalId: 'QQ111111B', introducingBrokerId: null });
    expect(moved.status).toBe(200);
    const audit = await stack.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'client_updated', entityId: 'c-1002' },
      orderBy: { id: 'desc' },
    });
    expect(audit.data).toMatchObject({
      before: { nationalId: '******21A', introducingBrokerId: 'ib-apex-leeds' },
      after: { nationalId: '******11B', introducingBrokerId: null },
    });
    expect((await supervisor.patch('/api/clients/c-1002', { branchId: 'shanghai' })).status).toBe(400);
    expect((await supervisor.patch('/api/clients/c-2001', { tier: 'gold' })).status).toBe(404);
  });
});

describe('interactions', () => {
  it('logs an interaction from the client page, idempotently by external id', async () => {
    const body = {
      kind: 'call',
      direction: 'outbound',
      channel: 'phone',
      durationSeconds: 95,
      outcome: 'callback',
      externalId: 'dialler-1',
    };
    const first = await agent1.post('/api/clients/c-1001/interactions', body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ clientId: 'c-1001', kind: 'call', agentId: 'u-agent1', source: 'console' });
    const again = await agent1.post('/api/clients/c-1001/interactions', { ...body, outcome: 'changed' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, outcome: 'callback' });
    expect((await agent2.post('/api/clients/c-1001/interactions', body)).status).toBe(404);
    expect((await apexPartner.post('/api/clients/c-1001/interactions', body)).status).toBe(403);
    const timeline = (await agent1.get('/api/clients/c-1001/timeline')).body;
    expect(timeline[0]).toMatchObject({
      source: 'interaction',
      type: 'call',
      actor: { id: 'u-agent1' },
      data: { outcome: 'callback', durationSeconds: 95 },
    });
  });

  it('takes interactions from a telephony system by phone number, once per external id', async () => {
    const call = {
      kind: 'call',
      direction: 'inbound',
      phone: '+44 7700 900461',
      agentEmail: 'agent1@example.com',
      durationSeconds: 30,
      externalId: 'pbx-42',
      link: 'https://pbx.example.com/rec/42',
    };
    const first = await webforms.post('/api/interactions', call);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      clientId: 'c-1001',
      agentId: 'u-agent1',
      source: 'u-webforms',
      link: 'https://pbx.example.com/rec/42',
    });
    const replay = await webforms.post('/api/interactions', call);
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(first.body.id);
    expect((await stack.db.pool.query(`SELECT count(*)::int AS n FROM interactions WHERE external_id = 'pbx-42'`)).rows[0].n).toBe(1);
    expect((await webforms.post('/api/interactions', { ...call, externalId: 'pbx-43', phone: '+1 202 555 0100' })).status).toBe(422);
    expect((await agent1.post('/api/interactions', call)).status).toBe(403);
  });
});

describe('hand-over of a client book', () => {
  it('moves the book within the scope and audits it once and per client', async () => {
    expect((await agent1.post('/api/clients/handover', { from: 'u-agent2', to: 'u-agent1' })).status).toBe(403);
    expect((await supervisor.post('/api/clients/handover', { from: 'u-agent2', to: 'u-agent-sh' })).status).toBe(400);
    const res = await supervisor.post('/api/clients/handover', { from: 'u-agent2', to: 'u-agent1', reason: 'Boris on leave' });
    expect(res.status).toBe(200);
    expect(res.body.clients).toBe(4);
    expect(ids((await agent2.get('/api/clients')).body)).toEqual([]);
    const summary = await stack.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'client_book_handover' } });
    expect(summary).toMatchObject({
      actorId: 'u-supervisor',
      entityId: 'u-agent2',
      data: { from: 'u-agent2', to: 'u-agent1', clients: 4 },
    });
    expect(
      await stack.db.prisma.auditEvent.count({
        where: { action: 'client_updated', entityId: 'c-1007', data: { path: ['handover'], equals: true } },
      }),
    ).toBe(1);
  });
});
