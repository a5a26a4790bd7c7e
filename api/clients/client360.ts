// The client 360: one client with everything about it that the user may see, read in parallel.
import type { z } from 'zod';
import type { SessionUser } from '../auth/session';
import type { ApiDeps } from '../deps';
import { notFound } from '../http/errors';
import { scopeSql, type ClientScopeSet } from './scope';
import type { SqlRow } from '../../platform/db';
import {
  CLIENT_COLUMNS,
  type Client360Schema,
  type ContactSchema,
  type RelatedPersonSchema,
  type TimelineItemSchema,
  type TransactionSchema,
  identityOf,
  toClientView,
  type ClientRow,
} from './views';

type Client360 = z.infer<typeof Client360Schema>;
type Transaction = z.infer<typeof TransactionSchema>;
type TimelineItem = z.infer<typeof TimelineItemSchema>;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export interface ScopedClient extends ClientRow {
  branch_name: string;
  account_manager_name: string | null;
  introducing_broker_name: string | null;
}

/** The client if it is in the user's scope; 404 otherwise (outside the scope it does not exist). */
export async function scopedClient(deps: ApiDeps, scope: ClientScopeSet, id: string): Promise<ScopedClient> {
  const params: unknown[] = [id];
  const { rows } = await deps.db.pool.query<ScopedClient>(
    `SELECT ${CLIENT_COLUMNS}, b.name AS branch_name, am.name AS account_manager_name, ib.name AS introducing_broker_name
     FROM clients c JOIN branches b ON b.id = c.branch_id
     LEFT JOIN users am ON am.id = c.account_manager_id
     LEFT JOIN introducing_brokers ib ON ib.id = c.introducing_broker_id
     WHERE c.id = $1 AND ${scopeSql(scope, 'c', params)}`,
    params,
  );
  if (!rows[0]) throw notFound('Client');
  return rows[0];
}

export async function loadContacts(deps: ApiDeps, clientId: string): Promise<z.infer<typeof ContactSchema>[]> {
  const { rows } = await deps.db.pool.query(
    `SELECT kind, value, normalized, label, is_primary FROM client_contacts WHERE client_id = $1 ORDER BY kind, is_primary DESC, id`,
    [clientId],
  );
  return rows.map((r) => ({ kind: r.kind, value: r.value, normalized: r.normalized, label: r.label, primary: r.is_primary }));
}

export async function loadRelatedPersons(deps: ApiDeps, clientId: string): Promise<z.infer<typeof RelatedPersonSchema>[]> {
  const { rows } = await deps.db.pool.query(
    `SELECT id, role, first_name, last_name, name, date_of_birth::text AS date_of_birth, nationality, share_percent::float8 AS share_percent
     FROM client_related_persons WHERE client_id = $1 ORDER BY role, share_percent DESC NULLS LAST, name`,
    [clientId],
  );
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    firstName: r.first_name,
    lastName: r.last_name,
    name: r.name,
    dateOfBirth: r.date_of_birth,
    nationality: r.nationality,
    sharePercent: r.share_percent,
  }));
}

export interface TransactionFilter {
  type?: string;
  status?: string;
  accountId?: string;
  from?: string;
  to?: string;
}

/** Newest first, paged; the total counts the filter's rows (index on client_id, booked_at). */
export async function loadTransactions(
  deps: ApiDeps,
  clientId: string,
  f: TransactionFilter,
  page: { skip: number; take: number },
  knownTotal?: Promise<number>,
): Promise<{ items: Transaction[]; total: number }> {
  const params: unknown[] = [clientId];
  const where = ['client_id = $1'];
  const add = (clause: (n: string) => string, v: unknown) => {
    params.push(v);
    where.push(clause(`$${params.length}`));
  };
  if (f.type) add((n) => `type = ${n}`, f.type);
  if (f.status) add((n) => `status = ${n}`, f.status);
  if (f.accountId) add((n) => `account_id = ${n}`, f.accountId);
  if (f.from) add((n) => `booked_at >= ${n}`, f.from);
  if (f.to) add((n) => `booked_at < ${n}`, f.to);
  const filter = where.join(' AND ');
  const [items, count] = await Promise.all([
    deps.db.pool.query(
      `SELECT id, account_id, source, external_id, type, amount::text AS amount, currency, method, status, booked_at,
         counterparty_name, counterparty_country, instrument, pnl::text AS pnl
       FROM transactions WHERE ${filter} ORDER BY booked_at DESC, id DESC OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, page.skip, page.take],
    ),
    knownTotal ??
      deps.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM transactions WHERE ${filter}`, params).then((r) => r.rows[0].n),
  ]);
  return {
    total: count,
    items: items.rows.map(transactionOf),
  };
}

