// Cross-client lists for the back office and sales: every interaction, trading account and transaction of the
// clients in the caller's scope (GET /api/interactions, /api/accounts, /api/transactions), with the client's
// display name on each row. The scope is the client list's (scope.ts) applied in SQL to the joined client, so a
// page costs one indexed query and one capped count however many rows there are (docs/crm.md, "Lists").
// Nothing on these rows is masked on the client page (national ids and documents are not on them). Each list has a
// CSV export of what it selects (GET /api/<list>/export.csv), audited like the client list's.
import { Router, type Response } from 'express';
import { z } from 'zod';
import { audit } from '../../platform/audit';
import type { SessionUser } from '../auth/session';
import type { ApiDeps } from '../deps';
import { EXPORT_MAX_ROWS, assertExportSize, csvCell, streamCsvExport } from '../http/csv-export';
import { badRequest } from '../http/errors';
import { listQuery, page, sendRange } from '../http/list';
import { defineRoute, type RouteRegistry } from '../http/route';
import type { SqlRow } from '../../platform/db';
import { interactionOf } from '../../platform/crm/interactions';
import { AccountListFilter, InteractionListFilter, TransactionListFilter } from './schemas';
import { resolveClientScope, scopeSql, type ClientScopeSet } from './scope';
import { AccountSchema, TransactionSchema } from './views';
import { transactionOf } from './client360';
import { InteractionSchema } from '../interactions/router';

/**
 * The totals are counted up to this many rows (Content-Range says at most this), and a page may not start
 * beyond it: counting or skipping millions of rows for a page nobody reads would cost seconds. Narrow the filters.
 */
export const LIST_COUNT_LIMIT = 10_000;

const ClientRef = z.object({ id: z.string(), name: z.string() });

export const InteractionRowSchema = InteractionSchema.extend({
  client: ClientRef,
  agent: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export const AccountRowSchema = AccountSchema.extend({ clientId: z.string(), client: ClientRef });
export const TransactionRowSchema = TransactionSchema.extend({
  clientId: z.string(),
  client: ClientRef,
  account: z.object({ id: z.string(), platform: z.string(), login: z.string() }).nullable(),
});

const dir = (d: 'ASC' | 'DESC') => (d === 'ASC' ? 'ASC' : 'DESC');

/** WHERE clauses with numbered parameters; the scope over the joined client `c` first. */
class Where {
  readonly params: unknown[] = [];
  readonly parts: string[] = [];
  /** how many of the parameters are the scope's (the first part) */
  scopeParams = 0;
  add(clause: (p: string) => string, value: unknown): void {
    this.params.push(value);
    this.parts.push(clause(`$${this.params.length}`));
  }
  sql(): string {
    return this.parts.join(' AND ');
  }
}

function checkRange(range: [number, number] | undefined): void {
  if (range && range[0] >= LIST_COUNT_LIMIT)
    throw badRequest([{ path: 'query.range', message: `a page must start before row ${LIST_COUNT_LIMIT}: narrow the filters` }]);
}

/**
 * What a list reads: its table (each row a client's, joined as `c`), tables joined after, the scope (first
 * part of `where`, over `c`) and the filters (the other parts, over the table), its order. Shared by the page
 * and the export.
 */
interface ListSql {
  select: string;
  table: string;
  alias: string;
  joins: string;
  where: Where;
  order: string;
  /** the scope covers every client */
  all: boolean;
}

const scoped = (scope: ClientScopeSet): Where => {
  const w = new Where();
  w.parts.push(scopeSql(scope, 'c', w.params));
  w.scopeParams = w.params.length;
  return w;
};

/** The rows joined to their clients: newest first, a wide scope is read along the table's own index. */
const fromOf = (q: ListSql) => `${q.table} JOIN clients c ON c.id = ${q.alias}.client_id ${q.joins}`;

/** Scopes of at most this many clients are read client by client (an account manager's book, an IB's tree). */
const NARROW_SCOPE = 5_000;

/**
 * Whether the scope is narrow: then the table's newest rows are mostly other clients', and reading them in
 * order until a page (and the capped count) is found would pass over most of the table.
 */
async function narrowScope(deps: ApiDeps, q: ListSql): Promise<boolean> {
  if (q.all) return false;
  const { rows } = await deps.db.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM clients c WHERE ${q.where.parts[0]} LIMIT ${NARROW_SCOPE + 1}) x`,
    q.where.params.slice(0, q.where.scopeParams),
  );
  return rows[0].n <= NARROW_SCOPE;
}

/**
 * The CSV of everything the list selects (no page), at most EXPORT_MAX_ROWS rows (counted up to one more: more is a
 * 400), audited as `<what>_exported` with the filter, sort and rows before the first byte.
 */
async function exportCsv(
  deps: ApiDeps,
  q: ListSql & {
    what: string;
    user: SessionUser;
    ip: string | undefined;
    res: Response;
    filter: unknown;
    sort: unknown;
    columns: [string, (r: SqlRow) => unknown][];
  },
): Promise<void> {
  const { pool } = deps.db;
  const where = q.where.sql();
  const { params } = q.where;
  const total = (
    await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${fromOf(q)} WHERE ${where} LIMIT ${EXPORT_MAX_ROWS + 1}) x`,
      params,
    )
  ).rows[0].n;
  assertExportSize(total, q.what);
  await audit(deps.db.prisma, {
    actorId: q.user.id,
    action: `${q.what}_exported`,
    entity: 'client',
    data: { format: 'csv', rows: total, filter: q.filter, sort: q.sort, masked: [] },
    ip: q.ip,
  });
  await streamCsvExport<SqlRow>(pool, q.res, {
    fileStem: q.what,
    sql: `SELECT ${q.select} FROM ${fromOf(q)} WHERE ${where} ORDER BY ${q.order}`,
    params,
    header: q.columns.map(([name]) => name),
    line: (r) => q.columns.map(([, value]) => csvCell(value(r))),
  });
}

