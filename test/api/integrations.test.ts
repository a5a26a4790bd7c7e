// The trading-platform and payments feed (issue 9 item 6, docs/integrations.md) over HTTP on real PostgreSQL
// and Temporal: deliveries signed with the adapter's secret (a wrong signature, an old timestamp, an unknown
// adapter and an invalid event refused), each event applied once however often and in whatever order it
// arrives, an account's figures only from its newest event, and a first deposit from the feed moving the
// client's development case to funded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';
import { newLead, untilState, workStep } from '../support/development';
import { signFeed } from '../../platform/integrations/signature';

const SECRET = 'feed-secret-for-the-integration-tests-0123456789';
let stack: Stack;
let anon: ApiClient;

beforeAll(async () => {
  stack = await startStack({ env: { INTEGRATION_SECRET_REFERENCE: SECRET } });
  anon = new ApiClient(stack.url);
}, 180_000);
afterAll(() => stack?.stop());

/** Posts a delivery as the platform does: the raw body, signed now (or as told). */
function deliver(body: unknown, opts: { secret?: string; t?: number; adapter?: string; signature?: string | null } = {}) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const signature = opts.signature === undefined ? signFeed(opts.secret ?? SECRET, raw, opts.t) : opts.signature;
  return anon.post(
    `/api/integrations/${opts.adapter ?? 'reference'}/events`,
    raw,
    signature === null ? {} : { 'x-feed-signature': signature },
  );
}

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 2, 9, 0) + minutes * 60_000).toISOString();

/** A platform's story of one account: snapshots of its figures, money in and out, a day's trading. */
function story(prefix: string, clientId: string, login: string) {
  const account = (n: number, balance: string) => ({
    id: `${prefix}-acc-${n}`,
    type: 'account',
    occurredAt: at(n * 10),
    clientId,
    platform: 'mt5',
    login,
    currency: 'USD',
    leverage: 100,
    balance,
    equity: balance,
    marginLevel: null,
    status: 'active',
  });
  return [
    account(1, '0.00'),
    {
      id: `${prefix}-dep-1`,
      type: 'deposit',
      occurredAt: at(12),
      clientId,
      transactionId: `${prefix}-pay-1`,
      platform: 'mt5',
      login,
      amount: '1000.00',
      currency: 'USD',
      method: 'card',
      status: 'completed',
    },
    account(2, '1000.00'),
    {
      id: `${prefix}-trd-1`,
      type: 'trades',
      occurredAt: at(25),
      clientId,
      transactionId: `${prefix}-day-1`,
      platform: 'mt5',
      login,
      volume: '250000',
      pnl: '-35.5',
      trades: 7,
      currency: 'usd',
    },
    account(3, '964.50'),
    {
      id: `${prefix}-wdr-1`,
      type: 'withdrawal',
      occurredAt: at(35),
      clientId,
      transactionId: `${prefix}-pay-2`,
      platform: 'mt5',
      login,
      amount: 400,
      currency: 'USD',
      method: 'bank_transfer',
      status: 'completed',
    },
    account(4, '564.50'),
  ];
}

async function stateOf(login: string) {
  const acc = await stack.db.pool.query(
    `SELECT client_id, currency, balance::text, equity::text, leverage, status, feed_event_id FROM trading_accounts WHERE platform = 'mt5' AND login = $1`,
    [login],
  );
  return { account: acc.rows };
}

describe('feed deliveries are signed', () => {
  const one = story('sig', 'c-1001', 'sig-1').slice(0, 1);

  it('refuses a delivery without a signature, with a wrong one, or signed for another body (401), and changes nothing', async () => {
    expect((await deliver({ events: one }, { signature: null })).status).toBe(401);
    expect((await deliver({ events: one }, { secret: 'another-secret-of-at-least-32-characters!!' })).status).toBe(401);
    const forged = signFeed(SECRET, JSON.stringify({ events: [] }));
    expect((await deliver({ events: one }, { signature: forged })).status).toBe(401);
    expect((await deliver({ events: one }, { signature: 't=abc,v1=zz' })).status).toBe(401);
    // a logged-in user is no platform
    const admin = await ApiClient.login(stack.url, 'admin@example.com');
    expect((await admin.post('/api/integrations/reference/events', { events: one })).status).toBe(401);
    expect((await stack.db.pool.query(`SELECT 1 FROM integration_events WHERE event_id = 'sig-acc-1'`)).rowCount).toBe(0);
  });

  it('refuses a timestamp more than 5 minutes old (a replay) or ahead, however well signed', async () => {
    const now = Math.floor(Date.now() / 1000);
    const old = await deliver({ events: one }, { t: now - 6 * 60 });
    expect(old.status).toBe(401);
    expect(old.body.error.message).toMatch(/5 minutes/);
    expect((await deliver({ events: one }, { t: now + 6 * 60 })).status).toBe(401);
    expect((await deliver({ events: one }, { t: now - 4 * 60 })).status).toBe(200);
  });

  it('answers 404 for an adapter it does not have', async () => {
    expect((await deliver({ events: one }, { adapter: 'mt4-unknown' })).status).toBe(404);
  });

  it('refuses an invalid delivery as a whole (400, naming the field and the reason) and applies none of it', async () => {
    const events = story('bad', 'c-1001', 'bad-1');
    (events[1] as Record<string, unknown>).amount = '-5';
    const res = await deliver({ events });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'body.events.1.amount', message: 'must not be negative' }]);
    expect((await deliver('{"events": [')).status).toBe(400);
    const missing = await deliver({ events: [{ ...events[0], occurredAt: undefined }] });
    expect(missing.body.error.fields[0].path).toBe('body.events.0.occurredAt');
    expect((await stack.db.pool.query(`SELECT 1 FROM integration_events WHERE event_id LIKE 'bad-%'`)).rowCount).toBe(0);
  });
});

