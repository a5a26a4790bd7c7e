// Stores what a feed delivered (docs/integrations.md). Each event once per (adapter, event id), in
// integration_events; an account's figures only from an event newer than the one they came from (a
// reordered delivery changes nothing); deposits, withdrawals and trade summaries through ingestTransaction
// (source `feed:<adapter>`, the platform's transaction id as external id: the same payment in two events
// counts once), then routed to AML cases and told to the client's development case like POST /api/transactions.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { Client as TemporalClient } from '@temporalio/client';
import { canonicalJson } from '../timeline';
import { inTransaction } from '../db';
import { derivedId } from '../ids';
import { DomainError } from '../errors';
import { ingestTransaction } from '../monitoring/ingest';
import { tellDevelopmentCase } from '../crm/development';
import type { Queryable } from '../crm/clients';
import type { AccountEvent, FeedEvent, MoneyEvent, TradesEvent } from './types';

export interface ApplyDeps {
  pool: pg.Pool;
  temporal: TemporalClient;
  log: (msg: string, err?: unknown) => void;
  /**
   * routes the alerts a transaction raised into AML cases, on every sending (finishing what a crash left
   * undone); throws when the engine cannot take them, and the event stays unrecorded for the retry
   */
  routeAlerts(alerts: { id: string; client_id: string }[]): Promise<void>;
}

export interface EventOutcome {
  id: string;
  type: FeedEvent['type'];
  /**
   * applied; duplicate: this id was applied before (nothing changed); stale: an account event older than the
   * figures stored (recorded, nothing changed); conflict: this id was applied before with other content
   * (nothing changed); rejected: it names a client or account the CRM does not have as said (not recorded:
   * it may be sent again once the client exists)
   */
  outcome: 'applied' | 'duplicate' | 'stale' | 'conflict' | 'rejected';
  transactionId?: string;
  field?: string;
  reason?: string;
}

/** Refuses one event: its transaction rolls back and it is not recorded. */
class Rejected extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const hashOf = (e: FeedEvent) =>
  createHash('sha256')
    .update(canonicalJson({ ...e, occurredAt: e.occurredAt.toISOString() }))
    .digest('hex');

/** Applies the events in order, each on its own (one refused event does not hold up the rest). */
export async function applyEvents(deps: ApplyDeps, adapter: string, events: FeedEvent[]): Promise<EventOutcome[]> {
  const out: EventOutcome[] = [];
  for (const [i, e] of events.entries()) {
    let result: EventOutcome;
    try {
      result = e.type === 'account' ? await applyAccount(deps.pool, adapter, e) : await applyMoney(deps, adapter, e);
    } catch (err) {
      if (!(err instanceof Rejected)) throw err;
      result = { id: e.id, type: e.type, outcome: 'rejected', field: `events.${i}.${err.field}`, reason: err.reason };
    }
    // integration_events records what was applied; what was not is logged, without personal data
    if (result.outcome === 'rejected' || result.outcome === 'conflict')
      deps.log(`integrations: ${adapter} event ${JSON.stringify(e.id)} (${e.type}) ${result.outcome}: ${result.reason}`);
    out.push(result);
  }
  return out;
}

/** Records the event once; null when it was recorded before (duplicate or conflict then). */
async function record(
  q: Queryable,
  adapter: string,
  e: FeedEvent,
  sha256: string,
  extra: { outcome: 'applied' | 'stale'; transactionId?: string | null },
): Promise<boolean> {
  const res = await q.query(
    `INSERT INTO integration_events (adapter, event_id, type, occurred_at, sha256, outcome, client_id, transaction_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (adapter, event_id) DO NOTHING`,
    [adapter, e.id, e.type, e.occurredAt, sha256, extra.outcome, e.clientId, extra.transactionId ?? null],
  );
  return (res.rowCount ?? 0) > 0;
}

async function seenBefore(q: Queryable, adapter: string, e: FeedEvent, sha256: string): Promise<EventOutcome | null> {
  const { rows } = (await q.query(`SELECT sha256, transaction_id FROM integration_events WHERE adapter = $1 AND event_id = $2`, [
    adapter,
    e.id,
  ])) as pg.QueryResult<{ sha256: string; transaction_id: string | null }>;
  if (!rows[0]) return null;
  return rows[0].sha256 === sha256
    ? { id: e.id, type: e.type, outcome: 'duplicate', ...(rows[0].transaction_id ? { transactionId: rows[0].transaction_id } : {}) }
    : {
        id: e.id,
        type: e.type,
        outcome: 'conflict',
        reason: 'this event id was delivered before with other content; the first one stands',
      };
}

async function clientExists(q: Queryable, clientId: string): Promise<void> {
  const { rowCount } = await q.query('SELECT 1 FROM clients WHERE id = $1', [clientId]);
  if (!rowCount) throw new Rejected('clientId', 'no such client');
}

/**
 * Stores an account's figures when they are newer (by platform time `occurredAt`, then `eventId`) than those
 * it holds, or the account when it is new; the account of another client is left alone. Returns the rows
 * written (0: stale, or another client's). Used by the feed and by account imports.
 */
