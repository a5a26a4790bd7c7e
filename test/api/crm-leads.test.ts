// Leads: the POST /api/leads contract, duplicates (e-mail, phone in any format, name with date of birth),
// idempotency, the review queue, merges with audit, and assignment rules (round robin, least loaded,
// working hours), the CSV export (scope, filters, audit) on a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';
import { addClient, addUser } from '../support/crm';

let stack: Stack;
let webforms: ApiClient;
let agent1: ApiClient;
let agent2: ApiClient;
let supervisor: ApiClient;
let admin: ApiClient;
let northPartner: ApiClient;

const lead = (over: Record<string, unknown> = {}) => ({
  firstName: 'Grace',
  lastName: 'Hopper',
  email: 'grace.hopper@example.org',
  phone: '+44 7700 900555',
  country: 'GB',
  source: 'web',
  ...over,
});
const queue = async (client: ApiClient, filter: Record<string, unknown> = { duplicate: true }) => {
  const res = await client.get(`/api/leads?range=[0,199]&filter=${encodeURIComponent(JSON.stringify(filter))}`);
  expect(res.status).toBe(200);
  return res.body as { id: string; duplicates: { id: string; kind: string; reason: string }[] }[];
};
const dupKeys = (d: { kind: string; id: string; reason: string }[]) => d.map((x) => `${x.kind}:${x.id}:${x.reason}`).sort();

/** Working hours of a branch: open around the clock, or closed today (and `closedDays` more days). */
async function setHours(branchId: string, open: boolean, closedDays = 0): Promise<void> {
  const days = Array.from({ length: closedDays + 1 }, (_, i) => new Date(Date.now() + i * 86_400_000).toISOString().slice(0, 10));
  await stack.db.pool.query(
    `UPDATE branches SET timezone = 'UTC', workdays = '{1,2,3,4,5,6,7}', work_start = '00:00', work_end = '24:00', holidays = $2 WHERE id = $1`,
    [branchId, open ? [] : days],
  );
}

beforeAll(async () => {
  stack = await startStack();
  const { pool } = stack.db;
  await pool.query(
    `INSERT INTO branches (id, name, timezone, workdays, work_start, work_end, holidays, entity_id, country) VALUES ('dublin', 'Dublin', 'UTC', '{1,2,3,4,5}', '09:00', '17:00', '{}', 'broker-uk', 'IE')`,
  );
  await addUser(pool, { id: 'u-am-dublin', email: 'am.dublin@example.com', roles: ['agent'], branchId: 'dublin' });
  await addClient(pool, {
    id: 'c-ivan',
    firstName: 'Ivan',
    lastName: 'Petrov',
    dateOfBirth: '1980-05-05',
    branchId: 'london',
    accountManagerId: 'u-agent1',
  });
  await setHours('london', true);
  await setHours('dublin', true);
  [webforms, agent1, agent2, supervisor, admin, northPartner] = await Promise.all(
    [
      'webforms@example.com',
      'agent1@example.com',
      'agent2@example.com',
      'supervisor@example.com',
      'admin@example.com',
      'north.partner@example.com',
    ].map((e) => ApiClient.login(stack.url, e)),
  );
});
afterAll(() => stack?.stop());

