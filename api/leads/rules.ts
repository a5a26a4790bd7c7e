// Reference data of the CRM: lead assignment rules and introducing brokers. Administrators and the roles
// that supervise client books maintain them; a supervisor below company scope only touches its branches.
import { Router } from 'express';
import { z } from 'zod';
import { auditIn } from '../../platform/audit';
import { inTransaction } from '../../platform/db';
import { ADMIN_ROLE } from '../../workflows/engine/types';
import type { ApiDeps } from '../deps';
import { badRequest, forbidden, notFound } from '../http/errors';
import { defineRoute, type RouteRegistry } from '../http/route';
import { resolveClientScope } from '../clients/scope';
import { IB_INACTIVE } from '../../platform/crm/assignment';
import { Language } from '../clients/schemas';

const RuleBody = z
  .object({
    name: z.string().trim().min(1).max(120),
    priority: z.number().int().min(0).max(1_000_000).default(100),
    branchId: z.string().min(1).max(100).nullable().default(null),
    language: Language.nullable().default(null),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .nullable()
      .default(null),
    source: z.string().trim().min(1).max(60).nullable().default(null),
    introducingBrokerId: z.string().min(1).max(100).nullable().default(null),
    strategy: z.enum(['round_robin', 'least_loaded']).default('round_robin'),
    accountManagerIds: z.array(z.string().min(1).max(100)).min(1).max(500),
    outsideHours: z.enum(['next_available', 'queue']).default('next_available'),
    active: z.boolean().default(true),
  })
  .strict();

const RuleSchema = RuleBody.extend({ id: z.string(), lastAssignedId: z.string().nullable() });

const COLUMNS = `id, name, priority, branch_id AS "branchId", language, country, source, introducing_broker_id AS "introducingBrokerId", strategy,
  account_manager_ids AS "accountManagerIds", outside_hours AS "outsideHours", active, last_assigned_id AS "lastAssignedId"`;

const IbSchema = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  branchId: z.string().nullable(),
  active: z.boolean(),
});