/** A `transactions` row (amount and pnl read as text) as the API gives it. */
export const transactionOf = (r: SqlRow): Transaction => ({
  id: r.id,
  accountId: r.account_id,
  source: r.source,
  externalId: r.external_id,
  type: r.type,
  amount: r.amount,
  currency: r.currency,
  method: r.method,
  status: r.status,
  bookedAt: r.booked_at.toISOString(),
  counterparty: { name: r.counterparty_name, country: r.counterparty_country },
  instrument: r.instrument,
  pnl: r.pnl,
});

/** The case types' scopes as SQL over `cases` (alias c); null when the user sees no case type. */
function caseScope(deps: ApiDeps, user: SessionUser, params: unknown[]): string | null {
  const parts: string[] = [];
  for (const d of deps.access.definitions) {
    const scoped = deps.access.caseScopeSql(user, d.type, params.length + 2);
    if (!scoped) continue;
    params.push(d.type, ...scoped[1]);
    parts.push(`(c.type = $${params.length - scoped[1].length} AND ${scoped[0]})`);
  }
  return parts.length ? `(${parts.join(' OR ')})` : null;
}

/**
 * One timeline, newest first: interactions, events of the client's cases the user may see, and edits of
 * the client (which fields, not their values). `before`: only items older than this instant (paging).
 */
export async function loadTimeline(
  deps: ApiDeps,
  user: SessionUser,
  clientId: string,
  opts: { before?: string; limit: number },
): Promise<TimelineItem[]> {
  const before = opts.before ?? '9999-12-31T00:00:00Z';
  const params: unknown[] = [clientId, before, opts.limit];
  const cases = caseScope(deps, user, params);
  const parts = [
    `(SELECT 'interaction' AS source, 'interaction:' || i.id AS id, i.occurred_at AS at, i.kind AS type, coalesce(i.agent_id, i.created_by_id) AS actor_id,
        NULL AS case_id, NULL AS case_type, NULL AS reference,
        jsonb_strip_nulls(jsonb_build_object('interactionId', i.id, 'direction', i.direction, 'channel', i.channel, 'subject', i.subject, 'body', i.body,
          'durationSeconds', i.duration_seconds, 'outcome', i.outcome, 'link', i.link, 'source', i.source)) AS data
      FROM interactions i WHERE i.client_id = $1 AND i.occurred_at < $2 ORDER BY i.occurred_at DESC LIMIT $3)`,
    `(SELECT 'audit', 'audit:' || a.id, a.at AT TIME ZONE 'UTC', a.action, a.actor_id, NULL, NULL, NULL,
        jsonb_build_object('fields', coalesce(a.data -> 'fields', '[]'::jsonb))
      FROM audit_events a WHERE a.entity = 'client' AND a.entity_id = $1 AND a.at AT TIME ZONE 'UTC' < $2 ORDER BY a.at DESC LIMIT $3)`,
  ];
  if (cases) {
    parts.push(
      `(SELECT 'case', 'case:' || e.id, e.at AT TIME ZONE 'UTC', e.type, e.actor_id, c.id, c.type, c.reference, e.data
        FROM case_events e JOIN cases c ON c.id = e.case_id
        WHERE c.client_id = $1 AND ${cases} AND e.at AT TIME ZONE 'UTC' < $2 ORDER BY e.at DESC LIMIT $3)`,
    );
  }
  const { rows } = await deps.db.pool.query(
    `SELECT t.*, u.name AS actor_name FROM (${parts.join(' UNION ALL ')}) t LEFT JOIN users u ON u.id = t.actor_id ORDER BY t.at DESC, t.id DESC LIMIT $3`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    source: r.source,
    type: r.type,
    actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? r.actor_id } : null,
    caseId: r.case_id,
    caseType: r.case_type,
    reference: r.reference,
    data: r.data ?? {},
  }));
}