describe('odd deliveries', () => {
  it('answers every signed delivery with 200 or 400, never a server error', async () => {
    const [acc, dep] = story('odd', 'c-1001', 'odd-1');
    const odd: unknown[] = [
      '',
      'null',
      '[]',
      '{"events": []}',
      '{"events": {}}',
      { events: Array(501).fill(dep) },
      { events: [null] },
      { events: [{ ...acc, marginLevel: '12345678901' }] },
      { events: [{ ...acc, balance: '1e9' }] },
      { events: [{ ...acc, leverage: 1.5 }] },
      { events: [{ ...acc, occurredAt: '0000-01-01T00:00:00Z' }] },
      { events: [{ ...acc, occurredAt: '2999-01-01T00:00:00Z' }] },
      { events: [{ ...acc, id: 'x\u0000y' }] },
      { events: [{ ...acc, id: ' ' }] },
      { events: [{ ...acc, login: 'l'.repeat(201) }] },
      { events: [{ ...dep, amount: '999999999999999.9999' }] },
      { events: [{ ...dep, amount: '9999999999999999' }] },
      { events: [{ ...dep, currency: 'US' }] },
      { events: [{ ...dep, clientId: ['c-1001'] }] },
      { events: [{ ...dep, method: 'cheque' }] },
      { events: [{ ...dep, status: 'pending' }] },
    ];
    for (const body of odd) {
      const res = await deliver(body);
      expect([200, 400], `${JSON.stringify(body).slice(0, 80)}: ${JSON.stringify(res.body)}`).toContain(res.status);
    }
  });
});

