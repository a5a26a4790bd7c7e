// The leads list as CSV (GET /api/leads/export.csv), as the client export (api/clients/export.ts) does it: the list's
// own filters (search, status, source, duplicate review queue, ...) and sort within the caller's client scope,
// audited as an export (`leads_exported`: the filter, sort and number of rows) before the first byte, rows streamed
// from a cursor in a read-only transaction (one snapshot, constant memory), at most EXPORT_MAX_ROWS rows. A lead
// holds no identifier a role may not see (no national id, no documents), so nothing is masked.
import type { Response } from 'express';
import { audit } from '../../platform/audit';
import { LEAD_COLUMNS, type LeadRow } from '../../platform/crm/leads';
import type { SessionUser } from '../auth/session';
import type { ClientScopeSet } from '../clients/scope';
import type { ApiDeps } from '../deps';
import { assertExportSize, csvCell, streamCsvExport } from '../http/csv-export';
import { leadFilterSql, leadOrderSql, type LeadFilter, type LeadSort } from './filter';

const HEADER = [
  'id',
  'firstName',
  'lastName',
  'email',
  'phone',
  'country',
  'language',
  'dateOfBirth',
  'source',
  'campaign',
  'utmSource',
  'utmMedium',
  'utmCampaign',
  'utmTerm',
  'utmContent',
  'status',
  'temperature',
  'openDuplicates',
  'duplicateOfKind',
  'duplicateOfId',
  'mergedIntoKind',
  'mergedIntoId',
  'clientId',
  'lostReason',
  'branchId',
  'branch',
  'accountManagerId',
  'accountManager',
  'introducingBrokerId',
  'introducingBroker',
  'createdAt',
];

type ExportRow = LeadRow & {
  branch_name: string | null;
  account_manager_name: string | null;
  introducing_broker_name: string | null;
  open_duplicates: number;
};

const line = (l: ExportRow): string[] =>
  [
    l.id,
    l.first_name,
    l.last_name,
    l.email,
    l.phone,
    l.country,
    l.language,
    l.date_of_birth,
    l.source,
    l.campaign,
    l.utm_source,
    l.utm_medium,
    l.utm_campaign,
    l.utm_term,
    l.utm_content,
    l.status,
    l.temperature,
    l.open_duplicates,
    l.duplicate_of_kind,
    l.duplicate_of_id,
    l.merged_into_kind,
    l.merged_into_id,
    l.client_id,
    l.lost_reason,
    l.branch_id,
    l.branch_name,
    l.account_manager_id,
    l.account_manager_name,
    l.introducing_broker_id,
    l.introducing_broker_name,
    (l.created_at as Date).toISOString(),
  ].map(csvCell);

export async function exportLeads(
  deps: ApiDeps,
  input: { user: SessionUser; scope: ClientScopeSet; filter: LeadFilter; sort: LeadSort; ip: string | undefined; res: Response },
): Promise<void> {
  const { pool } = deps.db;
  const { scope, filter: f, res } = input;
  const params: unknown[] = [];
  const where = leadFilterSql(scope, f, params);
  const order = leadOrderSql(input.sort);
  const total = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM leads l WHERE ${where}`, params)).rows[0].n;
  assertExportSize(total, 'leads');

  await audit(deps.db.prisma, {
    actorId: input.user.id,
    action: 'leads_exported',
    entity: 'lead',
    data: { format: 'csv', rows: total, filter: f, sort: input.sort, masked: [] },
    ip: input.ip,
  });

  await streamCsvExport<ExportRow>(pool, res, {
    fileStem: 'leads',
    sql: `SELECT ${LEAD_COLUMNS}, b.name AS branch_name, am.name AS account_manager_name, ib.name AS introducing_broker_name,
       (SELECT count(*)::int FROM lead_duplicates d WHERE d.lead_id = l.id AND d.status = 'open') AS open_duplicates
     FROM leads l LEFT JOIN branches b ON b.id = l.branch_id
     LEFT JOIN users am ON am.id = l.account_manager_id
     LEFT JOIN introducing_brokers ib ON ib.id = l.introducing_broker_id
     WHERE ${where} ORDER BY ${order}`,
    params,
    header: HEADER,
    line,
  });
}