export const FIRST_PAGE = 20;

const money = (v: unknown) => (v === null || v === undefined ? null : String(v));
const isoOf = (v: string | null | undefined) => (v ? new Date(v).toISOString() : null);

/**
 * The client 360 in four round trips, run together: the client with its contacts, related persons,
 * accounts, trading summary (and transaction count), documents and open cases as JSON aggregates of one
 * statement, which also checks the scope; the first page of transactions; the timeline; the open tasks.
 * Nothing is answered unless the first finds the client in scope.
 */
export async function loadClient360(deps: ApiDeps, user: SessionUser, scope: ClientScopeSet, id: string): Promise<Client360> {
  const { grant } = scope;
  const params: unknown[] = [id];
  const scoped = scopeSql(scope, 'c', params);
  const cases = caseScope(deps, user, params);
  const main = deps.db.pool.query(
    `SELECT ${CLIENT_COLUMNS}, b.name AS branch_name, am.name AS account_manager_name, ib.name AS introducing_broker_name,
       (SELECT coalesce(json_agg(json_build_object('kind', kind, 'value', value, 'normalized', normalized, 'label', label, 'primary', is_primary)
          ORDER BY kind, is_primary DESC, id), '[]') FROM client_contacts WHERE client_id = $1) AS contacts,
       (SELECT coalesce(json_agg(json_build_object('id', id, 'role', role, 'firstName', first_name, 'lastName', last_name, 'name', name,
          'dateOfBirth', date_of_birth::text, 'nationality', nationality, 'sharePercent', share_percent::float8)
          ORDER BY role, share_percent DESC NULLS LAST, name), '[]') FROM client_related_persons WHERE client_id = $1) AS related_persons,
       (SELECT coalesce(json_agg(json_build_object('id', id, 'platform', platform, 'login', login, 'currency', currency, 'leverage', leverage,
          'balance', balance::text, 'equity', equity::text, 'marginLevel', margin_level::text, 'status', status, 'openedAt', opened_at,
          'updatedAt', updated_at) ORDER BY opened_at, id), '[]') FROM trading_accounts WHERE client_id = $1) AS accounts,
       (SELECT coalesce(json_agg(s ORDER BY s.currency), '[]') FROM (
          SELECT currency, count(*)::int AS rows,
            count(*) FILTER (WHERE type = 'trade' AND status = 'completed')::int AS trades,
            coalesce(sum(amount) FILTER (WHERE type = 'trade' AND status = 'completed'), 0)::text AS volume,
            coalesce(sum(pnl) FILTER (WHERE type = 'trade' AND status = 'completed'), 0)::text AS pnl,
            coalesce(sum(amount) FILTER (WHERE type = 'deposit' AND status = 'completed'), 0)::text AS deposits,
            coalesce(sum(amount) FILTER (WHERE type = 'withdrawal' AND status = 'completed'), 0)::text AS withdrawals,
            max(booked_at) FILTER (WHERE type = 'trade' AND status = 'completed') AS last_trade_at
          FROM transactions WHERE client_id = $1 GROUP BY currency) s) AS summary,
       ${
         grant.documents
           ? `(SELECT coalesce(json_agg(json_build_object('id', id, 'caseId', case_id, 'kind', kind, 'docType', doc_type, 'fileName', file_name,
                'mimeType', mime_type, 'size', size, 'number', number, 'country', country, 'issuedAt', issued_at::text, 'expiresAt', expires_at::text,
                'uploadedAt', uploaded_at AT TIME ZONE 'UTC') ORDER BY uploaded_at DESC), '[]')
              FROM (SELECT * FROM kyc_documents WHERE client_id = $1 ORDER BY uploaded_at DESC LIMIT 100) d)`
           : 'NULL'
       } AS documents,
       ${
         cases
           ? `(SELECT coalesce(json_agg(json_build_object('id', c.id, 'caseType', c.type, 'reference', c.reference, 'state', c.state, 'status', c.status,
                'summary', c.summary, 'assigneeId', c.assignee_id, 'dueAt', c.due_at AT TIME ZONE 'UTC', 'openedAt', c.opened_at AT TIME ZONE 'UTC')
                ORDER BY c.opened_at DESC), '[]')
              FROM (SELECT c.* FROM cases c WHERE c.client_id = $1 AND c.closed_at IS NULL AND ${cases} ORDER BY c.opened_at DESC LIMIT 50) c)`
           : `'[]'::json`
       } AS open_cases
     FROM clients c JOIN branches b ON b.id = c.branch_id
     LEFT JOIN users am ON am.id = c.account_manager_id
     LEFT JOIN introducing_brokers ib ON ib.id = c.introducing_broker_id
     WHERE c.id = $1 AND ${scoped}`,
    params,
  );
  const [{ rows }, page, timeline, tasks] = await Promise.all([
    main,
    loadTransactions(
      deps,
      id,
      {},
      { skip: 0, take: FIRST_PAGE },
      main.then((r) => r.rows[0]?.summary.reduce((n: number, x: { rows: number }) => n + x.rows, 0) ?? 0),
    ),
    loadTimeline(deps, user, id, { limit: FIRST_PAGE }),
    deps.db.prisma.task.findMany({
      where: { AND: [deps.access.taskWhere(user), { status: { in: ['open', 'claimed'] } }, { case: { clientId: id } }] },
      orderBy: { dueAt: 'asc' },
      take: 50,
    }),
  ]);
  const c = rows[0] as (ScopedClient & SqlRow) | undefined;
  if (!c) throw notFound('Client');
  const summary = (c.summary as SqlRow[]).filter((r) => r.trades > 0 || r.deposits !== '0' || r.withdrawals !== '0');
  const byCurrency = summary.map((r) => ({
    currency: r.currency,
    trades: r.trades,
    volume: r.volume,
    pnl: r.pnl,
    deposits: r.deposits,
    withdrawals: r.withdrawals,
    lastTradeAt: isoOf(r.last_trade_at),
  }));
  const masked: ('nationalId' | 'documents')[] = [];
  if (!grant.nationalId) masked.push('nationalId');
  if (!grant.documents) masked.push('documents');
  return {
    ...toClientView(c),
    ...identityOf(c, grant),
    branch: { id: c.branch_id, name: c.branch_name },
    accountManager: c.account_manager_id ? { id: c.account_manager_id, name: c.account_manager_name ?? c.account_manager_id } : null,
    introducingBroker: c.introducing_broker_id
      ? { id: c.introducing_broker_id, name: c.introducing_broker_name ?? c.introducing_broker_id }
      : null,
    kyc: { status: c.kyc_status, riskBand: c.risk_band, nextReviewAt: iso(c.next_review_at) },
    contacts: c.contacts,
    relatedPersons: c.related_persons,
    accounts: c.accounts.map((a: SqlRow) => ({
      ...a,
      balance: money(a.balance)!,
      equity: money(a.equity)!,
      openedAt: isoOf(a.openedAt)!,
      updatedAt: isoOf(a.updatedAt)!,
    })),
    tradingSummary: {
      byCurrency,
      lastTradeAt:
        byCurrency
          .map((r) => r.lastTradeAt)
          .filter((x): x is string => !!x)
          .sort()
          .at(-1) ?? null,
    },
    transactions: page,
    openCases: c.open_cases.map((x: SqlRow) => ({ ...x, dueAt: isoOf(x.dueAt), openedAt: isoOf(x.openedAt)! })),
    openTasks: tasks.map((t) => ({
      id: t.id,
      caseId: t.caseId,
      caseType: t.caseType,
      step: t.step,
      status: t.status,
      assigneeId: t.assigneeId,
      dueAt: t.dueAt.toISOString(),
    })),
    documents: c.documents ? c.documents.map((d: SqlRow) => ({ ...d, uploadedAt: isoOf(d.uploadedAt)! })) : null,
    timeline,
    masked,
    mayEdit: grant.edits,
  };
}