export async function upsertAccount(
  db: Queryable,
  e: Omit<AccountEvent, 'type' | 'id'> & { eventId: string },
): Promise<{ rowCount: number | null }> {
  return (await db.query(
    `INSERT INTO trading_accounts (id, client_id, platform, login, currency, leverage, balance, equity, margin_level, status, opened_at, updated_at, feed_at, feed_event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7::numeric, $8::numeric, $9::numeric, $10, $11, now(), $11, $12)
       ON CONFLICT (platform, login) DO UPDATE SET currency = EXCLUDED.currency, leverage = EXCLUDED.leverage, balance = EXCLUDED.balance,
         equity = EXCLUDED.equity, margin_level = EXCLUDED.margin_level, status = EXCLUDED.status, updated_at = now(),
         feed_at = EXCLUDED.feed_at, feed_event_id = EXCLUDED.feed_event_id
       WHERE trading_accounts.client_id = EXCLUDED.client_id
         AND (trading_accounts.feed_at IS NULL OR (trading_accounts.feed_at, coalesce(trading_accounts.feed_event_id, '')) < (EXCLUDED.feed_at, EXCLUDED.feed_event_id))
       RETURNING id`,
    [
      derivedId(`trading-account/${e.platform}/${e.login}`),
      e.clientId,
      e.platform,
      e.login,
      e.currency,
      e.leverage,
      e.balance,
      e.equity,
      e.marginLevel,
      e.status,
      e.occurredAt,
      e.eventId,
    ],
  )) as pg.QueryResult;
}

async function applyAccount(pool: pg.Pool, adapter: string, e: AccountEvent): Promise<EventOutcome> {
  const sha256 = hashOf(e);
  return inTransaction(pool, async (db): Promise<EventOutcome> => {
    const before = await seenBefore(db, adapter, e, sha256);
    if (before) return before;
    await clientExists(db, e.clientId);
    const upserted = await upsertAccount(db, { ...e, eventId: e.id });
    if (!upserted.rowCount) {
      const owner = await db.query<{ client_id: string }>('SELECT client_id FROM trading_accounts WHERE platform = $1 AND login = $2', [
        e.platform,
        e.login,
      ]);
      if (owner.rows[0] && owner.rows[0].client_id !== e.clientId) throw new Rejected('login', 'this account belongs to another client');
      await record(db, adapter, e, sha256, { outcome: 'stale' });
      return { id: e.id, type: e.type, outcome: 'stale', reason: 'the account holds figures from a later event' };
    }
    if (!(await record(db, adapter, e, sha256, { outcome: 'applied' }))) return (await seenBefore(db, adapter, e, sha256))!;
    return { id: e.id, type: e.type, outcome: 'applied' };
  }).catch(async (err: unknown) => {
    // two deliveries of one event at once: the other one recorded it
    if ((err as { code?: string }).code === '23505') return (await seenBefore(pool, adapter, e, sha256)) ?? Promise.reject(err);
    throw err;
  });
}

async function applyMoney(deps: ApplyDeps, adapter: string, e: MoneyEvent | TradesEvent): Promise<EventOutcome> {
  const sha256 = hashOf(e);
  const before = await seenBefore(deps.pool, adapter, e, sha256);
  if (before) return before;
  // the account it was booked on, when the CRM has it already (a deposit may come before its account's event)
  let accountId: string | null = null;
  if (e.platform && e.login) {
    const { rows } = await deps.pool.query<{ id: string; client_id: string }>(
      'SELECT id, client_id FROM trading_accounts WHERE platform = $1 AND login = $2',
      [e.platform, e.login],
    );
    if (rows[0] && rows[0].client_id !== e.clientId) throw new Rejected('login', 'this account belongs to another client');
    accountId = rows[0]?.id ?? null;
  }
  const type = e.type === 'trades' ? 'trade' : e.type;
  let result;
  try {
    result = await ingestTransaction(deps.pool, {
      clientId: e.clientId,
      source: `feed:${adapter}`,
      externalId: e.transactionId,
      type,
      amount: e.type === 'trades' ? e.volume : e.amount,
      currency: e.currency,
      method: e.type === 'trades' ? null : e.method,
      status: e.type === 'trades' ? 'completed' : e.status,
      bookedAt: e.occurredAt,
      accountId,
      pnl: e.type === 'trades' ? e.pnl : null,
    });
  } catch (err) {
    if (err instanceof DomainError && err.code === 'CLIENT_NOT_FOUND') throw new Rejected('clientId', 'no such client');
    throw err;
  }
  if (!result.created) {
    // stored before: by this feed for this client (an event resent under another id, or a retry after a crash)
    const { rows } = await deps.pool.query<{ client_id: string }>('SELECT client_id FROM transactions WHERE id = $1', [
      result.transactionId,
    ]);
    if (rows[0]?.client_id !== e.clientId) throw new Rejected('transactionId', 'this transaction id was booked for another client');
  }
  // Routed and told before the event is recorded: a crash or an outage (routeAlerts throws, the delivery
  // answers 503) before the record leaves the event unrecorded, and the sender's retry finishes it (ingest
  // finds the transaction stored; routing and the case's signal count each alert and transaction once).
  await deps.routeAlerts(result.alerts);
  await tellDevelopmentCase(
    deps.temporal,
    deps.pool,
    e.clientId,
    {
      id: result.transactionId,
      type,
      status: e.type === 'trades' ? 'completed' : e.status,
      bookedAt: e.occurredAt,
      amount: e.type === 'trades' ? e.volume : e.amount,
      currency: e.currency,
    },
    deps.log,
  );
  if (!(await record(deps.pool, adapter, e, sha256, { outcome: 'applied', transactionId: result.transactionId })))
    return (await seenBefore(deps.pool, adapter, e, sha256))!;
  return { id: e.id, type: e.type, outcome: 'applied', transactionId: result.transactionId };
}