describe('POST /api/leads', () => {
  it('creates a lead with attribution and answers 201 with its id and duplicates', async () => {
    const res = await webforms.post(
      '/api/leads',
      lead({
        campaign: 'winter',
        ib: 'ib-apex-north',
        utmSource: 'newsletter',
        utmMedium: 'email',
        dateOfBirth: '1906-12-09',
        language: 'en',
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      duplicates: [],
      status: 'new',
      phoneE164: '+447700900555',
      campaign: 'winter',
      ib: 'ib-apex-north',
      utm: { source: 'newsletter', medium: 'email' },
      branchId: 'london',
      createdById: 'u-webforms',
    });
    // the IB that brought it sees it; another branch's agent does not
    expect((await northPartner.get(`/api/leads/${res.body.id}`)).status).toBe(200);
    const sh = await ApiClient.login(stack.url, 'li.wei@example.com');
    expect((await sh.get(`/api/leads/${res.body.id}`)).status).toBe(404);
  });

  it('refuses what is not a lead, field by field', async () => {
    const res = await webforms.post('/api/leads', { firstName: '', lastName: 'X', source: 'web', phone: 'not a number', country: 'GBR' });
    expect(res.status).toBe(400);
    const paths = res.body.error.fields.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(['body.country', 'body.firstName']);
    const noContact = await webforms.post('/api/leads', { firstName: 'A', lastName: 'B', source: 'web' });
    expect(noContact.status).toBe(400);
    const badPhone = await webforms.post('/api/leads', lead({ phone: '12', email: 'x@example.org' }));
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error.fields[0].path).toBe('body.phone');
    expect((await webforms.post('/api/leads', lead({ accountManagerId: 'u-agent1' }))).status).toBe(403);
  });

  it('finds the same e-mail in another letter case, in leads and clients', async () => {
    const res = await webforms.post(
      '/api/leads',
      lead({ firstName: 'Olly', lastName: 'B', email: 'C-1001@CLIENTS.EXAMPLE.COM', phone: undefined }),
    );
    expect(res.status).toBe(201);
    expect(res.body.duplicates).toContainEqual(expect.objectContaining({ id: 'c-1001', kind: 'client', reason: 'email' }));
    const again = await webforms.post(
      '/api/leads',
      lead({ email: 'Grace.Hopper@Example.ORG', phone: undefined, firstName: 'Amazing', lastName: 'Grace' }),
    );
    expect(again.body.duplicates).toEqual([expect.objectContaining({ kind: 'lead', reason: 'email' })]);
  });

  it('finds the same phone number written in national, international and 00 formats', async () => {
    const a = await webforms.post(
      '/api/leads',
      lead({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.org', phone: '07700 900888' }),
    );
    const b = await webforms.post(
      '/api/leads',
      lead({ firstName: 'Augusta', lastName: 'King', email: 'augusta@example.org', phone: '+44 7700 900888' }),
    );
    const c = await webforms.post(
      '/api/leads',
      lead({ firstName: 'A.', lastName: 'King', email: 'ak@example.org', phone: '0044 (7700) 900-888', country: undefined }),
    );
    expect(b.body.duplicates).toEqual([{ id: a.body.id, kind: 'lead', reason: 'phone', score: 1 }]);
    expect(dupKeys(c.body.duplicates)).toEqual(
      dupKeys([
        { id: a.body.id, kind: 'lead', reason: 'phone' },
        { id: b.body.id, kind: 'lead', reason: 'phone' },
      ]),
    );
    // a client's number in national format
    const d = await webforms.post('/api/leads', lead({ firstName: 'O', lastName: 'B', email: 'ob@example.org', phone: '020 7946 0018' }));
    expect(d.body.duplicates).toEqual([expect.objectContaining({ id: 'c-1001', kind: 'client', reason: 'phone' })]);
  });

  it('finds a similar name in another script with the same date of birth, and not with another date', async () => {
    const same = await webforms.post(
      '/api/leads',
      lead({ firstName: 'Иван', lastName: 'Петров', email: 'ivan@example.ru', phone: undefined, dateOfBirth: '1980-05-05' }),
    );
    expect(same.body.duplicates).toEqual([
      expect.objectContaining({
        id: 'c-ivan',
        kind: 'client',
        reason: 'name_dob',
        detail: expect.objectContaining({ matchedName: 'Ivan Petrov' }),
      }),
    ]);
    const other = await webforms.post(
      '/api/leads',
      lead({ firstName: 'Иван', lastName: 'Петров', email: 'ivan2@example.ru', phone: undefined, dateOfBirth: '1981-05-05' }),
    );
    expect(other.body.duplicates).toEqual([]);
  });

  it('with an Idempotency-Key, a retry returns the same lead and another body is 422', async () => {
    const headers = { 'idempotency-key': 'form-submit-1' };
    const body = lead({ firstName: 'Retry', lastName: 'Twice', email: 'retry@example.org', phone: undefined });
    const [a, b] = await Promise.all([webforms.post('/api/leads', body, headers), webforms.post('/api/leads', body, headers)]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.id).toBe(b.body.id);
    expect((await stack.db.pool.query(`SELECT count(*)::int AS n FROM leads WHERE email_norm = 'retry@example.org'`)).rows[0].n).toBe(1);
    const reused = await webforms.post('/api/leads', { ...body, lastName: 'Other' }, headers);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('sees simultaneous duplicates of each other', async () => {
    const both = await Promise.all(
      ['Twin One', 'Twin Two'].map((n) =>
        webforms.post(
          '/api/leads',
          lead({ firstName: n.split(' ')[0], lastName: n.split(' ')[1], email: 'twins@example.org', phone: undefined }),
        ),
      ),
    );
    expect(both.map((r) => r.body.duplicates.length).sort()).toEqual([0, 1]);
  });
});

describe('duplicate review and merge', () => {
  it('lists leads with open findings in the queue, within the scope', async () => {
    const rows = await queue(supervisor);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r) => r.duplicates.length > 0)).toBe(true);
    const sh = await ApiClient.login(stack.url, 'zhang.min@example.com');
    expect(await queue(sh)).toEqual([]);
  });

  it('merges a lead into another lead, fills its gaps, moves the findings and audits it', async () => {
    const target = await webforms.post(
      '/api/leads',
      lead({ firstName: 'Merge', lastName: 'Target', email: 'merge.target@example.org', phone: undefined }),
    );
    const source = await webforms.post(
      '/api/leads',
      lead({
        firstName: 'Merge',
        lastName: 'Target',
        email: 'MERGE.target@example.org',
        phone: '+44 7700 900321',
        campaign: 'spring',
        dateOfBirth: '1990-01-01',
      }),
    );
    const third = await webforms.post(
      '/api/leads',
      lead({ firstName: 'M', lastName: 'T', email: 'mt@example.org', phone: '07700 900321' }),
    );
    expect(third.body.duplicates).toContainEqual(expect.objectContaining({ id: source.body.id, reason: 'phone' }));

    expect((await northPartner.post(`/api/leads/${source.body.id}/merge`, { into: { kind: 'lead', id: target.body.id } })).status).toBe(
      403,
    );
    const res = await supervisor.post(`/api/leads/${source.body.id}/merge`, { into: { kind: 'lead', id: target.body.id } });
    expect(res.status).toBe(200);
    expect(res.body.filled.sort()).toEqual(['campaign', 'dateOfBirth', 'phone', 'phoneE164', 'phoneNational']);
    const merged = (await supervisor.get(`/api/leads/${source.body.id}`)).body;
    expect(merged).toMatchObject({ status: 'merged', mergedInto: { id: target.body.id, kind: 'lead', name: 'Merge Target' } });
    expect((await supervisor.get(`/api/leads/${target.body.id}`)).body).toMatchObject({
      phoneE164: '+447700900321',
      campaign: 'spring',
      dateOfBirth: '1990-01-01',
    });
    // the third lead's finding now names the target
    const thirdNow = (await supervisor.get(`/api/leads/${third.body.id}`)).body;
    expect(thirdNow.duplicates.filter((d: { status: string }) => d.status === 'open').map((d: { id: string }) => d.id)).toEqual([
      target.body.id,
    ]);
    const audit = await stack.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'lead_merged', entityId: source.body.id } });
    expect(audit).toMatchObject({
      actorId: 'u-supervisor',
      data: { into: { kind: 'lead', id: target.body.id }, before: { campaign: null }, after: { campaign: 'spring' } },
    });
    expect(ids(await queue(supervisor))).not.toContain(source.body.id);
    expect((await supervisor.post(`/api/leads/${source.body.id}/merge`, { into: { kind: 'lead', id: target.body.id } })).status).toBe(409);
  });

  it('merges a lead into a client: its e-mail and phone join the client’s contacts', async () => {
    const l = await webforms.post(
      '/api/leads',
      lead({
        firstName: 'Oliver',
        lastName: 'Bennett',
        email: 'oliver.b@example.net',
        phone: '+44 7700 900111',
        dateOfBirth: '1985-04-12',
      }),
    );
    expect(l.body.duplicates).toContainEqual(expect.objectContaining({ id: 'c-1001', reason: 'name_dob' }));
    await stack.db.pool.query(`INSERT INTO interactions (lead_id, kind, source, occurred_at) VALUES ($1, 'call', 'test', now())`, [
      l.body.id,
    ]);
    const res = await supervisor.post(`/api/leads/${l.body.id}/merge`, { into: { kind: 'client', id: 'c-1001' } });
    expect(res.status).toBe(200);
    // the lead page names the branch and the client it was merged into (a link in the console) …
    expect((await supervisor.get(`/api/leads/${l.body.id}`)).body).toMatchObject({
      branchId: 'london',
      branchName: 'London',
      mergedInto: { id: 'c-1001', kind: 'client', name: 'Oliver Bennett' },
    });
    // … but not to someone who sees the lead and not the client: the id only
    await stack.db.pool.query(`UPDATE leads SET account_manager_id = 'u-agent2' WHERE id = $1`, [l.body.id]);
    expect((await agent2.get('/api/clients/c-1001')).status).toBe(404);
    expect((await agent2.get(`/api/leads/${l.body.id}`)).body).toMatchObject({
      branchName: 'London',
      mergedInto: { id: 'c-1001', kind: 'client', name: null },
    });
    const client = (await agent1.get('/api/clients/c-1001')).body;
    expect(client.contacts.map((c: { normalized: string }) => c.normalized)).toEqual(
      expect.arrayContaining(['oliver.b@example.net', '+447700900111']),
    );
    expect(client.timeline.some((t: { type: string; source: string }) => t.source === 'interaction' && t.type === 'call')).toBe(true);
    const audit = await stack.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'client_updated', entityId: 'c-1001', actorId: 'u-supervisor' },
      orderBy: { id: 'desc' },
    });
    expect(audit.data).toMatchObject({ fields: ['contacts'], mergedLead: l.body.id });
    // an agent may not merge into a client outside their book
    const other = await agent1.post(
      '/api/leads',
      lead({ firstName: 'Zed', lastName: 'Zed', email: 'zed@example.org', phone: undefined, accountManagerId: 'u-agent1' }),
    );
    expect(other.body).toMatchObject({ accountManagerId: 'u-agent1', branchId: 'london', assignment: { reason: 'manual' } });
    expect((await agent1.post(`/api/leads/${other.body.id}/merge`, { into: { kind: 'client', id: 'c-1007' } })).status).toBe(400);
    expect(
      (await agent1.post('/api/leads', lead({ email: 'zz@example.org', phone: undefined, accountManagerId: 'u-agent2' }))).status,
    ).toBe(403);
  });

  it('settles findings as not duplicates', async () => {
    const l = await webforms.post(
      '/api/leads',
      lead({ firstName: 'Grace', lastName: 'Hopper', email: 'grace.hopper@EXAMPLE.org', phone: undefined }),
    );
    expect(l.body.duplicates.length).toBeGreaterThan(0);
    const res = await supervisor.post(`/api/leads/${l.body.id}/not-duplicate`, {});
    expect(res.body.dismissed).toBe(l.body.duplicates.length);
    expect(ids(await queue(supervisor))).not.toContain(l.body.id);
  });
});

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('lead export (CSV)', () => {
  const exportCsv = async (client: ApiClient, query: Record<string, unknown> = {}) => {
    const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)])).toString();
    const res = await client.get(`/api/leads/export.csv${qs ? `?${qs}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?leads-\d{4}-\d{2}-\d{2}\.csv"?$/);
    const text = (res.body as string).replace(/^\ufeff/, '');
    expect(text.startsWith('id,firstName,lastName,email,')).toBe(true);
    expect(text).toContain('\r\n');
    return parseCsv(text, { columns: true }) as Record<string, string>[];
  };
  const listed = async (client: ApiClient, filter: Record<string, unknown> = {}) => (await queue(client, filter)).map((r) => r.id);

  it('holds exactly the caller’s leads (the list’s rows, newest first), nothing masked to mask, and is audited', async () => {
    const mine = await agent1.post(
      '/api/leads',
      lead({ firstName: 'Export', lastName: 'Mine', email: 'export.mine@example.org', phone: undefined, accountManagerId: 'u-agent1' }),
    );
    expect(mine.status, JSON.stringify(mine.body)).toBe(201);
    const rows = await exportCsv(agent1);
    expect(rows.map((r) => r.id)).toEqual(await listed(agent1));
    expect(rows.map((r) => r.id)).toContain(mine.body.id);
    expect(rows.every((r) => r.accountManagerId === 'u-agent1')).toBe(true);
    expect(rows.find((r) => r.id === mine.body.id)).toMatchObject({
      firstName: 'Export',
      lastName: 'Mine',
      email: 'export.mine@example.org',
      source: 'web',
      branch: 'London',
      accountManager: expect.any(String),
    });
    // a lead holds no national id or document: no column of the kind, and the audit says nothing was masked
    expect(Object.keys(rows[0])).not.toContain('nationalId');
    const audit = await stack.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'leads_exported', actorId: 'u-agent1' },
      orderBy: { id: 'desc' },
    });
    expect(audit.data).toMatchObject({ format: 'csv', rows: rows.length, filter: {}, sort: ['createdAt', 'DESC'], masked: [] });
    // another branch sees none of London's leads
    const sh = await ApiClient.login(stack.url, 'zhang.min@example.com');
    expect((await exportCsv(sh)).map((r) => r.id)).not.toContain(mine.body.id);
  });

  it('takes the list’s filters and sort: the duplicate review queue of a supervisor', async () => {
    const filter = { duplicate: true };
    const rows = await exportCsv(supervisor, { filter, sort: ['lastName', 'ASC'] });
    expect(rows.length).toBeGreaterThan(0);
    const all = (
      await supervisor.get(
        `/api/leads?range=[0,199]&sort=${encodeURIComponent('["lastName","ASC"]')}&filter=${encodeURIComponent(JSON.stringify(filter))}`,
      )
    ).body as { id: string }[];
    expect(rows.map((r) => r.id)).toEqual(all.map((r) => r.id));
    expect(rows.every((r) => Number(r.openDuplicates) > 0)).toBe(true);
    const audit = await stack.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'leads_exported', actorId: 'u-supervisor' },
      orderBy: { id: 'desc' },
    });
    expect(audit.data).toMatchObject({ rows: rows.length, filter, sort: ['lastName', 'ASC'] });
  });

  it('refuses roles without client data, and filters it does not know', async () => {
    expect((await webforms.get('/api/leads/export.csv')).status).toBe(403);
    expect((await admin.get('/api/leads/export.csv')).status).toBe(403);
    expect((await agent1.get(`/api/leads/export.csv?filter=${encodeURIComponent('{"nope":1}')}`)).status).toBe(400);
  });
});

