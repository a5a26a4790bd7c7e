// Leads: creation for web forms, partners (role integration) and manual entry with duplicate detection and
// assignment, the list with the duplicate review queue, merge and "not a duplicate". Scoped like clients:
// a lead is seen through its branch, its account manager and its introducing broker.
import { createHash, randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import { auditIn } from '../../platform/audit';
import { inTransaction } from '../../platform/db';
import { derivedId } from '../../platform/ids';
import { canonicalJson } from '../../platform/timeline';
import {
  LEAD_COLUMNS,
  LeadInputError,
  LeadStateError,
  createLead,
  dismissDuplicates,
  mergeLead,
  readLead,
  storedDuplicates,
  type LeadRow,
} from '../../platform/crm/leads';
import type { SessionUser } from '../auth/session';
import type { ApiDeps } from '../deps';
import { AppError, badRequest, conflict, forbidden, notFound } from '../http/errors';
import { listQuery, page, sendRange } from '../http/list';
import { defineRoute, type RouteRegistry } from '../http/route';
import { inScope, resolveClientScope, type ClientScopeSet } from '../clients/scope';
import { exportLeads } from './export';
import { EXPORT_MAX_ROWS } from '../http/csv-export';
import { LEAD_SORTS, LeadFilter, leadFilterSql, leadOrderSql } from './filter';
import { scopedClient } from '../clients/client360';
import { intakeLead } from '../../platform/crm/development';
import { CreateLeadBody } from '../../platform/crm/lead-input';
import { defineLeadImportRoute } from './import';
import { UPDATE_WAIT_MS, engineUnavailable, isEngineUnreachable, withDeadline } from '../temporal/updates';

export { CreateLeadBody };

const DuplicateSchema = z.object({
  id: z.string(),
  kind: z.enum(['lead', 'client']),
  reason: z.enum(['email', 'phone', 'name_dob']),
  score: z.number(),
  status: z.string().optional(),
  detail: z.object({ summary: z.string(), matchedName: z.string() }).optional(),
});

export const LeadSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  phoneE164: z.string().nullable(),
  country: z.string().nullable(),
  language: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  source: z.string(),
  campaign: z.string().nullable(),
  ib: z.string().nullable(),
  utm: z.object({
    source: z.string().nullable(),
    medium: z.string().nullable(),
    campaign: z.string().nullable(),
    term: z.string().nullable(),
    content: z.string().nullable(),
  }),
  status: z.string(),
  branchId: z.string().nullable(),
  accountManagerId: z.string().nullable(),
  assignedAt: z.string().nullable(),
  assignmentRuleId: z.string().nullable(),
  duplicateOf: z.object({ id: z.string(), kind: z.string() }).nullable(),
  /** on GET one: `name` the lead's or client's name when the caller may see that record, else null (the id only) */
  mergedInto: z.object({ id: z.string(), kind: z.string(), name: z.string().nullable().optional() }).nullable(),
  createdById: z.string().nullable(),
  createdAt: z.string(),
  temperature: z.enum(['hot', 'warm', 'cold']),
  /** the client the lead became when it applied */
  clientId: z.string().nullable(),
  lostReason: z.string().nullable(),
  /** on GET one: the branch's name, the introducing broker's name, the name of the client it became (null when outside the caller's scope) */
  branchName: z.string().nullable().optional(),
  ibName: z.string().nullable().optional(),
  clientName: z.string().nullable().optional(),
  /** the account manager's name (lists and one lead; not on create) */
  accountManagerName: z.string().nullable().optional(),
  /** findings: on create, all found; in lists, the open ones; on GET one, all with their status */
  duplicates: z.array(DuplicateSchema),
});
type LeadView = z.infer<typeof LeadSchema>;

const CreatedLeadSchema = LeadSchema.extend({
  assignment: z.object({
    assigneeId: z.string().nullable(),
    ruleId: z.string().nullable(),
    reason: z.string(),
    startsAt: z.string().optional(),
  }),
  /**
   * The lead's client-development case: `started` (or `exists` on a retry), `reopened` (the lost case of a
   * lead this one duplicates), or `none` with the reason (an existing client's e-mail or phone, no branch yet).
   */
  developmentCase: z.object({
    action: z.enum(['started', 'exists', 'reopened', 'none']),
    caseId: z.string().nullable(),
    workflowId: z.string().nullable(),
    reason: z.string().optional(),
  }),
});

