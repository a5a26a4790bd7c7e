// The cross-client lists (GET /api/interactions, /api/accounts, /api/transactions) on a real PostgreSQL: every row
// is of a client in the caller's scope (an agent their own clients, an IB its tree, a supervisor the branch), the
// totals and filters agree with the database, and a bad filter is a 400 naming the field. Each list's CSV export holds
// the same rows and is audited.
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';
import { addAccount, addClient } from '../support/crm';

let stack: Stack;
let agent1: ApiClient;
let agent2: ApiClient;
let supervisor: ApiClient;
let apexPartner: ApiClient;
let webforms: ApiClient;
let admin: ApiClient;

type Row = { id: string; clientId: string; client: { id: string; name: string } };

const get = async (who: ApiClient, resource: string, filter: object = {}, extra = '') => {
  const res = await who.get(`/api/${resource}?range=[0,199]&filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const total = Number(res.headers.get('content-range')!.split('/').pop());
  return { rows: res.body as Row[], total };
};

const count = async (sql: string, params: unknown[] = []) =>
  (await stack.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0].n;

/** The ids of the clients a user sees in the client list (the scope these lists must share). */
const clientIds = async (who: ApiClient) => {
  const res = await who.get('/api/clients?range=[0,199]');
  expect(res.status).toBe(200);
  return new Set((res.body as { id: string }[]).map((c) => c.id));
};

beforeAll(async () => {
  stack = await startStack();
  const { pool } = stack.db;
  await addClient(pool, { id: 'c-list-1', firstName: 'Lena', lastName: 'Listova', branchId: 'london', accountManagerId: 'u-agent2' });
  await addAccount(pool, { id: 'acc-list-1', clientId: 'c-list-1', platform: 'ctrader', login: '5550001', currency: 'EUR' });
  await pool.query(
    `INSERT INTO transactions (client_id, account_id, source, external_id, type, amount, currency, method, status, booked_at)
     VALUES ('c-list-1', 'acc-list-1', 'test', 'list-1', 'deposit', 500, 'EUR', 'card', 'completed', '2026-11-15T23:30:00Z'),
            ('c-list-1', 'acc-list-1', 'test', 'list-2', 'withdrawal', 200, 'EUR', 'bank_transfer', 'pending', '2026-11-16T00:30:00Z')`,
  );
  // an interaction with a lead: on the lead, not in the client lists
  await pool.query(
    `INSERT INTO interactions (lead_id, kind, direction, channel, agent_id, source, occurred_at)
     SELECT id, 'call', 'outbound', 'phone', 'u-agent1', 'test', now() FROM leads LIMIT 1`,
  );
  await pool.query(
    `INSERT INTO interactions (client_id, kind, direction, channel, agent_id, source, occurred_at)
     VALUES ('c-list-1', 'chat', 'inbound', 'whatsapp', 'u-agent2', 'test', '2026-11-15T23:59:00Z')`,
  );
  [agent1, agent2, supervisor, apexPartner, webforms, admin] = await Promise.all(
    [
      'agent1@example.com',
      'agent2@example.com',
      'supervisor@example.com',
      'apex.partner@example.com',
      'webforms@example.com',
      'admin@example.com',
    ].map((e) => ApiClient.login(stack.url, e)),
  );
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('scope', () => {
  it('an agent sees the transactions, accounts and interactions of their own clients only, each with the client’s name', async () => {
    for (const [resource, table] of [
      ['transactions', 'transactions'],
      ['accounts', 'trading_accounts'],
      ['interactions', 'interactions'],
    ]) {
      const { rows, total } = await get(agent1, resource);
      const want = await count(`${table} x JOIN clients c ON c.id = x.client_id WHERE c.account_manager_id = 'u-agent1'`);
      expect(want, resource).toBeGreaterThan(0);
      expect(total, resource).toBe(want);
      expect(rows.length, resource).toBe(Math.min(want, 200));
      const names = await stack.db.pool.query<{ id: string; name: string }>(
        `SELECT id, name FROM clients WHERE account_manager_id = 'u-agent1'`,
      );
      const own = new Map(names.rows.map((r) => [r.id, r.name]));
      for (const r of rows) {
        expect(own.has(r.clientId), `${resource} ${r.id} of ${r.clientId}`).toBe(true);
        expect(r.client).toEqual({ id: r.clientId, name: own.get(r.clientId) });
      }
    }
    // another agent's client: nothing, not an error
    expect(await get(agent1, 'transactions', { clientId: 'c-list-1' })).toEqual({ rows: [], total: 0 });
    expect((await get(agent2, 'transactions', { clientId: 'c-list-1' })).total).toBe(2);
  });

  it('an introducing broker sees its tree’s clients’ rows, a supervisor the branch’s', async () => {
    for (const who of [apexPartner, supervisor]) {
      const mine = await clientIds(who);
      expect(mine.size).toBeGreaterThan(0);
      for (const [resource, table] of [
        ['transactions', 'transactions'],
        ['accounts', 'trading_accounts'],
        ['interactions', 'interactions'],
      ]) {
        const { rows, total } = await get(who, resource);
        expect(total, resource).toBe(await count(`${table} WHERE client_id = ANY($1::text[])`, [[...mine]]));
        for (const r of rows) expect(mine.has(r.clientId), `${resource} of ${r.clientId}`).toBe(true);
      }
    }
    const ib = await get(apexPartner, 'transactions');
    expect(ib.rows.some((r) => r.clientId === 'c-list-1')).toBe(false);
    expect((await get(supervisor, 'accounts', { clientId: 'c-list-1' })).total).toBe(1);
  });

  it('interactions with leads stay on the lead; roles without client data get 403', async () => {
    const { rows } = await get(agent1, 'interactions');
    expect(rows.every((r) => r.clientId)).toBe(true);
    for (const resource of ['transactions', 'accounts', 'interactions']) {
      expect((await admin.get(`/api/${resource}`)).status, resource).toBe(403);
      expect((await webforms.get(`/api/${resource}`)).status, resource).toBe(403);
    }
  });
});

describe('filters and sort', () => {
  it('transactions: type, status, client, account and booked days (UTC, both included), newest first', async () => {
    const all = await get(supervisor, 'transactions');
    const times = all.rows.map((r) => (r as unknown as { bookedAt: string }).bookedAt);
    expect(times).toEqual([...times].sort().reverse());
    const asc = await get(supervisor, 'transactions', {}, `&sort=${encodeURIComponent('["bookedAt","ASC"]')}`);
    expect(asc.rows[0].id).not.toBe(all.rows[0].id);

    const london = `transactions t JOIN clients c ON c.id = t.client_id WHERE c.branch_id = 'london'`;
    expect((await get(supervisor, 'transactions', { type: 'deposit', status: 'completed' })).total).toBe(
      Math.min(10_000, await count(`${london} AND t.type = 'deposit' AND t.status = 'completed'`)),
    );
    const day = await get(supervisor, 'transactions', { clientId: 'c-list-1', from: '2026-11-15', to: '2026-11-15' });
    expect(day.rows.map((r) => (r as unknown as { externalId: string }).externalId)).toEqual(['list-1']);
    const byAccount = await get(agent2, 'transactions', { accountId: 'acc-list-1', status: 'pending' });
    expect(byAccount.rows).toHaveLength(1);
    expect(byAccount.rows[0]).toMatchObject({
      clientId: 'c-list-1',
      client: { id: 'c-list-1', name: 'Lena Listova' },
      account: { id: 'acc-list-1', platform: 'ctrader', login: '5550001' },
      type: 'withdrawal',
      amount: '200.0000',
      currency: 'EUR',
    });
  });

  it('accounts: platform, currency, login, client and status; sorted by login', async () => {
    expect((await get(supervisor, 'accounts', { platform: 'ctrader', currency: 'EUR' })).rows.map((r) => r.id)).toContain('acc-list-1');
    expect((await get(supervisor, 'accounts', { login: '5550001' })).rows.map((r) => r.id)).toEqual(['acc-list-1']);
    expect((await get(supervisor, 'accounts', { login: '555000' })).total).toBe(0);
    expect((await get(agent1, 'accounts', { login: '5550001' })).total).toBe(0);
    expect((await get(supervisor, 'accounts', { status: 'closed', clientId: 'c-list-1' })).total).toBe(0);
    const byLogin = await get(supervisor, 'accounts', {}, `&sort=${encodeURIComponent('["login","ASC"]')}`);
    const logins = byLogin.rows.map((r) => (r as unknown as { login: string }).login);
    expect(logins).toEqual([...logins].sort());
  });

  it('interactions: kind, channel, direction, agent, client and days', async () => {
    const chat = await get(agent2, 'interactions', { kind: 'chat', channel: 'whatsapp', direction: 'inbound', agentId: 'u-agent2' });
    expect(chat.rows).toHaveLength(1);
    expect(chat.rows[0]).toMatchObject({ clientId: 'c-list-1', client: { name: 'Lena Listova' }, agent: { id: 'u-agent2' } });
    expect((await get(agent2, 'interactions', { clientId: 'c-list-1', from: '2026-11-16' })).total).toBe(0);
    expect((await get(agent2, 'interactions', { clientId: 'c-list-1', to: '2026-11-15' })).total).toBe(1);
    const calls = await get(agent1, 'interactions', { kind: 'call' });
    expect(calls.total).toBe(
      await count(`interactions i JOIN clients c ON c.id = i.client_id WHERE c.account_manager_id = 'u-agent1' AND i.kind = 'call'`),
    );
  });

  it('a bad filter, sort or range is a 400 naming the field', async () => {
    const bad = async (resource: string, query: string, field: string) => {
      const res = await supervisor.get(`/api/${resource}?${query}`);
      expect(res.status, `${resource}?${query}`).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    };
    const f = (o: object) => `filter=${encodeURIComponent(JSON.stringify(o))}`;
    await bad('transactions', f({ type: 'gift' }), 'query.filter.type');
    await bad('transactions', f({ from: '2026-13-01' }), 'query.filter.from');
    await bad('transactions', f({ from: '2026-11-20', to: '2026-11-01' }), 'query.filter.to');
    await bad('transactions', f({ clientId: 7 }), 'query.filter.clientId');
    await bad('transactions', 'sort=["amount","ASC"]', 'query.sort.0');
    await bad('transactions', 'range=[10000,10024]', 'query.range');
    await bad('accounts', f({ currency: 'dollars' }), 'query.filter.currency');
    await bad('accounts', f({ status: 'open' }), 'query.filter.status');
    await bad('interactions', f({ kind: 'fax' }), 'query.filter.kind');
    await bad('interactions', f({ direction: 'sideways' }), 'query.filter.direction');
    await bad('interactions', f({ to: 'yesterday' }), 'query.filter.to');
    const unknown = await supervisor.get(`/api/interactions?${f({ colour: 'red' })}`);
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body.error.fields)).toContain('colour');
  });
});

describe('CSV exports', () => {
  const csv = async (who: ApiClient, resource: string, filter: object = {}) => {
    const res = await who.get(`/api/${resource}/export.csv?filter=${encodeURIComponent(JSON.stringify(filter))}`);
    expect(res.status, String(res.body).slice(0, 200)).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    return parseCsv((res.body as string).replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];
  };

  it('export the rows the list selects, within the scope, and are audited', async () => {
    for (const resource of ['transactions', 'accounts', 'interactions']) {
      const list = await get(agent1, resource, {});
      const rows = await csv(agent1, resource);
      expect(
        rows.map((r) => r.id),
        resource,
      ).toEqual(list.rows.map((r) => r.id));
      expect(rows.every((r) => r.client && r.clientId)).toBe(true);
      const audited = await stack.db.prisma.auditEvent.findFirst({ where: { action: `${resource}_exported`, actorId: 'u-agent1' } });
      expect(audited?.data, resource).toMatchObject({ format: 'csv', rows: list.total });
    }
    const pending = await csv(agent2, 'transactions', { clientId: 'c-list-1', status: 'pending' });
    expect(pending).toEqual([
      expect.objectContaining({ client: 'Lena Listova', login: '5550001', type: 'withdrawal', amount: '200.0000', status: 'pending' }),
    ]);
    expect(await csv(agent1, 'transactions', { clientId: 'c-list-1' })).toEqual([]);
    expect((await admin.get('/api/transactions/export.csv')).status).toBe(403);
    const bad = await supervisor.get(`/api/accounts/export.csv?filter=${encodeURIComponent(JSON.stringify({ status: 'open' }))}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toContain('query.filter.status');
  });
});
