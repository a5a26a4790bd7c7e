// What a trading-platform or payments feed tells the CRM, whatever its wire format (docs/integrations.md).
// An adapter turns one delivery (a raw body) into these events; apply.ts stores them.

/** A decimal amount as text ("1250.50"): never a binary float. */
export type Decimal = string;

interface EventBase {
  /** the platform's id of this event: each (adapter, id) is applied once */
  id: string;
  /** when it happened on the platform; orders account snapshots */
  occurredAt: Date;
  /** the CRM client the platform account belongs to */
  clientId: string;
}

/** An account opened or changed, with its figures at `occurredAt`: applied only if newer than what is stored. */
export interface AccountEvent extends EventBase {
  type: 'account';
  platform: string;
  login: string;
  currency: string;
  leverage: number | null;
  balance: Decimal;
  equity: Decimal;
  /** equity / used margin in percent; null without open positions */
  marginLevel: Decimal | null;
  status: 'active' | 'disabled' | 'closed';
}

/** Money in or out, in its final state: once per (adapter, transactionId). */
export interface MoneyEvent extends EventBase {
  type: 'deposit' | 'withdrawal';
  /** the payment's id on the platform (the same payment in two events counts once) */
  transactionId: string;
  /** the trading account it was booked on, when the feed says */
  platform: string | null;
  login: string | null;
  amount: Decimal;
  currency: string;
  method: 'cash' | 'card' | 'bank_transfer' | 'crypto' | 'internal';
  status: 'completed' | 'failed';
}

/** The account's trading over a period: traded notional, realised P&L, number of trades. */
export interface TradesEvent extends EventBase {
  type: 'trades';
  /** the summary's id on the platform */
  transactionId: string;
  platform: string;
  login: string;
  volume: Decimal;
  pnl: Decimal;
  trades: number;
  currency: string;
}

export type FeedEvent = AccountEvent | MoneyEvent | TradesEvent;

/** A delivery the adapter could not read: the first problems, each with the field and the reason. */
export class FeedFormatError extends Error {
  constructor(readonly fields: { path: string; message: string }[]) {
    super(`invalid feed delivery: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`);
  }
}

/** One trading platform or payments system. */
export interface Adapter {
  /** the name in /api/integrations/<name>/events, and in `feed:<name>` as transactions' source */
  name: string;
  /** reads one delivery (the raw body, as signed); throws FeedFormatError with the fields at fault */
  parse(raw: Buffer): FeedEvent[];
}