const iso = (d: Date | null) => d?.toISOString() ?? null;
export function toLeadView(l: LeadRow, duplicates: LeadView['duplicates']): LeadView {
  return {
    id: l.id,
    firstName: l.first_name,
    lastName: l.last_name,
    email: l.email,
    phone: l.phone,
    phoneE164: l.phone_e164,
    country: l.country,
    language: l.language,
    dateOfBirth: l.date_of_birth,
    source: l.source,
    campaign: l.campaign,
    ib: l.introducing_broker_id,
    utm: { source: l.utm_source, medium: l.utm_medium, campaign: l.utm_campaign, term: l.utm_term, content: l.utm_content },
    status: l.status,
    branchId: l.branch_id,
    accountManagerId: l.account_manager_id,
    assignedAt: iso(l.assigned_at),
    assignmentRuleId: l.assignment_rule_id,
    duplicateOf: l.duplicate_of_id ? { id: l.duplicate_of_id, kind: l.duplicate_of_kind } : null,
    mergedInto: l.merged_into_id ? { id: l.merged_into_id, kind: l.merged_into_kind } : null,
    createdById: l.created_by_id,
    createdAt: l.created_at.toISOString(),
    temperature: l.temperature,
    clientId: l.client_id,
    lostReason: l.lost_reason,
    duplicates,
  };
}

