// The client list as CSV (GET /api/clients/export.csv): the list's own filters and sort (or its search, best
// first), within the caller's client scope, with the caller's masking (national id), never documents. Audited
// as an export (`clients_exported`: the filter, sort and number of rows) before the first byte is sent. Rows are
// streamed from a cursor in a read-only transaction (one snapshot, constant memory).
import type { Response } from 'express';
import { audit } from '../../platform/audit';
import { maskIdentifier } from '../../platform/crm/names';
import type { SessionUser } from '../auth/session';
import type { ApiDeps } from '../deps';
import { EXPORT_MAX_ROWS, assertExportSize, csvCell, streamCsvExport } from '../http/csv-export';
import { scopeSql, type ClientScopeSet } from './scope';
import type { ClientFilter } from './schemas';
import { planSearch, searchClients } from './search';
import { CLIENT_COLUMNS, type ClientRow } from './views';
import type { z } from 'zod';

export const SORT_COLUMNS = {
  name: 'c.name',
  email: 'c.email',
  createdAt: 'c.created_at',
  country: 'c.country',
  kycStatus: 'c.kyc_status',
  tier: 'c.tier',
} as const;
export type SortField = keyof typeof SORT_COLUMNS;

type Filter = z.infer<typeof ClientFilter>;

/** The list's filters (everything but the search text) as SQL over clients `c`, the scope first. */
export function filterSql(scope: ClientScopeSet, f: Filter, params: unknown[]): string {
  const where = [scopeSql(scope, 'c', params)];
  const add = (column: string, v: unknown) => {
    params.push(v);
    where.push(`${column} = $${params.length}`);
  };
  if (f.branchId) add('c.branch_id', f.branchId);
  if (f.accountManagerId) add('c.account_manager_id', f.accountManagerId);
  if (f.introducingBrokerId) add('c.introducing_broker_id', f.introducingBrokerId);
  if (f.tier) add('c.tier', f.tier);
  if (f.kycStatus) add('c.kyc_status', f.kycStatus);
  if (f.tag) {
    params.push(f.tag);
    where.push(`$${params.length} = ANY(c.tags)`);
  }
  if (f.id) {
    params.push(f.id);
    where.push(`c.id = ANY($${params.length}::text[])`);
  }
  return where.join(' AND ');
}

const HEADER = [
  'id',
  'name',
  'type',
  'firstName',
  'lastName',
  'legalName',
  'registrationNumber',
  'dateOfBirth',
  'nationality',
  'nationalId',
  'email',
  'phone',
  'country',
  'language',
  'tier',
  'tags',
  'segment',
  'kycStatus',
  'riskBand',
  'nextReviewAt',
  'branchId',
  'branch',
  'accountManagerId',
  'accountManager',
  'introducingBrokerId',
  'introducingBroker',
  'createdAt',
];

interface ExportRow extends ClientRow {
  branch_name: string;
  account_manager_name: string | null;
  introducing_broker_name: string | null;
}

const line = (c: ExportRow, nationalId: boolean): string[] =>
  [
    c.id,
    c.name,
    c.type,
    c.first_name,
    c.last_name,
    c.legal_name,
    c.registration_number,
    c.date_of_birth,
    c.nationality,
    nationalId ? c.national_id : maskIdentifier(c.national_id),
    c.email,
    c.phone,
    c.country,
    c.language,
    c.tier,
    c.tags.join(';'),
    c.segment,
    c.kyc_status,
    c.risk_band,
    c.next_review_at?.toISOString() ?? null,
    c.branch_id,
    c.branch_name,
    c.account_manager_id,
    c.account_manager_name,
    c.introducing_broker_id,
    c.introducing_broker_name,
    c.created_at.toISOString(),
  ].map(csvCell);

export async function exportClients(
  deps: ApiDeps,
  input: {
    user: SessionUser;
    scope: ClientScopeSet;
    filter: Filter;
    sort: [SortField, 'ASC' | 'DESC'];
    countries: () => Promise<string[]>;
    ip: string | undefined;
    res: Response;
  },
): Promise<void> {
  const { pool } = deps.db;
  const { scope, filter: f, res } = input;
  const params: unknown[] = [];
  let where: string;
  let order: string;
  let total: number;
  if (f.q?.trim()) {
    // the search, as the list shows it: its hits best first (name hits are capped, so a search exports at most a few hundred)
    const plan = planSearch(f.q, { countries: await input.countries(), identifiers: scope.grant.documents && scope.grant.nationalId });
    const { hits } = await searchClients(pool, plan, scope, { skip: 0, take: EXPORT_MAX_ROWS });
    params.push(hits.map((h) => h.clientId));
    where = `c.id = ANY($1::text[]) AND ${scopeSql(scope, 'c', params)}`;
    order = 'array_position($1::text[], c.id)';
    total = hits.length;
  } else {
    where = filterSql(scope, f, params);
    const [field, dir] = input.sort;
    order = `${SORT_COLUMNS[field]} ${dir === 'ASC' ? 'ASC' : 'DESC'} NULLS LAST, c.id`;
    total = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM clients c WHERE ${where}`, params)).rows[0].n;
  }
  assertExportSize(total, 'clients');

  await audit(deps.db.prisma, {
    actorId: input.user.id,
    action: 'clients_exported',
    entity: 'client',
    data: { format: 'csv', rows: total, filter: f, sort: input.sort, masked: scope.grant.nationalId ? [] : ['nationalId'] },
    ip: input.ip,
  });

  await streamCsvExport<ExportRow>(pool, res, {
    fileStem: 'clients',
    sql: `SELECT ${CLIENT_COLUMNS}, b.name AS branch_name, am.name AS account_manager_name, ib.name AS introducing_broker_name
     FROM clients c JOIN branches b ON b.id = c.branch_id
     LEFT JOIN users am ON am.id = c.account_manager_id
     LEFT JOIN introducing_brokers ib ON ib.id = c.introducing_broker_id
     WHERE ${where} ORDER BY ${order}`,
    params,
    header: HEADER,
    line: (r: ExportRow) => line(r, scope.grant.nationalId),
  });
}