describe('assignment rules', () => {
  const rule = (id: string, body: Record<string, unknown>) =>
    admin.put(`/api/assignment-rules/${id}`, { name: id, priority: 10, accountManagerIds: ['u-agent1', 'u-agent2'], ...body });

  it('gives leads in turn (round robin) to the rule’s account managers', async () => {
    expect((await rule('rr', { source: 'rr-test', strategy: 'round_robin' })).status).toBe(200);
    const got = [];
    for (let i = 0; i < 4; i++) {
      const res = await webforms.post('/api/leads', lead({ email: `rr${i}@example.org`, phone: undefined, source: 'rr-test' }));
      got.push(res.body.accountManagerId);
      expect(res.body.assignment).toMatchObject({ ruleId: 'rr', reason: 'in_hours' });
    }
    expect(got).toEqual(['u-agent1', 'u-agent2', 'u-agent1', 'u-agent2']);
    // the assignee sees the lead, the other agent does not
    const [mine] = await queue(agent2, { source: 'rr-test' });
    expect((await agent1.get(`/api/leads/${mine.id}`)).status).toBe(404);
  });

  it('gives the lead to the least loaded account manager', async () => {
    await rule('ll', { source: 'll-test', strategy: 'least_loaded' });
    const { rows } = await stack.db.pool.query(
      `SELECT account_manager_id AS id, count(*)::int AS n FROM leads WHERE status IN ('new','contacted','qualified') AND account_manager_id IN ('u-agent1','u-agent2') GROUP BY 1`,
    );
    const load = Object.fromEntries(rows.map((r) => [r.id, r.n]));
    const lighter = (load['u-agent1'] ?? 0) <= (load['u-agent2'] ?? 0) ? 'u-agent1' : 'u-agent2';
    const res = await webforms.post('/api/leads', lead({ email: 'll@example.org', phone: undefined, source: 'll-test' }));
    expect(res.body.accountManagerId).toBe(lighter);
    // load up the lighter one until the other is lighter
    const diff = Math.abs((load['u-agent1'] ?? 0) - (load['u-agent2'] ?? 0)) + 2;
    await stack.db.pool.query(
      `INSERT INTO leads (id, first_name, last_name, search_name, source, account_manager_id, status) SELECT gen_random_uuid(), 'x', 'y', 'x y', 'load', $1, 'new' FROM generate_series(1, $2)`,
      [lighter, diff],
    );
    const next = await webforms.post('/api/leads', lead({ email: 'll2@example.org', phone: undefined, source: 'll-test' }));
    expect(next.body.accountManagerId).toBe(lighter === 'u-agent1' ? 'u-agent2' : 'u-agent1');
  });

  it('respects working hours: in-hours people first, else whoever starts first, or the queue', async () => {
    await rule('wh', { source: 'wh-test', accountManagerIds: ['u-am-dublin', 'u-agent1'], strategy: 'round_robin' });
    await rule('whq', { source: 'whq-test', accountManagerIds: ['u-am-dublin', 'u-agent1'], outsideHours: 'queue', branchId: 'london' });
    try {
      await setHours('dublin', false);
      const inHours = await webforms.post('/api/leads', lead({ email: 'wh1@example.org', phone: undefined, source: 'wh-test' }));
      expect(inHours.body.assignment).toMatchObject({ assigneeId: 'u-agent1', reason: 'in_hours' });
      // nobody works now: Dublin opens tomorrow, London the day after
      await setHours('london', false, 1);
      const next = await webforms.post('/api/leads', lead({ email: 'wh2@example.org', phone: undefined, source: 'wh-test' }));
      expect(next.body.assignment).toMatchObject({ assigneeId: 'u-am-dublin', reason: 'next_available' });
      expect(new Date(next.body.assignment.startsAt).getTime()).toBeGreaterThan(Date.now());
      const queued = await webforms.post('/api/leads', lead({ email: 'wh3@example.org', phone: undefined, source: 'whq-test' }));
      expect(queued.body).toMatchObject({ accountManagerId: null, branchId: 'london', assignment: { reason: 'queued_outside_hours' } });
      expect(ids(await queue(supervisor, { assigned: false }))).toContain(queued.body.id);
    } finally {
      await setHours('london', true);
      await setHours('dublin', true);
    }
  });

  it('lets only maintainers change rules, within their branches, audited', async () => {
    expect((await agent1.put('/api/assignment-rules/x', { name: 'x', accountManagerIds: ['u-agent1'] })).status).toBe(403);
    expect((await supervisor.put('/api/assignment-rules/x', { name: 'x', accountManagerIds: ['u-agent1'] })).status).toBe(403);
    expect(
      (await supervisor.put('/api/assignment-rules/x', { name: 'x', branchId: 'london', accountManagerIds: ['u-agent-sh'] })).status,
    ).toBe(400);
    expect(
      (await supervisor.put('/api/assignment-rules/x', { name: 'x', branchId: 'london', accountManagerIds: ['u-agent2'] })).status,
    ).toBe(200);
    expect(await stack.db.prisma.auditEvent.count({ where: { action: 'assignment_rule_saved', entityId: 'x' } })).toBe(1);
    expect((await supervisor.delete('/api/assignment-rules/x')).status).toBe(204);
  });
});

describe('POST /api/introducing-brokers', () => {
  it('refuses a parent or branch that does not exist, or an empty one, with 400 on the field, not 500 (found by schemathesis)', async () => {
    const post = (body: Record<string, unknown>) =>
      admin.post('/api/introducing-brokers', { id: `ib-${Date.now()}`, name: 'Fuzz Partners', ...body });
    for (const [body, field] of [
      [{ parentId: '' }, 'body.parentId'],
      [{ parentId: 'no-such-ib' }, 'body.parentId'],
      [{ branchId: '' }, 'body.branchId'],
      [{ branchId: 'no-such-branch' }, 'body.branchId'],
    ] as const) {
      const res = await post(body);
      expect(res, JSON.stringify(body)).toMatchObject({ status: 400, body: { error: { fields: [{ path: field }] } } });
    }
    expect((await post({ branchId: 'london' })).status).toBe(201);
  });
});
