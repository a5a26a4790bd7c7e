// Monitoring test helpers: clients made for one test, transactions through the ingest path, sweeps run
// batch by batch without Temporal.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { PrismaClient } from '@prisma/client';
import { ingestTransaction, type TransactionInput } from '../../platform/monitoring/ingest';
import { createSweep, runBatch } from '../../platform/monitoring/sweep';
import type { AlertRow } from '../../platform/monitoring/alerts';

export const DAY = 24 * 60 * 60 * 1000;
export const MIN = 60 * 1000;
/** The time the hand-built sequences start at. */
export const T0 = Date.parse('2026-03-02T10:00:00Z');

let seq = 0;
/** A fresh client of the London branch (with a KYC profile when `declared` is given). */
export async function newClient(
  pool: pg.Pool,
  over: {
    name?: string;
    riskBand?: string | null;
    type?: 'individual' | 'corporate';
    expectedDeposits?: number | null;
    declaredIncome?: number | null;
  } = {},
): Promise<string> {
  const id = `m-${process.pid}-${++seq}-${randomUUID().slice(0, 8)}`;
  await pool.query(
    `INSERT INTO clients (id, name, type, country, branch_id, account_manager_id, kyc_status, risk_band) VALUES ($1, $2, $3, 'GB', 'london', 'u-agent1', 'approved', $4)`,
    [id, over.name ?? 'Marta Kowalska', over.type ?? 'individual', over.riskBand ?? null],
  );
  if (over.expectedDeposits !== undefined || over.declaredIncome !== undefined) {
    await pool.query(
      `INSERT INTO kyc_profiles (client_id, expected_deposits, declared_income, products, edd_flags) VALUES ($1, $2, $3, '{}', '{}')`,
      [id, over.expectedDeposits ?? null, over.declaredIncome ?? null],
    );
  }
  return id;
}

export type Tx = Partial<Omit<TransactionInput, 'bookedAt'>> & { at: number; amount: number | string };

/** Sends a transaction through the inline path; returns its id and the alerts it raised. */
export async function send(pool: pg.Pool, clientId: string, t: Tx): Promise<{ id: string; alerts: AlertRow[] }> {
  const r = await ingestTransaction(pool, {
    clientId,
    source: 'test',
    externalId: t.externalId ?? randomUUID(),
    type: t.type ?? 'deposit',
    amount: t.amount,
    currency: t.currency ?? 'USD',
    method: t.method === undefined ? 'bank_transfer' : t.method,
    bookedAt: new Date(t.at),
    counterparty: t.counterparty ?? null,
  });
  return { id: r.transactionId, alerts: r.alerts };
}

/** Runs a sweep of the given clients to completion in-process; returns the sweep id. */
export async function sweep(
  prisma: PrismaClient,
  pool: pg.Pool,
  opts: { clientIds?: string[]; kind?: 'on_demand' | 'backtest'; versionIds?: string[]; size?: number; from?: number; to?: number } = {},
): Promise<string> {
  const id = randomUUID();
  await createSweep(prisma, {
    id,
    kind: opts.kind ?? 'on_demand',
    workflowId: `test-${id}`,
    clientIds: opts.clientIds ?? null,
    versionIds: opts.versionIds,
    from: new Date(opts.from ?? T0 - 400 * DAY),
    to: new Date(opts.to ?? T0 + 400 * DAY),
  });
  let after: string | null = null;
  for (;;) {
    const r = await runBatch(pool, { sweepId: id, after, size: opts.size ?? 100 });
    after = r.cursor;
    if (r.done) break;
  }
  return id;
}

export async function alertsOf(prisma: PrismaClient, clientId: string, scenarioId?: string) {
  return prisma.monitoringAlert.findMany({ where: { clientId, ...(scenarioId ? { scenarioId } : {}) }, orderBy: { createdAt: 'asc' } });
}
