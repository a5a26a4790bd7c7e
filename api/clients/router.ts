// Clients: list and search, the client 360 and its paged parts, edits (audited with before and after),
// interactions logged from the client page, and the hand-over of an account manager's book. Every route
// is scoped by the user's client scope (api/clients/scope.ts); outside it a client does not exist (404).
import { Router } from 'express';
import { z } from 'zod';
import { auditIn } from '../../platform/audit';
import { inTransaction } from '../../platform/db';
import { contactRows, replaceContacts, replaceRelatedPersons, type ContactRow } from '../../platform/crm/clients';
import { displayName, maskIdentifier, searchNameOf } from '../../platform/crm/names';
import { recordInteraction } from '../../platform/crm/interactions';
import { IB_INACTIVE } from '../../platform/crm/assignment';
import type { ApiDeps } from '../deps';
import { AppError, badRequest, forbidden, notFound } from '../http/errors';
import { listQuery, page, sendRange } from '../http/list';
import { defineRoute, type RouteRegistry } from '../http/route';
import { IdParams, Timestamp } from '../http/schemas';
import { FIRST_PAGE, loadClient360, loadContacts, loadRelatedPersons, loadTimeline, loadTransactions, scopedClient } from './client360';
import { ClientFilter, ClientInteractionBody, ClientPatch, HandoverBody, OWNER_FIELDS, TransactionFilter } from './schemas';
import { planSearch, searchClients } from './search';
import { exportClients, filterSql, SORT_COLUMNS } from './export';
import { EXPORT_MAX_ROWS } from '../http/csv-export';
import { hasClientAccess, resolveClientScope, scopeSql, type ClientScopeSet } from './scope';
import {
  CLIENT_COLUMNS,
  Client360Schema,
  ClientSchema,
  TimelineItemSchema,
  TransactionSchema,
  toClientView,
  type ClientRow,
} from './views';
import { InteractionSchema } from '../interactions/router';

export { ClientSchema } from './views';

/** The branches' countries: where a phone number typed without its country code is tried. */
function branchCountries(deps: ApiDeps): () => Promise<string[]> {
  let cached: { at: number; countries: string[] } | undefined;
  return async () => {
    if (cached && Date.now() - cached.at < 60_000) return cached.countries;
    const { rows } = await deps.db.pool.query<{ country: string }>(
      'SELECT DISTINCT country FROM branches WHERE country IS NOT NULL ORDER BY 1',
    );
    cached = { at: Date.now(), countries: rows.map((r) => r.country) };
    return cached.countries;
  };
}

/** Before and after of the fields that changed; national ids stay masked in the audit log. */
function changes(before: Record<string, unknown>, after: Record<string, unknown>) {
  const fields = Object.keys(after).filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
  const pick = (o: Record<string, unknown>) =>
    Object.fromEntries(fields.map((k) => [k, k === 'nationalId' ? maskIdentifier((o[k] as string | null) ?? null) : (o[k] ?? null)]));
  return { fields, before: pick(before), after: pick(after) };
}

const contactView = (r: ContactRow) => ({ kind: r.kind, value: r.value, normalized: r.normalized, label: r.label, primary: r.isPrimary });