describe('feed events apply once, in any order', () => {
  it('a delivery in order sets the account and books the money and trading', async () => {
    const res = await deliver({ events: story('ord', 'c-1001', 'ord-1') });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(Array(7).fill('applied'));
    const s = await stateOf('ord-1');
    expect(s.account).toEqual([
      {
        client_id: 'c-1001',
        currency: 'USD',
        balance: '564.50',
        equity: '564.50',
        leverage: 100,
        status: 'active',
        feed_event_id: 'ord-acc-4',
      },
    ]);
    // transactions are known by the platform's ids
    const tx = await stack.db.pool.query(
      `SELECT type, amount::text, pnl::text, (account_id IS NOT NULL) AS on_account FROM transactions WHERE source = 'feed:reference' AND external_id LIKE 'ord-%' ORDER BY type`,
    );
    expect(tx.rows).toEqual([
      { type: 'deposit', amount: '1000.0000', pnl: null, on_account: true },
      { type: 'trade', amount: '250000.0000', pnl: '-35.5000', on_account: true },
      { type: 'withdrawal', amount: '400.0000', pnl: null, on_account: true },
    ]);
  });

  it('the same events reversed, shuffled, duplicated and replayed end in the same state, each applied once', async () => {
    const mixed = story('mix', 'c-1001', 'mix-1');
    // newest first, then a shuffled copy with every event twice, then the whole thing again
    const first = await deliver({ events: [...mixed].reverse() });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const outcomes = first.body.results.map((r: { id: string; outcome: string }) => `${r.id}:${r.outcome}`);
    // the newest snapshot came first: the older ones are stale; money is booked whatever its order
    expect(outcomes).toEqual([
      'mix-acc-4:applied',
      'mix-wdr-1:applied',
      'mix-acc-3:stale',
      'mix-trd-1:applied',
      'mix-acc-2:stale',
      'mix-dep-1:applied',
      'mix-acc-1:stale',
    ]);
    const shuffled = [...mixed, ...mixed].sort((a, b) => (a.id.split('').reverse().join('') < b.id.split('').reverse().join('') ? -1 : 1));
    const again = await deliver({ events: shuffled });
    expect(again.status).toBe(200);
    expect(new Set(again.body.results.map((r: { outcome: string }) => r.outcome))).toEqual(new Set(['duplicate']));
    expect((await deliver({ events: mixed })).body.results.every((r: { outcome: string }) => r.outcome === 'duplicate')).toBe(true);

    const a = await stack.db.pool.query(
      `SELECT balance::text, equity::text FROM trading_accounts WHERE platform = 'mt5' AND login IN ('ord-1', 'mix-1') ORDER BY login`,
    );
    expect(a.rows[0]).toEqual(a.rows[1]);
    const sums = await stack.db.pool.query(
      `SELECT split_part(external_id, '-', 1) AS story, count(*)::int AS n, sum(amount)::text AS total FROM transactions
        WHERE source = 'feed:reference' AND split_part(external_id, '-', 1) IN ('ord', 'mix') GROUP BY 1 ORDER BY 1`,
    );
    expect(sums.rows).toEqual([
      { story: 'mix', n: 3, total: '251400.0000' },
      { story: 'ord', n: 3, total: '251400.0000' },
    ]);
    const recorded = await stack.db.pool.query(
      `SELECT outcome, count(*)::int AS n FROM integration_events WHERE event_id LIKE 'mix-%' GROUP BY 1 ORDER BY 1`,
    );
    expect(recorded.rows).toEqual([
      { outcome: 'applied', n: 4 },
      { outcome: 'stale', n: 3 },
    ]);
  });

  it('a deposit before its account’s first event is booked (without the account), and the same payment in another event counts once', async () => {
    const [, deposit] = story('early', 'c-1001', 'early-1');
    const first = await deliver({ events: [deposit] });
    expect(first.body.results[0]).toMatchObject({ outcome: 'applied' });
    const other = await deliver({ events: [{ ...deposit, id: 'early-dep-1-resent' }] });
    expect(other.body.results[0]).toMatchObject({ outcome: 'applied', transactionId: first.body.results[0].transactionId });
    const n = await stack.db.pool.query(
      `SELECT count(*)::int AS n FROM transactions WHERE source = 'feed:reference' AND external_id = 'early-pay-1'`,
    );
    expect(n.rows[0].n).toBe(1);
  });

  it('an event id sent again with other content changes nothing and says so', async () => {
    const [acc] = story('conf', 'c-1001', 'conf-1');
    expect((await deliver({ events: [acc] })).body.results[0].outcome).toBe('applied');
    const res = await deliver({ events: [{ ...acc, balance: '99999.00' }] });
    expect(res.body.results[0].outcome).toBe('conflict');
    expect((await stateOf('conf-1')).account[0].balance).toBe('0.00');
  });

  it('an event about a client the CRM does not have, or another client’s account, is rejected and not recorded', async () => {
    const [acc] = story('rej', 'c-nobody', 'rej-1');
    const res = await deliver({ events: [acc] });
    expect(res.status).toBe(200);
    expect(res.body.results[0]).toMatchObject({ outcome: 'rejected', field: 'events.0.clientId' });
    const [, dep] = story('ord', 'c-1002', 'ord-1');
    const theirs = await deliver({ events: [{ ...dep, id: 'rej-dep-1', transactionId: 'rej-pay-1' }] });
    expect(theirs.body.results[0]).toMatchObject({ outcome: 'rejected', field: 'events.0.login' });
    // a payment id the feed booked for another client
    const stolen = await deliver({ events: [{ ...dep, id: 'rej-dep-2', platform: null, login: null }] });
    expect(stolen.body.results[0]).toMatchObject({ outcome: 'rejected', field: 'events.0.transactionId' });
    expect((await stack.db.pool.query(`SELECT 1 FROM integration_events WHERE event_id LIKE 'rej-%'`)).rowCount).toBe(0);
  });
});

describe('the feed and client development', () => {
  it('a first deposit from the feed moves the client’s development case to funded', async () => {
    // a lead who applies as a client approved already (no KYC review needed) and has never deposited
    await stack.db.prisma.client.create({
      data: { id: 'c-feed', name: 'Fenna Feed', country: 'GB', branchId: 'london', accountManagerId: 'u-agent1', kycStatus: 'approved' },
    });
    const { intake } = await newLead(stack.db.pool, stack.temporal, stack.taskQueue);
    const caseId = (intake as { caseId: string }).caseId;
    await workStep(stack.temporal, stack.db.prisma, caseId, 'first_contact', { outcome: 'contacted' });
    await workStep(stack.temporal, stack.db.prisma, caseId, 'qualify', { outcome: 'qualified' });
    await workStep(stack.temporal, stack.db.prisma, caseId, 'application', { outcome: 'submitted', clientId: 'c-feed' });
    await untilState(stack.db.prisma, caseId, 'approved');

    const now = new Date().toISOString();
    const res = await deliver({
      events: [
        {
          id: 'dev-acc-1',
          type: 'account',
          occurredAt: now,
          clientId: 'c-feed',
          platform: 'mt5',
          login: 'dev-1',
          currency: 'EUR',
          balance: '0',
          equity: '0',
        },
        {
          id: 'dev-dep-1',
          type: 'deposit',
          occurredAt: now,
          clientId: 'c-feed',
          transactionId: 'dev-pay-1',
          platform: 'mt5',
          login: 'dev-1',
          amount: '250',
          currency: 'EUR',
          method: 'card',
          status: 'completed',
        },
      ],
    });
    expect(res.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['applied', 'applied']);
    const funded = await untilState(stack.db.prisma, caseId, 'funded');
    expect((funded.attributes as { depositedAt: number | null }).depositedAt).toBe(Date.parse(now));
  });
});