export function crmReferenceRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const router = Router();
  const { pool } = deps.db;
  const MAINTAIN = [...deps.access.clientRoles('supervises'), ADMIN_ROLE];

  /** Branches a maintainer may touch: all for administrators and company-wide roles, else its scope's. */
  async function branchesOf(user: Parameters<typeof resolveClientScope>[1]): Promise<string[] | 'all'> {
    if (deps.access.isAdmin(user)) return 'all';
    const scope = await resolveClientScope(deps, user);
    return scope.all ? 'all' : scope.branchIds;
  }

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/assignment-rules',
      summary: 'Lead assignment rules, in the order they are tried',
      tag: 'leads',
      roles: MAINTAIN,
      response: z.array(RuleSchema),
    },
    async ({ user }) => {
      const branches = await branchesOf(user);
      const { rows } = await pool.query(
        `SELECT ${COLUMNS} FROM assignment_rules ${branches === 'all' ? '' : 'WHERE branch_id = ANY($1::text[])'} ORDER BY priority, id`,
        branches === 'all' ? [] : [branches],
      );
      return rows;
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'put',
      path: '/assignment-rules/:id',
      summary: 'Create or replace a lead assignment rule (audited). Criteria left null match anything; an IB criterion covers its sub-IBs.',
      tag: 'leads',
      roles: MAINTAIN,
      params: z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, - and _') }),
      body: RuleBody,
      response: RuleSchema,
    },
    async ({ params, body, user, req }) => {
      const branches = await branchesOf(user);
      if (branches !== 'all' && (!body.branchId || !branches.includes(body.branchId))) {
        throw forbidden('Your rules must name a branch in your scope', 'branch_scope');
      }
      const people = await pool.query<{ id: string; branch_id: string }>(
        'SELECT id, branch_id FROM users WHERE id = ANY($1::text[]) AND active',
        [body.accountManagerIds],
      );
      const errors: { path: string; message: string }[] = [];
      body.accountManagerIds.forEach((id, i) => {
        const p = people.rows.find((r) => r.id === id);
        if (!p) errors.push({ path: `body.accountManagerIds.${i}`, message: 'No active user with this id' });
        else if (branches !== 'all' && !branches.includes(p.branch_id))
          errors.push({ path: `body.accountManagerIds.${i}`, message: 'That person is outside your scope' });
      });
      if (body.branchId && !(await pool.query('SELECT 1 FROM branches WHERE id = $1', [body.branchId])).rows[0])
        errors.push({ path: 'body.branchId', message: 'No such branch' });
      if (
        body.introducingBrokerId &&
        !(await pool.query('SELECT 1 FROM introducing_brokers WHERE id = $1', [body.introducingBrokerId])).rows[0]
      ) {
        errors.push({ path: 'body.introducingBrokerId', message: 'No such introducing broker' });
      }
      if (errors.length) throw badRequest(errors);
      return inTransaction(pool, async (tx) => {
        const before = (await tx.query(`SELECT ${COLUMNS} FROM assignment_rules WHERE id = $1 FOR UPDATE`, [params.id])).rows[0] ?? null;
        if (before && branches !== 'all' && !branches.includes(before.branchId))
          throw forbidden('That rule belongs to another branch', 'branch_scope');
        const b = body;
        const { rows } = await tx.query(
          `INSERT INTO assignment_rules (id, name, priority, branch_id, language, country, source, introducing_broker_id, strategy, account_manager_ids, outside_hours, active)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
           ON CONFLICT (id) DO UPDATE SET name = $2, priority = $3, branch_id = $4, language = $5, country = $6, source = $7, introducing_broker_id = $8,
             strategy = $9, account_manager_ids = $10, outside_hours = $11, active = $12, updated_at = now()
           RETURNING ${COLUMNS}`,
          [
            params.id,
            b.name,
            b.priority,
            b.branchId,
            b.language,
            b.country,
            b.source,
            b.introducingBrokerId,
            b.strategy,
            b.accountManagerIds,
            b.outsideHours,
            b.active,
          ],
        );
        await auditIn(tx, {
          actorId: user.id,
          action: 'assignment_rule_saved',
          entity: 'assignment_rule',
          entityId: params.id,
          data: { before, after: rows[0] },
          ip: req.ip,
        });
        return rows[0];
      });
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'delete',
      path: '/assignment-rules/:id',
      summary: 'Delete a lead assignment rule (audited)',
      tag: 'leads',
      roles: MAINTAIN,
      params: z.object({ id: z.string().max(64) }),
    },
    async ({ params, user, req }) => {
      const branches = await branchesOf(user);
      await inTransaction(pool, async (tx) => {
        const before = (await tx.query(`DELETE FROM assignment_rules WHERE id = $1 RETURNING ${COLUMNS}`, [params.id])).rows[0];
        if (!before) throw notFound('Assignment rule');
        if (branches !== 'all' && !branches.includes(before.branchId))
          throw forbidden('That rule belongs to another branch', 'branch_scope');
        await auditIn(tx, {
          actorId: user.id,
          action: 'assignment_rule_deleted',
          entity: 'assignment_rule',
          entityId: params.id,
          data: { before },
          ip: req.ip,
        });
      });
    },
  );

  const IB_COLUMNS = 'id, name, parent_id AS "parentId", branch_id AS "branchId", active';
  /** Serialises re-parenting and adding under a parent: row locks alone cannot stop two moves of unrelated rows from closing a loop together. */
  const IB_TREE_LOCK = 'SELECT pg_advisory_xact_lock(hashtext($1))';

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/introducing-brokers',
      summary: 'Introducing brokers (an IB user sees its own tree)',
      tag: 'clients',
      roles: [...deps.access.clientRoles('read'), ADMIN_ROLE],
      response: z.array(IbSchema),
    },
    async ({ user }) => {
      const scope = deps.access.isAdmin(user) ? null : await resolveClientScope(deps, user);
      const treeOnly = scope && !scope.all && !scope.branchIds.length && !scope.managerIds.length;
      const { rows } = await pool.query(
        `SELECT id, name, parent_id AS "parentId", branch_id AS "branchId", active FROM introducing_brokers
         ${treeOnly ? 'WHERE id = ANY($1::text[])' : ''} ORDER BY name, id`,
        treeOnly ? [scope.ibIds] : [],
      );
      return rows;
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/introducing-brokers',
      summary: 'Add an introducing broker, optionally under a parent IB (audited)',
      tag: 'clients',
      roles: MAINTAIN,
      body: z
        .object({
          id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/),
          name: z.string().trim().min(1).max(200),
          parentId: z.string().min(1).max(100).optional(),
          branchId: z.string().min(1).max(100).optional(),
        })
        .strict(),
      response: IbSchema,
      status: 201,
      errors: { 409: 'The id is taken' },
    },
    async ({ body, user, req }) => {
      const branches = await branchesOf(user);
      if (branches !== 'all' && (!body.branchId || !branches.includes(body.branchId)))
        throw forbidden('Name a branch in your scope', 'branch_scope');
      // (the table's check would refuse it with a 500 before ON CONFLICT saw a taken id; found by schemathesis)
      if (body.parentId === body.id)
        throw badRequest([{ path: 'body.parentId', message: 'An introducing broker cannot be its own parent' }]);
      return inTransaction(pool, async (tx) => {
        if (body.parentId) {
          // as a move under it (PATCH): the tree lock, and the parent in the caller's branches, whose IB users see the new one's clients
          await tx.query(IB_TREE_LOCK, ['introducing_brokers.tree']);
          const parent = (
            await tx.query<{ branch_id: string | null; active: boolean }>(
              'SELECT branch_id, active FROM introducing_brokers WHERE id = $1',
              [body.parentId],
            )
          ).rows[0];
          if (!parent) throw badRequest([{ path: 'body.parentId', message: 'No such introducing broker' }]);
          if (!parent.active) throw badRequest([{ path: 'body.parentId', message: IB_INACTIVE }]);
          if (branches !== 'all' && (!parent.branch_id || !branches.includes(parent.branch_id)))
            throw forbidden('That parent belongs to another branch', 'branch_scope');
        }
        // an administrator (every branch) may name any branch: one that exists
        if (body.branchId && !(await tx.query('SELECT 1 FROM branches WHERE id = $1', [body.branchId])).rows[0]) {
          throw badRequest([{ path: 'body.branchId', message: 'No such branch' }]);
        }
        const { rows } = await tx.query(
          `INSERT INTO introducing_brokers (id, name, parent_id, branch_id) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING
           RETURNING id, name, parent_id AS "parentId", branch_id AS "branchId", active`,
          [body.id, body.name, body.parentId ?? null, body.branchId ?? null],
        );
        if (!rows[0]) throw badRequest([{ path: 'body.id', message: 'This id is taken' }]);
        await auditIn(tx, {
          actorId: user.id,
          action: 'introducing_broker_created',
          entity: 'introducing_broker',
          entityId: body.id,
          data: { after: rows[0] },
          ip: req.ip,
        });
        return rows[0];
      });
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'patch',
      path: '/introducing-brokers/:id',
      summary:
        'Move an introducing broker under another parent (parentId null: to the top), rename it, change its branch, deactivate or reactivate it (audited with before and after). Its sub-IBs move with it; IB users\u2019 scopes follow at once.',
      tag: 'clients',
      roles: MAINTAIN,
      params: z.object({ id: z.string().min(1).max(100) }),
      body: z
        .object({
          name: z.string().trim().min(1).max(200).optional(),
          parentId: z.string().min(1).max(100).nullable().optional(),
          branchId: z.string().min(1).max(100).nullable().optional(),
          active: z.boolean().optional(),
        })
        .strict()
        .refine((b) => Object.keys(b).length > 0, { message: 'Say what to change' }),
      response: IbSchema,
      errors: { 404: 'No such introducing broker' },
    },
    async ({ params, body, user, req }) => {
      const branches = await branchesOf(user);
      const inBranches = (branchId: string | null) => branches === 'all' || (branchId !== null && branches.includes(branchId));
      return inTransaction(pool, async (tx) => {
        if (body.parentId !== undefined) await tx.query(IB_TREE_LOCK, ['introducing_brokers.tree']);
        const before = (await tx.query(`SELECT ${IB_COLUMNS} FROM introducing_brokers WHERE id = $1 FOR UPDATE`, [params.id])).rows[0] as
          z.infer<typeof IbSchema> | undefined;
        if (!before) throw notFound('Introducing broker');
        // the parent it has already (a client sending the whole record) is no move
        const moving = body.parentId !== undefined && body.parentId !== before.parentId;
        const branchOf = async (id: string | null) =>
          id === null
            ? null
            : ((await tx.query<{ branch_id: string | null }>('SELECT branch_id FROM introducing_brokers WHERE id = $1', [id])).rows[0]
                ?.branch_id ?? null);
        // the old place: the IB and the parent it leaves, both in the caller's branches
        if (!inBranches(before.branchId) || (moving && before.parentId !== null && !inBranches(await branchOf(before.parentId))))
          throw forbidden('That introducing broker belongs to another branch', 'branch_scope');
        // its sub-IBs move with it: a move below company scope may not carry another branch's IBs along
        if (moving && branches !== 'all') {
          const { rows: foreign } = await tx.query(
            `WITH RECURSIVE down AS (SELECT id, branch_id FROM introducing_brokers WHERE parent_id = $1
               UNION SELECT ib.id, ib.branch_id FROM introducing_brokers ib JOIN down ON ib.parent_id = down.id)
             SELECT 1 FROM down WHERE branch_id IS NULL OR NOT (branch_id = ANY($2::text[])) LIMIT 1`,
            [params.id, branches],
          );
          if (foreign[0]) throw forbidden('Some of its sub-IBs belong to another branch', 'branch_scope');
        }
        const after = {
          name: body.name ?? before.name,
          parentId: body.parentId === undefined ? before.parentId : body.parentId,
          branchId: body.branchId === undefined ? before.branchId : body.branchId,
          active: body.active ?? before.active,
        };
        if (body.branchId !== undefined && after.branchId !== null) {
          if (!(await tx.query('SELECT 1 FROM branches WHERE id = $1', [after.branchId])).rows[0])
            throw badRequest([{ path: 'body.branchId', message: 'No such branch' }]);
        }
        if (!inBranches(after.branchId)) throw forbidden('Name a branch in your scope', 'branch_scope');
        if (moving && after.parentId !== null) {
          const parent = (
            await tx.query<{ branch_id: string | null; active: boolean }>(
              'SELECT branch_id, active FROM introducing_brokers WHERE id = $1',
              [after.parentId],
            )
          ).rows[0];
          if (!parent) throw badRequest([{ path: 'body.parentId', message: 'No such introducing broker' }]);
          if (!parent.active) throw badRequest([{ path: 'body.parentId', message: IB_INACTIVE }]);
          // the new place: the parent it joins is in the caller's branches too
          if (!inBranches(parent.branch_id)) throw forbidden('That parent belongs to another branch', 'branch_scope');
          // under the tree lock: no other move can change the ancestry read here before this one commits
          const { rows: loop } = await tx.query(
            `WITH RECURSIVE up AS (SELECT id, parent_id FROM introducing_brokers WHERE id = $1
               UNION SELECT ib.id, ib.parent_id FROM introducing_brokers ib JOIN up ON ib.id = up.parent_id)
             SELECT 1 FROM up WHERE id = $2`,
            [after.parentId, params.id],
          );
          if (loop[0])
            throw badRequest([
              {
                path: 'body.parentId',
                message:
                  after.parentId === params.id
                    ? 'An introducing broker cannot be its own parent'
                    : 'That introducing broker is below this one: the move would make a loop',
              },
            ]);
        }
        const { rows } = await tx.query(
          `UPDATE introducing_brokers SET name = $2, parent_id = $3, branch_id = $4, active = $5 WHERE id = $1 RETURNING ${IB_COLUMNS}`,
          [params.id, after.name, after.parentId, after.branchId, after.active],
        );
        await auditIn(tx, {
          actorId: user.id,
          action: 'introducing_broker_updated',
          entity: 'introducing_broker',
          entityId: params.id,
          data: { before, after: rows[0] },
          ip: req.ip,
        });
        return rows[0];
      });
    },
  );

  return router;
}
