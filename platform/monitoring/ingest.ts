// The one way a transaction enters the product with monitoring on: stored once per (source, external
// id), and the single-transaction rules in force evaluated on it in the same database transaction, so an
// accepted transaction never misses its inline alerts. The API (POST /api/transactions) and the feed
// adapters call this; alerts are then routed into AML cases (grouping.ts) by the caller.
import type pg from 'pg';
import { inTransaction } from '../db';
import { DomainError } from '../errors';
import { lockClients, raiseAlerts, type AlertRow } from './alerts';
import { findTogether } from './candidates';
import type { Suppressed } from './suppression';
import { versionsInForce } from './versions';

export const TRANSACTION_TYPES = ['deposit', 'withdrawal', 'trade', 'transfer'] as const;
export const TRANSACTION_METHODS = ['cash', 'card', 'bank_transfer', 'crypto', 'internal'] as const;

export interface TransactionInput {
  clientId: string;
  /** the system it comes from; with externalId the transaction's identity */
  source: string;
  externalId: string;
  type: (typeof TRANSACTION_TYPES)[number];
  /** a decimal string (or number), never negative: the type gives the direction */
  amount: string | number;
  currency: string;
  method: (typeof TRANSACTION_METHODS)[number] | null;
  bookedAt: Date;
  counterparty?: { name?: string | null; country?: string | null } | null;
  accountId?: string | null;
  status?: 'pending' | 'completed' | 'failed' | 'cancelled' | 'reversed';
  instrument?: string | null;
  /** trades: realised profit or loss in the account currency (a decimal string or number) */
  pnl?: string | number | null;
}

export interface IngestResult {
  /** false: this (source, externalId) was stored before; nothing changed */
  created: boolean;
  transactionId: string;
  /** alerts this transaction raised inline (also when it was sent again) */
  alerts: AlertRow[];
  suppressed: Suppressed[];
}

export async function ingestTransaction(pool: pg.Pool, input: TransactionInput, now = new Date()): Promise<IngestResult> {
  return inTransaction(pool, (db) => ingestTransactionIn(db, input, now));
}

/** The same inside the caller's transaction (an import batch stores its transactions and its progress together). */
export async function ingestTransactionIn(db: pg.PoolClient, input: TransactionInput, now = new Date()): Promise<IngestResult> {
  await lockClients(db, [input.clientId]);
  const client = await db.query('SELECT 1 FROM clients WHERE id = $1', [input.clientId]);
  if (!client.rowCount) throw new DomainError('CLIENT_NOT_FOUND', `Client ${input.clientId} not found`);
  if (input.accountId) {
    const account = await db.query('SELECT 1 FROM trading_accounts WHERE id = $1 AND client_id = $2', [input.accountId, input.clientId]);
    if (!account.rowCount) throw new DomainError('ACCOUNT_NOT_FOUND', `Client ${input.clientId} has no trading account ${input.accountId}`);
  }
  const inserted = await db.query<{ id: string }>(
    `INSERT INTO transactions (client_id, account_id, source, external_id, type, amount, currency, method, status, booked_at, counterparty_name, counterparty_country, instrument, pnl)
     VALUES ($1, $2, $3, $4, $5, $6::numeric, upper($7), $8, $9, $10, $11, upper($12), $13, $14::numeric)
     ON CONFLICT (source, external_id) DO NOTHING RETURNING id`,
    [
      input.clientId,
      input.accountId ?? null,
      input.source,
      input.externalId,
      input.type,
      String(input.amount),
      input.currency,
      input.method,
      input.status ?? 'completed',
      input.bookedAt,
      input.counterparty?.name?.trim() || null,
      input.counterparty?.country?.trim() || null,
      input.instrument ?? null,
      input.pnl === undefined || input.pnl === null ? null : String(input.pnl),
    ],
  );
  if (!inserted.rowCount) {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM transactions WHERE source = $1 AND external_id = $2', [
      input.source,
      input.externalId,
    ]);
    const alerts = await db.query<AlertRow>(
      `SELECT * FROM monitoring_alerts WHERE window_key = $1 AND source = 'inline' ORDER BY created_at, id`,
      [rows[0].id],
    );
    return { created: false, transactionId: rows[0].id, alerts: alerts.rows, suppressed: [] };
  }
  const transactionId = inserted.rows[0].id;
  const versions = await versionsInForce(db, { executions: ['inline'] });
  const found = await findTogether(db, versions, { kind: 'transaction', transactionId });
  const { created, suppressed } = await raiseAlerts(db, versions, found, { source: 'inline', now });
  return { created: true, transactionId, alerts: created, suppressed };
}