/** The names of the account managers of these leads (the console shows names, and agents may not list staff). */
async function managerNames(q: Pick<ApiDeps['db']['pool'], 'query'>, leads: LeadRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(leads.flatMap((l) => (l.account_manager_id ? [l.account_manager_id] : [])))];
  if (!ids.length) return new Map();
  const { rows } = await q.query<{ id: string; name: string }>('SELECT id, name FROM users WHERE id = ANY($1::text[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * An Idempotency-Key stands for one lead id (derived from the user and the key) and remembers the request it
 * came with: the same key with another request is 422 (the idempotency_keys table of case starts, kind `lead`).
 */
async function leadIdForKey(deps: ApiDeps, user: SessionUser, key: string, request: unknown): Promise<string> {
  const seed = `lead:${user.id}:${key}`;
  const id = derivedId(seed);
  const keyHash = sha256(seed);
  const requestHash = sha256(canonicalJson(request));
  await deps.db.pool.query(
    `INSERT INTO idempotency_keys (key_hash, user_id, case_type, case_id, request_hash) VALUES ($1, $2, 'lead', $3, $4) ON CONFLICT (key_hash) DO NOTHING`,
    [keyHash, user.id, id, requestHash],
  );
  const { rows } = await deps.db.pool.query<{ request_hash: string }>('SELECT request_hash FROM idempotency_keys WHERE key_hash = $1', [
    keyHash,
  ]);
  if (rows[0].request_hash !== requestHash)
    throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request; use a new key');
  return id;
}

export function leadsRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const router = Router();
  const { pool } = deps.db;
  const READ = deps.access.clientRoles('read');
  const EDIT = deps.access.clientRoles('edits');

  async function scopedLead(scope: ClientScopeSet, id: string, lock?: { tx: Parameters<typeof readLead>[0] }): Promise<LeadRow> {
    if (!z.uuid().safeParse(id).success) throw notFound('Lead');
    const lead = await readLead(lock?.tx ?? pool, id, !!lock);
    if (
      !lead ||
      !inScope(scope, {
        branchId: lead.branch_id,
        accountManagerId: lead.account_manager_id,
        introducingBrokerId: lead.introducing_broker_id,
      })
    ) {
      throw notFound('Lead');
    }
    return lead;
  }

  /** A lead's or client's name when the caller may see that record; null when it is outside the scope (or gone). */
  async function recordName(scope: ClientScopeSet, kind: string, id: string): Promise<string | null> {
    const sql =
      kind === 'client'
        ? 'SELECT name, branch_id, account_manager_id, introducing_broker_id FROM clients WHERE id = $1'
        : `SELECT first_name || ' ' || last_name AS name, branch_id, account_manager_id, introducing_broker_id FROM leads WHERE id = $1`;
    if (kind !== 'client' && !z.uuid().safeParse(id).success) return null;
    const { rows } = await pool.query<{
      name: string;
      branch_id: string | null;
      account_manager_id: string | null;
      introducing_broker_id: string | null;
    }>(sql, [id]);
    const r = rows[0];
    if (
      !r ||
      !inScope(scope, { branchId: r.branch_id, accountManagerId: r.account_manager_id, introducingBrokerId: r.introducing_broker_id })
    )
      return null;
    return r.name;
  }

  defineLeadImportRoute(router, registry, deps, EDIT, CreateLeadBody);

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/leads',
      summary:
        'Create a lead (web forms and partners with role integration, or staff). Finds duplicates among leads and clients (same e-mail in any ' +
        'letter case, same phone in any format, similar name with the same date of birth) and applies the assignment rules. ' +
        'Send Idempotency-Key to make retries safe.',
      tag: 'leads',
      roles: [...new Set([...EDIT, 'integration'])],
      body: CreateLeadBody,
      response: CreatedLeadSchema,
      status: 201,
      errors: { 422: 'Idempotency-Key reused with another request' },
    },
    async ({ body, user, req }) => {
      const scope = await resolveClientScope(deps, user);
      const staff = scope.grant.edits;
      if (!staff && (body.branchId || body.accountManagerId))
        throw forbidden('Only staff may choose the branch or the account manager', 'staff_only');
      if (body.accountManagerId && body.accountManagerId !== user.id && !scope.grant.supervises) {
        throw forbidden('Only a supervisor may assign a lead to someone else', 'assign_others');
      }
      const key = req.header('idempotency-key');
      const id = key ? await leadIdForKey(deps, user, key, body) : randomUUID();
      try {
        const { lead, duplicates, assignment } = await createLead(
          pool,
          id,
          {
            ...body,
            introducingBrokerId: body.ib,
            branchId: body.branchId ?? (staff && !body.ib ? user.branchId : undefined),
          },
          { actorId: user.id, ip: req.ip },
        );
        // the case starts after the lead is stored; a retry with the same Idempotency-Key starts it if this did not
        const intake = await withDeadline(
          deps.temporal,
          Date.now() + UPDATE_WAIT_MS,
          () => intakeLead(deps.temporal, deps.env.TEMPORAL_TASK_QUEUE, pool, lead.id),
          engineUnavailable,
        ).catch((err) => {
          throw isEngineUnreachable(err) ? engineUnavailable() : err;
        });
        const developmentCase =
          intake.action === 'none'
            ? { action: intake.action, caseId: null, workflowId: null, reason: intake.reason }
            : { action: intake.action, caseId: intake.caseId, workflowId: intake.workflowId };
        return { ...toLeadView(lead, duplicates), assignment, developmentCase };
      } catch (err) {
        if (err instanceof LeadInputError) throw badRequest(err.fields);
        throw err;
      }
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/leads',
      summary:
        'Leads in your scope (react-admin list params); filter.duplicate=true is the duplicate review queue, filter.assigned=false the unassigned queue',
      tag: 'leads',
      roles: READ,
      query: listQuery(LeadFilter, LEAD_SORTS),
      response: z.array(LeadSchema),
    },
    async ({ query, user, res }) => {
      const scope = await resolveClientScope(deps, user);
      const f = query.filter ?? {};
      const params: unknown[] = [];
      const filter = leadFilterSql(scope, f, params);
      const order = leadOrderSql(query.sort ?? ['createdAt', 'DESC']);
      const { skip, take } = page(query.range);
      const [rows, count] = await Promise.all([
        pool.query<LeadRow>(
          `SELECT ${LEAD_COLUMNS} FROM leads l WHERE ${filter} ORDER BY ${order} OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
          [...params, skip, take],
        ),
        pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM leads l WHERE ${filter}`, params),
      ]);
      const ids = rows.rows.map((r) => r.id);
      const dups = await pool.query(
        `SELECT lead_id, other_kind, other_id, reason, score, detail FROM lead_duplicates WHERE lead_id = ANY($1::uuid[]) AND status = 'open'
         ORDER BY other_kind = 'client' DESC, reason, score DESC, other_id`,
        [ids],
      );
      const byLead = new Map<string, LeadView['duplicates']>();
      for (const d of dups.rows) {
        const list = byLead.get(d.lead_id) ?? [];
        list.push({ id: d.other_id, kind: d.other_kind, reason: d.reason, score: d.score, ...(d.detail ? { detail: d.detail } : {}) });
        byLead.set(d.lead_id, list);
      }
      const names = await managerNames(pool, rows.rows);
      sendRange(res, 'leads', skip, rows.rows.length, count.rows[0].n);
      return rows.rows.map((l) => ({
        ...toLeadView(l, byLead.get(l.id) ?? []),
        accountManagerName: l.account_manager_id ? (names.get(l.account_manager_id) ?? null) : null,
      }));
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/leads/export.csv',
      summary:
        'The leads list as CSV (UTF-8 with a byte-order mark): the same filter and sort as GET /api/leads (the duplicate review queue too), ' +
        `within your scope, with the names of branch, account manager and IB and the number of open duplicate findings; at most ${EXPORT_MAX_ROWS} ` +
        'rows (more: 400, narrow the filters). Audited as an export.',
      tag: 'leads',
      roles: READ,
      query: listQuery(LeadFilter, LEAD_SORTS).omit({ range: true }),
      errors: { 400: 'A filter that is not valid, or more rows than one export holds' },
    },
    async ({ query, user, req, res }) =>
      exportLeads(deps, {
        user,
        scope: await resolveClientScope(deps, user),
        filter: query.filter ?? {},
        sort: query.sort ?? ['createdAt', 'DESC'],
        ip: req.ip,
        res,
      }),
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/leads/:id',
      summary: 'One lead with every duplicate finding and its status',
      tag: 'leads',
      roles: READ,
      params: z.object({ id: z.string().max(100) }),
      response: LeadSchema,
    },
    async ({ params, user }) => {
      const scope = await resolveClientScope(deps, user);
      const lead = await scopedLead(scope, params.id);
      const names = await managerNames(pool, [lead]);
      const view = toLeadView(lead, await storedDuplicates(pool, lead.id));
      const nameOf = async (sql: string, id: string | null) =>
        id ? ((await pool.query<{ name: string }>(sql, [id])).rows[0]?.name ?? null) : null;
      return {
        ...view,
        accountManagerName: lead.account_manager_id ? (names.get(lead.account_manager_id) ?? null) : null,
        branchName: await nameOf('SELECT name FROM branches WHERE id = $1', lead.branch_id),
        // the lead is in scope, so is its IB (an IB user sees the leads of its own tree only)
        ibName: await nameOf('SELECT name FROM introducing_brokers WHERE id = $1', lead.introducing_broker_id),
        clientName: lead.client_id ? await recordName(scope, 'client', lead.client_id) : null,
        mergedInto: view.mergedInto && { ...view.mergedInto, name: await recordName(scope, view.mergedInto.kind, view.mergedInto.id) },
      };
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/leads/:id/merge',
      summary:
        'Merge this lead into another lead (its empty fields are filled) or a client (the lead’s e-mail and phone join its contacts). ' +
        'The lead ends `merged`; its interactions move; audited with before and after.',
      tag: 'leads',
      roles: EDIT,
      params: z.object({ id: z.string().max(100) }),
      body: z.object({ into: z.object({ kind: z.enum(['lead', 'client']), id: z.string().min(1).max(100) }) }).strict(),
      response: z.object({ merged: z.string(), into: z.object({ kind: z.string(), id: z.string() }), filled: z.array(z.string()) }),
      errors: { 409: 'The lead is already merged or converted, or the target was merged' },
    },
    async ({ params, body, user, req }) => {
      const scope = await resolveClientScope(deps, user);
      if (!scope.grant.edits) throw forbidden();
      await scopedLead(scope, params.id);
      if (body.into.kind === 'client') {
        await scopedClient(deps, scope, body.into.id).catch(() => {
          throw badRequest([{ path: 'body.into.id', message: 'No such client in your scope' }]);
        });
      } else {
        await scopedLead(scope, body.into.id).catch(() => {
          throw badRequest([{ path: 'body.into.id', message: 'No such lead in your scope' }]);
        });
      }
      try {
        const { filled } = await inTransaction(pool, (tx) => mergeLead(tx, params.id, body.into, { actorId: user.id, ip: req.ip }));
        return { merged: params.id, into: body.into, filled };
      } catch (err) {
        if (err instanceof LeadStateError) throw conflict(err.reason, err.message);
        throw err;
      }
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/leads/:id/not-duplicate',
      summary: 'Settle the lead’s open duplicate findings (all, or those about one lead or client) as not duplicates; audited',
      tag: 'leads',
      roles: EDIT,
      params: z.object({ id: z.string().max(100) }),
      body: z
        .object({ kind: z.enum(['lead', 'client']).optional(), id: z.string().min(1).max(100).optional() })
        .strict()
        .refine((b) => !b.kind === !b.id, { message: 'give kind and id together, or neither' }),
      response: z.object({ dismissed: z.number().int() }),
    },
    async ({ params, body, user, req }) => {
      const scope = await resolveClientScope(deps, user);
      if (!scope.grant.edits) throw forbidden();
      await scopedLead(scope, params.id);
      return inTransaction(pool, async (tx) => {
        const dismissed = await dismissDuplicates(tx, params.id, body.kind && body.id ? { kind: body.kind, id: body.id } : null, user.id);
        await auditIn(tx, {
          actorId: user.id,
          action: 'lead_duplicates_dismissed',
          entity: 'lead',
          entityId: params.id,
          data: { only: body.kind ? body : null, dismissed },
          ip: req.ip,
        });
        return { dismissed };
      });
    },
  );

  return router;
}