/**
 * One page and the capped total, ordered by `order`. A narrow scope is read client by client: each client's
 * newest rows along its own index (at most as many as the page needs), then merged.
 */
async function pageOf(
  deps: ApiDeps,
  q: ListSql & { range: [number, number] | undefined },
): Promise<{ rows: SqlRow[]; total: number; skip: number }> {
  checkRange(q.range);
  const { skip, take } = page(q.range);
  const { params } = q.where;
  const n = params.length;
  let from = fromOf(q);
  let where = q.where.sql();
  let counted = from;
  if (await narrowScope(deps, q)) {
    const own = [`${q.alias}.client_id = c.id`, ...q.where.parts.slice(1)].join(' AND ');
    const { table, alias } = q;
    from = `clients c CROSS JOIN LATERAL (SELECT ${alias}.* FROM ${table} WHERE ${own} ORDER BY ${q.order} LIMIT $${n + 1}::int + $${n + 2}::int) ${alias} ${q.joins}`;
    counted = `clients c CROSS JOIN LATERAL (SELECT 1 FROM ${table} WHERE ${own} LIMIT ${LIST_COUNT_LIMIT}) ${alias}`;
    where = q.where.parts[0];
  }
  const [rows, count] = await Promise.all([
    deps.db.pool.query(`SELECT ${q.select} FROM ${from} WHERE ${where} ORDER BY ${q.order} OFFSET $${n + 1} LIMIT $${n + 2}`, [
      ...params,
      skip,
      take,
    ]),
    deps.db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM ${counted} WHERE ${where} LIMIT ${LIST_COUNT_LIMIT}) x`,
      params,
    ),
  ]);
  return { rows: rows.rows, total: count.rows[0].n, skip };
}

type InteractionFilter = z.infer<typeof InteractionListFilter>;
type AccountFilter = z.infer<typeof AccountListFilter>;
type TransactionFilter = z.infer<typeof TransactionListFilter>;

function interactionSql(scope: ClientScopeSet, f: InteractionFilter, order: 'ASC' | 'DESC'): ListSql {
  const w = scoped(scope);
  if (f.kind) w.add((p) => `i.kind = ${p}`, f.kind);
  if (f.channel) w.add((p) => `i.channel = ${p}`, f.channel);
  if (f.direction) w.add((p) => `i.direction = ${p}`, f.direction);
  if (f.agentId) w.add((p) => `i.agent_id = ${p}`, f.agentId);
  if (f.clientId) w.add((p) => `i.client_id = ${p}`, f.clientId);
  if (f.from) w.add((p) => `i.occurred_at >= ${p}`, f.from);
  if (f.to) w.add((p) => `i.occurred_at < ${p}`, f.to);
  const d = dir(order);
  return {
    select: `i.*, c.name AS client_name, u.name AS agent_name`,
    table: 'interactions i',
    alias: 'i',
    joins: 'LEFT JOIN users u ON u.id = i.agent_id',
    where: w,
    all: scope.all,
    order: `i.occurred_at ${d}, i.id ${d}`,
  };
}

const ACCOUNT_SORT = { openedAt: 'a.opened_at', login: 'a.login', platform: 'a.platform' } as const;
const ACCOUNT_SORTS = ['openedAt', 'login', 'platform'] as const;

function accountSql(scope: ClientScopeSet, f: AccountFilter, [field, order]: [keyof typeof ACCOUNT_SORT, 'ASC' | 'DESC']): ListSql {
  const w = scoped(scope);
  if (f.platform) w.add((p) => `a.platform = ${p}`, f.platform);
  if (f.currency) w.add((p) => `a.currency = ${p}`, f.currency);
  if (f.clientId) w.add((p) => `a.client_id = ${p}`, f.clientId);
  if (f.login) w.add((p) => `a.login = ${p}`, f.login);
  if (f.status) w.add((p) => `a.status = ${p}`, f.status);
  const d = dir(order);
  return {
    select: `a.id, a.client_id, a.platform, a.login, a.currency, a.leverage, a.balance::text AS balance, a.equity::text AS equity,
      a.margin_level::text AS margin_level, a.status, a.opened_at, a.updated_at, c.name AS client_name`,
    table: 'trading_accounts a',
    alias: 'a',
    joins: '',
    where: w,
    all: scope.all,
    order: `${ACCOUNT_SORT[field]} ${d}, a.id ${d}`,
  };
}

function transactionSql(scope: ClientScopeSet, f: TransactionFilter, order: 'ASC' | 'DESC'): ListSql {
  const w = scoped(scope);
  if (f.type) w.add((p) => `t.type = ${p}`, f.type);
  if (f.status) w.add((p) => `t.status = ${p}`, f.status);
  if (f.clientId) w.add((p) => `t.client_id = ${p}`, f.clientId);
  if (f.accountId) w.add((p) => `t.account_id = ${p}`, f.accountId);
  if (f.from) w.add((p) => `t.booked_at >= ${p}`, f.from);
  if (f.to) w.add((p) => `t.booked_at < ${p}`, f.to);
  const d = dir(order);
  return {
    select: `t.id, t.client_id, t.account_id, t.source, t.external_id, t.type, t.amount::text AS amount, t.currency, t.method, t.status,
      t.booked_at, t.counterparty_name, t.counterparty_country, t.instrument, t.pnl::text AS pnl, c.name AS client_name,
      a.platform AS account_platform, a.login AS account_login`,
    table: 'transactions t',
    alias: 't',
    joins: 'LEFT JOIN trading_accounts a ON a.id = t.account_id',
    where: w,
    all: scope.all,
    order: `t.booked_at ${d}, t.id ${d}`,
  };
}

const EXPORT_SUMMARY = (what: string) =>
  `The list as CSV (UTF-8 with a byte-order mark): the same filter and sort as GET /api/${what}, within your scope, at most ` +
  `${EXPORT_MAX_ROWS} rows (more: 400, narrow the filters). Audited as an export.`;

export function crmListsRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const router = Router();
  const READ = deps.access.clientRoles('read');

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/interactions',
      summary:
        'Interactions (calls, e-mails, chats, meetings, notes, system events) with the clients in your scope, newest first, each with the ' +
        'client’s name and the agent (react-admin list params). filter={"kind","channel","direction","agentId","clientId","from","to"}: from ' +
        'and to a day (YYYY-MM-DD, UTC; both days included) or a time with its offset. Interactions with leads are on the lead. ' +
        `The total counts up to ${LIST_COUNT_LIMIT} rows; 400 names the field at fault.`,
      tag: 'interactions',
      roles: READ,
      query: listQuery(InteractionListFilter, ['occurredAt'] as const),
      response: z.array(InteractionRowSchema),
    },
    async ({ query, user, res }) => {
      const sql = interactionSql(await resolveClientScope(deps, user), query.filter ?? {}, query.sort?.[1] ?? 'DESC');
      const { rows, total, skip } = await pageOf(deps, { ...sql, range: query.range });
      sendRange(res, 'interactions', skip, rows.length, total);
      return rows.map((r) => ({
        ...interactionOf(r),
        client: { id: r.client_id, name: r.client_name },
        agent: r.agent_id ? { id: r.agent_id, name: r.agent_name ?? r.agent_id } : null,
      }));
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/interactions/export.csv',
      summary: EXPORT_SUMMARY('interactions'),
      tag: 'interactions',
      roles: READ,
      query: listQuery(InteractionListFilter, ['occurredAt'] as const).omit({ range: true }),
      errors: { 400: 'A filter that is not valid, or more rows than one export holds' },
    },
    async ({ query, user, req, res }) =>
      exportCsv(deps, {
        ...interactionSql(await resolveClientScope(deps, user), query.filter ?? {}, query.sort?.[1] ?? 'DESC'),
        what: 'interactions',
        user,
        ip: req.ip,
        res,
        filter: query.filter ?? {},
        sort: query.sort ?? ['occurredAt', 'DESC'],
        columns: [
          ['id', (r) => r.id],
          ['occurredAt', (r) => r.occurred_at],
          ['clientId', (r) => r.client_id],
          ['client', (r) => r.client_name],
          ['kind', (r) => r.kind],
          ['direction', (r) => r.direction],
          ['channel', (r) => r.channel],
          ['subject', (r) => r.subject],
          ['body', (r) => r.body],
          ['agentId', (r) => r.agent_id],
          ['agent', (r) => r.agent_name],
          ['durationSeconds', (r) => r.duration_seconds],
          ['outcome', (r) => r.outcome],
          ['link', (r) => r.link],
          ['source', (r) => r.source],
          ['externalId', (r) => r.external_id],
        ],
      }),
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/accounts',
      summary:
        'Trading accounts of the clients in your scope (balance, equity, margin level as the platform last reported them), each with the ' +
        'client’s name (react-admin list params; newest first by default). filter={"platform","currency","clientId","login","status"}; ' +
        `the login is matched exactly. The total counts up to ${LIST_COUNT_LIMIT} rows; 400 names the field at fault.`,
      tag: 'clients',
      roles: READ,
      query: listQuery(AccountListFilter, ACCOUNT_SORTS),
      response: z.array(AccountRowSchema),
    },
    async ({ query, user, res }) => {
      const sql = accountSql(await resolveClientScope(deps, user), query.filter ?? {}, query.sort ?? ['openedAt', 'DESC']);
      const { rows, total, skip } = await pageOf(deps, { ...sql, range: query.range });
      sendRange(res, 'accounts', skip, rows.length, total);
      return rows.map((r) => ({
        id: r.id,
        clientId: r.client_id,
        client: { id: r.client_id, name: r.client_name },
        platform: r.platform,
        login: r.login,
        currency: r.currency,
        leverage: r.leverage,
        balance: r.balance,
        equity: r.equity,
        marginLevel: r.margin_level,
        status: r.status,
        openedAt: r.opened_at.toISOString(),
        updatedAt: r.updated_at.toISOString(),
      }));
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/accounts/export.csv',
      summary: EXPORT_SUMMARY('accounts'),
      tag: 'clients',
      roles: READ,
      query: listQuery(AccountListFilter, ACCOUNT_SORTS).omit({ range: true }),
      errors: { 400: 'A filter that is not valid, or more rows than one export holds' },
    },
    async ({ query, user, req, res }) => {
      const sort = query.sort ?? ['openedAt', 'DESC'];
      return exportCsv(deps, {
        ...accountSql(await resolveClientScope(deps, user), query.filter ?? {}, sort),
        what: 'accounts',
        user,
        ip: req.ip,
        res,
        filter: query.filter ?? {},
        sort,
        columns: [
          ['id', (r) => r.id],
          ['clientId', (r) => r.client_id],
          ['client', (r) => r.client_name],
          ['platform', (r) => r.platform],
          ['login', (r) => r.login],
          ['currency', (r) => r.currency],
          ['leverage', (r) => r.leverage],
          ['balance', (r) => r.balance],
          ['equity', (r) => r.equity],
          ['marginLevel', (r) => r.margin_level],
          ['status', (r) => r.status],
          ['openedAt', (r) => r.opened_at],
          ['updatedAt', (r) => r.updated_at],
        ],
      });
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/transactions',
      summary:
        'Deposits, withdrawals, transfers and trades of the clients in your scope, newest first, each with the client’s name and the ' +
        'account (react-admin list params). filter={"type","status","clientId","accountId","from","to"} as for a client’s transactions: ' +
        'from and to a day (YYYY-MM-DD, UTC; both days included) or a time with its offset (from inclusive, to exclusive). ' +
        `The total counts up to ${LIST_COUNT_LIMIT} rows; 400 names the field at fault.`,
      tag: 'clients',
      roles: READ,
      query: listQuery(TransactionListFilter, ['bookedAt'] as const),
      response: z.array(TransactionRowSchema),
    },
    async ({ query, user, res }) => {
      const sql = transactionSql(await resolveClientScope(deps, user), query.filter ?? {}, query.sort?.[1] ?? 'DESC');
      const { rows, total, skip } = await pageOf(deps, { ...sql, range: query.range });
      sendRange(res, 'transactions', skip, rows.length, total);
      return rows.map((r) => ({
        ...transactionOf(r),
        clientId: r.client_id,
        client: { id: r.client_id, name: r.client_name },
        account: r.account_id ? { id: r.account_id, platform: r.account_platform, login: r.account_login } : null,
      }));
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/transactions/export.csv',
      summary: EXPORT_SUMMARY('transactions'),
      tag: 'clients',
      roles: READ,
      query: listQuery(TransactionListFilter, ['bookedAt'] as const).omit({ range: true }),
      errors: { 400: 'A filter that is not valid, or more rows than one export holds' },
    },
    async ({ query, user, req, res }) =>
      exportCsv(deps, {
        ...transactionSql(await resolveClientScope(deps, user), query.filter ?? {}, query.sort?.[1] ?? 'DESC'),
        what: 'transactions',
        user,
        ip: req.ip,
        res,
        filter: query.filter ?? {},
        sort: query.sort ?? ['bookedAt', 'DESC'],
        columns: [
          ['id', (r) => r.id],
          ['bookedAt', (r) => r.booked_at],
          ['clientId', (r) => r.client_id],
          ['client', (r) => r.client_name],
          ['accountId', (r) => r.account_id],
          ['platform', (r) => r.account_platform],
          ['login', (r) => r.account_login],
          ['type', (r) => r.type],
          ['amount', (r) => r.amount],
          ['currency', (r) => r.currency],
          ['method', (r) => r.method],
          ['status', (r) => r.status],
          ['counterpartyName', (r) => r.counterparty_name],
          ['counterpartyCountry', (r) => r.counterparty_country],
          ['instrument', (r) => r.instrument],
          ['pnl', (r) => r.pnl],
          ['source', (r) => r.source],
          ['externalId', (r) => r.external_id],
        ],
      }),
  );

  return router;
}
