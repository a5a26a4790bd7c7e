// Alerts as the API shows them, read with SQL (alerts and clients are joined for the branch scope).
import type { Pool } from 'pg';
import type { z } from 'zod';
import type { ApiDeps } from '../deps';
import type { SessionUser } from '../auth/session';
import { amlCase } from '../../workflows/aml-case/definition';
import { Sql } from '../../platform/monitoring/sql';
import type { AlertFilter, AlertSchema } from './schemas';

export type AlertView = z.infer<typeof AlertSchema>;

interface Row {
  id: string;
  scenario_id: string;
  scenario_name: string | null;
  scenario_version: number;
  scenario_version_id: string;
  client_id: string;
  client_name: string | null;
  status: string;
  source: string;
  case_id: string | null;
  case_reference: string | null;
  window_start: Date;
  window_end: Date;
  transaction_ids: string[];
  evidence: Record<string, unknown>;
  sweep_id: string | null;
  created_at: Date;
}

const SELECT = `SELECT a.*, s.name AS scenario_name, c.name AS client_name, k.reference AS case_reference
  FROM monitoring_alerts a JOIN clients c ON c.id = a.client_id
  LEFT JOIN monitoring_scenarios s ON s.id = a.scenario_id LEFT JOIN cases k ON k.id = a.case_id`;

function view(r: Row): AlertView {
  return {
    id: r.id,
    scenario: r.scenario_id,
    scenarioName: r.scenario_name ?? r.scenario_id,
    scenarioVersion: r.scenario_version,
    scenarioVersionId: r.scenario_version_id,
    clientId: r.client_id,
    clientName: r.client_name,
    status: r.status,
    source: r.source,
    caseId: r.case_id,
    caseReference: r.case_reference,
    windowStart: r.window_start.toISOString(),
    windowEnd: r.window_end.toISOString(),
    transactionIds: r.transaction_ids,
    evidence: r.evidence,
    redFlag:
      typeof r.evidence.redFlag === 'string'
        ? { code: `monitoring.red_flag.${r.scenario_id}`, params: {}, text: r.evidence.redFlag }
        : null,
    sweepId: r.sweep_id,
    createdAt: r.created_at.toISOString(),
  };
}

/** The branch a user's alerts are limited to; null: every branch. Admin reads all (it decides nothing). */
export function alertBranch(deps: ApiDeps, user: SessionUser): string | null {
  const scope = deps.access.scopeFor(user, amlCase.type);
  return scope === null || scope === 'all' ? null : user.branchId;
}

export const SORTS = { createdAt: 'a.created_at', windowEnd: 'a.window_end', scenario: 'a.scenario_id', clientId: 'a.client_id' } as const;

export async function listAlerts(
  pool: Pool,
  f: z.infer<typeof AlertFilter>,
  opts: { branchId: string | null; sort: [keyof typeof SORTS, 'ASC' | 'DESC']; skip: number; take: number },
): Promise<{ rows: AlertView[]; total: number }> {
  const sql = new Sql();
  const where = ['true'];
  if (opts.branchId) where.push(`c.branch_id = ${sql.v(opts.branchId)}`);
  if (f.clientId) where.push(`a.client_id = ${sql.v(f.clientId)}`);
  if (f.scenario) where.push(`a.scenario_id = ${sql.v(f.scenario)}`);
  if (f.status) where.push(`a.status = ${sql.v(f.status)}`);
  if (f.caseId) where.push(`a.case_id = ${sql.v(f.caseId)}`);
  if (f.source) where.push(`a.source = ${sql.v(f.source)}`);
  if (f.sweepId) where.push(`a.sweep_id::text = ${sql.v(f.sweepId)}`);
  if (f.from) where.push(`a.created_at >= ${sql.v(f.from)}`);
  if (f.to) where.push(`a.created_at <= ${sql.v(f.to)}`);
  if (f.id) where.push(`a.id::text = ANY(${sql.v(f.id, '::text[]')})`);
  const w = where.join(' AND ');
  const [field, dir] = opts.sort;
  const countValues = [...sql.values];
  const page = `OFFSET ${sql.v(opts.skip)} LIMIT ${sql.v(opts.take)}`;
  const [{ rows }, count] = await Promise.all([
    pool.query<Row>(`${SELECT} WHERE ${w} ORDER BY ${SORTS[field]} ${dir === 'ASC' ? 'ASC' : 'DESC'}, a.id ${page}`, sql.values),
    pool.query<{ n: string }>(`SELECT count(*) AS n FROM monitoring_alerts a JOIN clients c ON c.id = a.client_id WHERE ${w}`, countValues),
  ]);
  return { rows: rows.map(view), total: Number(count.rows[0].n) };
}

export async function alertsById(pool: Pool, ids: string[]): Promise<AlertView[]> {
  if (!ids.length) return [];
  const { rows } = await pool.query<Row>(`${SELECT} WHERE a.id = ANY($1::uuid[]) ORDER BY a.created_at, a.id`, [ids]);
  return rows.map(view);
}