export function clientsRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const router = Router();
  const { pool } = deps.db;
  const countries = branchCountries(deps);
  const READ = deps.access.clientRoles('read');
  const EDIT = deps.access.clientRoles('edits');
  const SUPERVISE = deps.access.clientRoles('supervises');

  const scopeOf = async (user: Parameters<typeof resolveClientScope>[1]): Promise<ClientScopeSet> => resolveClientScope(deps, user);

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/clients',
      summary:
        'Clients in your scope (react-admin list params). filter.q searches by name (fuzzy, any script), e-mail, phone in any format, ' +
        'trading-account login, document or national id number (roles that see them) and client id; results best first with `matched`.',
      tag: 'clients',
      roles: READ,
      query: listQuery(ClientFilter, ['name', 'email', 'createdAt', 'country', 'kycStatus', 'tier'] as const),
      response: z.array(ClientSchema),
    },
    async ({ query, user, res }) => {
      const scope = await scopeOf(user);
      const f = query.filter ?? {};
      const { skip, take } = page(query.range);
      if (f.q?.trim()) {
        const plan = planSearch(f.q, { countries: await countries(), identifiers: scope.grant.documents && scope.grant.nationalId });
        const { hits, total } = await searchClients(pool, plan, scope, { skip, take });
        sendRange(res, 'clients', skip, hits.length, total);
        return hits.map((h) => ({ ...toClientView(h.row), matched: h.matched, score: h.score }));
      }
      const params: unknown[] = [];
      const filter = filterSql(scope, f, params);
      const [field, dir] = query.sort ?? ['name', 'ASC'];
      const [rows, count] = await Promise.all([
        pool.query<ClientRow>(
          `SELECT ${CLIENT_COLUMNS} FROM clients c WHERE ${filter} ORDER BY ${SORT_COLUMNS[field]} ${dir === 'ASC' ? 'ASC' : 'DESC'} NULLS LAST, c.id
           OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
          [...params, skip, take],
        ),
        pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM clients c WHERE ${filter}`, params),
      ]);
      sendRange(res, 'clients', skip, rows.rows.length, count.rows[0].n);
      return rows.rows.map(toClientView);
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/clients/export.csv',
      summary:
        'The client list as CSV (UTF-8 with a byte-order mark): the same filter and sort as GET /api/clients (a search exports its hits, ' +
        `best first), within your scope, national id masked for roles that may not see it, no documents; at most ${EXPORT_MAX_ROWS} rows ` +
        '(more: 400, narrow the filters). Audited as an export.',
      tag: 'clients',
      roles: READ,
      query: listQuery(ClientFilter, ['name', 'email', 'createdAt', 'country', 'kycStatus', 'tier'] as const).omit({ range: true }),
      errors: { 400: 'A filter that is not valid, or more rows than one export holds' },
    },
    async ({ query, user, req, res }) =>
      exportClients(deps, {
        user,
        scope: await scopeOf(user),
        filter: query.filter ?? {},
        sort: query.sort ?? ['name', 'ASC'],
        countries,
        ip: req.ip,
        res,
      }),
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/clients/:id',
      summary:
        'The client 360: identity, contacts, related persons, accounts, trading summary, the first page of transactions and of the timeline ' +
        '(interactions, case events, edits), open cases and tasks you may see, documents (roles that see them); national id masked for some roles',
      tag: 'clients',
      roles: READ,
      params: IdParams,
      response: Client360Schema,
    },
    async ({ params, user }) => loadClient360(deps, user, await scopeOf(user), params.id),
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/clients/:id/transactions',
      summary:
        'A client’s deposits, withdrawals, transfers and trades, newest first (react-admin range; Content-Range has the total). ' +
        'filter={"type","status","accountId","from","to"}: from and to a day (YYYY-MM-DD, UTC; both days included) or a time with its offset ' +
        '(from inclusive, to exclusive); 400 names the field at fault',
      tag: 'clients',
      roles: READ,
      params: IdParams,
      query: listQuery(TransactionFilter, ['bookedAt'] as const),
      response: z.array(TransactionSchema),
    },
    async ({ params, query, user, res }) => {
      await scopedClient(deps, await scopeOf(user), params.id);
      const { skip, take } = page(query.range);
      const { items, total } = await loadTransactions(deps, params.id, query.filter ?? {}, { skip, take });
      sendRange(res, 'transactions', skip, items.length, total);
      return items;
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/clients/:id/timeline',
      summary:
        'A client’s timeline, newest first: interactions, events of the cases you may see, edits. Page with `before` (the last item’s `at`).',
      tag: 'clients',
      roles: READ,
      params: IdParams,
      query: z.object({ before: Timestamp.optional(), limit: z.coerce.number().int().min(1).max(200).default(FIRST_PAGE) }),
      response: z.array(TimelineItemSchema),
    },
    async ({ params, query, user }) => {
      await scopedClient(deps, await scopeOf(user), params.id);
      return loadTimeline(deps, user, params.id, query);
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'patch',
      path: '/clients/:id',
      summary:
        'Edit a client (only the fields given; contacts and related persons are replaced as a whole). Audited with before and after. ' +
        'Owner, branch and IB: roles that supervise client books; national id: roles that see it.',
      tag: 'clients',
      roles: EDIT,
      params: IdParams,
      body: ClientPatch,
      response: Client360Schema,
      errors: { 403: 'A field your role may not change', 404: 'No such client in your scope' },
    },
    async ({ params, body, user, req }) => {
      const scope = await scopeOf(user);
      if (!scope.grant.edits) throw forbidden();
      const owner = OWNER_FIELDS.filter((k) => body[k] !== undefined);
      if (owner.length && !scope.grant.supervises) throw forbidden(`Only a supervisor may change ${owner.join(', ')}`, 'owner_fields');
      if (body.nationalId !== undefined && !scope.grant.nationalId)
        throw forbidden('Your role does not see national ids, so it may not change them', 'masked_field');

      await inTransaction(pool, async (tx) => {
        const p: unknown[] = [params.id];
        const { rows } = await tx.query<ClientRow>(
          `SELECT ${CLIENT_COLUMNS} FROM clients c WHERE c.id = $1 AND ${scopeSql(scope, 'c', p)} FOR UPDATE OF c`,
          p,
        );
        const c = rows[0];
        if (!c) throw notFound('Client');

        const fieldErrors: { path: string; message: string }[] = [];
        if (body.accountManagerId) {
          const am = await tx.query('SELECT branch_id FROM users WHERE id = $1 AND active', [body.accountManagerId]);
          if (!am.rows[0]) fieldErrors.push({ path: 'body.accountManagerId', message: 'No active user with this id' });
        }
        if (body.branchId && body.branchId !== c.branch_id) {
          const b = await tx.query('SELECT 1 FROM branches WHERE id = $1', [body.branchId]);
          if (!b.rows[0]) fieldErrors.push({ path: 'body.branchId', message: 'No such branch' });
          else if (!scope.all && !scope.branchIds.includes(body.branchId))
            fieldErrors.push({ path: 'body.branchId', message: 'That branch is outside your scope' });
        }
        if (body.introducingBrokerId && body.introducingBrokerId !== c.introducing_broker_id) {
          const ib = await tx.query<{ active: boolean }>('SELECT active FROM introducing_brokers WHERE id = $1', [
            body.introducingBrokerId,
          ]);
          if (!ib.rows[0]) fieldErrors.push({ path: 'body.introducingBrokerId', message: 'No such introducing broker' });
          else if (!ib.rows[0].active) fieldErrors.push({ path: 'body.introducingBrokerId', message: IB_INACTIVE });
        }

        const next = {
          firstName: body.firstName !== undefined ? body.firstName : c.first_name,
          lastName: body.lastName !== undefined ? body.lastName : c.last_name,
          legalName: body.legalName !== undefined ? body.legalName : c.legal_name,
          registrationNumber: body.registrationNumber !== undefined ? body.registrationNumber : c.registration_number,
          dateOfBirth: body.dateOfBirth !== undefined ? body.dateOfBirth : c.date_of_birth,
          nationality: body.nationality !== undefined ? body.nationality : c.nationality,
          nationalId: body.nationalId !== undefined ? body.nationalId : c.national_id,
          country: body.country !== undefined ? body.country : c.country,
          tier: body.tier ?? c.tier,
          language: body.language !== undefined ? body.language : c.language,
          segment: body.segment !== undefined ? body.segment : c.segment,
          tags: body.tags ? [...new Set(body.tags)] : c.tags,
          accountManagerId: body.accountManagerId !== undefined ? body.accountManagerId : c.account_manager_id,
          introducingBrokerId: body.introducingBrokerId !== undefined ? body.introducingBrokerId : c.introducing_broker_id,
          branchId: body.branchId ?? c.branch_id,
        };
        const name = displayName({ type: c.type, ...next });
        if (!name)
          fieldErrors.push({ path: c.type === 'corporate' ? 'body.legalName' : 'body.lastName', message: 'A client needs a name' });

        let contacts: ContactRow[] | undefined;
        if (body.contacts) {
          const branch = await tx.query<{ country: string | null }>('SELECT country FROM branches WHERE id = $1', [next.branchId]);
          const read = contactRows(body.contacts, next.country ?? branch.rows[0]?.country ?? null);
          for (const e of read.errors) fieldErrors.push({ path: `body.contacts.${e.index}.value`, message: e.message });
          contacts = read.rows;
        }
        if (fieldErrors.length) throw badRequest(fieldErrors);

        const before: Record<string, unknown> = {
          name: c.name,
          firstName: c.first_name,
          lastName: c.last_name,
          legalName: c.legal_name,
          registrationNumber: c.registration_number,
          dateOfBirth: c.date_of_birth,
          nationality: c.nationality,
          nationalId: c.national_id,
          country: c.country,
          tier: c.tier,
          language: c.language,
          segment: c.segment,
          tags: c.tags,
          accountManagerId: c.account_manager_id,
          introducingBrokerId: c.introducing_broker_id,
          branchId: c.branch_id,
        };
        const after: Record<string, unknown> = { name, ...next };
        if (contacts) {
          before.contacts = (await loadContacts(deps, c.id)).map(({ kind, normalized, label, primary }) => ({
            kind,
            normalized,
            label,
            primary,
          }));
          after.contacts = contacts.map(contactView).map(({ kind, normalized, label, primary }) => ({ kind, normalized, label, primary }));
        }
        if (body.relatedPersons) {
          before.relatedPersons = (await loadRelatedPersons(deps, c.id)).map(({ id: _id, ...rest }) => rest);
          after.relatedPersons = body.relatedPersons.map((r) => ({
            role: r.role,
            firstName: r.firstName ?? null,
            lastName: r.lastName ?? null,
            name: displayName(r),
            dateOfBirth: r.dateOfBirth ?? null,
            nationality: r.nationality ?? null,
            sharePercent: r.sharePercent ?? null,
          }));
        }
        const diff = changes(before, after);
        if (!diff.fields.length) return;

        await tx.query(
          `UPDATE clients SET name = $2, first_name = $3, last_name = $4, legal_name = $5, registration_number = $6, date_of_birth = $7,
             nationality = $8, national_id = $9, country = $10, tier = $11, language = $12, segment = $13, tags = $14,
             account_manager_id = $15, introducing_broker_id = $16, branch_id = $17, search_name = $18, updated_at = now() AT TIME ZONE 'UTC'
           WHERE id = $1`,
          [
            c.id,
            name,
            next.firstName,
            next.lastName,
            next.legalName,
            next.registrationNumber,
            next.dateOfBirth,
            next.nationality,
            next.nationalId,
            next.country,
            next.tier,
            next.language,
            next.segment,
            next.tags,
            next.accountManagerId,
            next.introducingBrokerId,
            next.branchId,
            searchNameOf(name),
          ],
        );
        if (contacts) await replaceContacts(tx, c.id, contacts);
        if (body.relatedPersons) await replaceRelatedPersons(tx, c.id, body.relatedPersons);
        await auditIn(tx, { actorId: user.id, action: 'client_updated', entity: 'client', entityId: c.id, data: diff, ip: req.ip });
      });
      // a supervisor may have moved the client out of their own scope (another branch): answer with what they still see
      return loadClient360(deps, user, await scopeOf(user), params.id);
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/clients/:id/interactions',
      summary:
        'Log a call, e-mail, chat, meeting or note with a client (you are the agent unless agentId is given); externalId makes it idempotent',
      tag: 'interactions',
      roles: EDIT,
      params: IdParams,
      body: ClientInteractionBody,
      response: InteractionSchema,
      status: 201,
      alsoOk: { 200: 'The same externalId again: the interaction stored before' },
    },
    async ({ params, body, user, res }) => {
      const scope = await scopeOf(user);
      if (!scope.grant.edits) throw forbidden();
      await scopedClient(deps, scope, params.id);
      if (body.agentId && body.agentId !== user.id) {
        const agent = await pool.query('SELECT 1 FROM users WHERE id = $1', [body.agentId]);
        if (!agent.rows[0]) throw badRequest([{ path: 'body.agentId', message: 'No user with this id' }]);
      }
      const { interaction, created } = await recordInteraction(pool, {
        ...body,
        clientId: params.id,
        agentId: body.agentId ?? user.id,
        source: 'console',
        occurredAt: body.occurredAt ? new Date(body.occurredAt) : new Date(),
        createdById: user.id,
      });
      // the same external id again: the stored interaction, 200 (route.ts would answer the declared 201)
      if (!created) return void res.status(200).json(interaction);
      return interaction;
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/clients/handover',
      summary:
        'Hand an account manager’s client book (and open leads) over to another, within your scope; audited once for the hand-over and once per client',
      tag: 'clients',
      roles: SUPERVISE,
      body: HandoverBody,
      response: z.object({ clients: z.number().int(), leads: z.number().int() }),
      errors: { 400: 'An unknown or inactive person, or one outside your scope' },
    },
    async ({ body, user, req }) => {
      const scope = await scopeOf(user);
      if (!scope.grant.supervises || !hasClientAccess(scope)) throw forbidden();
      return inTransaction(pool, async (tx) => {
        const people = await tx.query<{ id: string; branch_id: string; active: boolean }>(
          'SELECT id, branch_id, active FROM users WHERE id = ANY($1)',
          [[body.from, body.to]],
        );
        const from = people.rows.find((r) => r.id === body.from);
        const to = people.rows.find((r) => r.id === body.to);
        const errors: { path: string; message: string }[] = [];
        if (!from) errors.push({ path: 'body.from', message: 'No user with this id' });
        if (!to || !to.active) errors.push({ path: 'body.to', message: 'No active user with this id' });
        else if (!scope.all && !scope.branchIds.includes(to.branch_id))
          errors.push({ path: 'body.to', message: 'That person is outside your scope' });
        if (errors.length) throw badRequest(errors);

        const p: unknown[] = [body.from, body.to];
        const only = body.clientIds ? ` AND c.id = ANY($${p.push(body.clientIds)}::text[])` : '';
        const moved = await tx.query<{ id: string }>(
          `UPDATE clients c SET account_manager_id = $2, updated_at = now() AT TIME ZONE 'UTC'
           WHERE c.account_manager_id = $1${only} AND ${scopeSql(scope, 'c', p)} RETURNING c.id`,
          p,
        );
        if (body.clientIds && moved.rowCount !== body.clientIds.length) {
          throw new AppError(
            409,
            'CONFLICT',
            'Some of these clients are not managed by `from` or are outside your scope; nothing was moved',
            { reason: 'not_in_book' },
          );
        }
        let leads = 0;
        if (body.leads && !body.clientIds) {
          const lp: unknown[] = [body.from, body.to];
          const r = await tx.query(
            `UPDATE leads l SET account_manager_id = $2, assigned_at = now(), updated_at = now()
             WHERE l.account_manager_id = $1 AND l.status IN ('new', 'contacted', 'qualified') AND ${scopeSql(scope, 'l', lp)}`,
            lp,
          );
          leads = r.rowCount ?? 0;
        }
        const ids = moved.rows.map((r) => r.id);
        await auditIn(tx, {
          actorId: user.id,
          action: 'client_book_handover',
          entity: 'user',
          entityId: body.from,
          data: { from: body.from, to: body.to, clients: ids.length, leads, clientIds: ids, reason: body.reason ?? null },
          ip: req.ip,
        });
        await tx.query(
          `INSERT INTO audit_events (actor_id, action, entity, entity_id, data, ip)
           SELECT $1, 'client_updated', 'client', id,
             jsonb_build_object('fields', jsonb_build_array('accountManagerId'), 'before', jsonb_build_object('accountManagerId', $2::text),
               'after', jsonb_build_object('accountManagerId', $3::text), 'handover', true), $4
           FROM unnest($5::text[]) AS id`,
          [user.id, body.from, body.to, req.ip ?? null, ids],
        );
        return { clients: ids.length, leads };
      });
    },
  );

  return router;
}
