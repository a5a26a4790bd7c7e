// What administrators change without a deploy: SLA policies (each case type installs its defaults; an
// administrator tunes them or adds a more specific one) and the settings case types declare. Audited with
// the values before and after.
import { Router } from 'express';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { audit } from '../../platform/audit';
import { badRequest, notFound } from '../http/errors';
import { defineRoute, type RouteRegistry } from '../http/route';
import { ADMIN_ROLE } from '../../workflows/engine/types';

const PolicySchema = z.object({
  id: z.string(),
  caseType: z.string(),
  step: z.string(),
  category: z.string(),
  severity: z.string(),
  businessDays: z.number().int().nullable(),
  businessHours: z.number().int().nullable(),
  businessMinutes: z.number().int().nullable(),
  escalateAfterMinutes: z.number().int(),
});
const Target = z
  .object({
    businessDays: z.number().int().min(0).max(365).nullable(),
    businessHours: z.number().int().min(0).max(2000).nullable(),
    /** omitted: none (a target of days and hours) */
    businessMinutes: z.number().int().min(0).max(100_000).nullable().default(null),
    escalateAfterMinutes: z.number().int().min(0).max(100_000),
  })
  .refine((t) => t.businessDays !== null || t.businessHours !== null || t.businessMinutes !== null, {
    message: 'a target in business days, hours or minutes',
    path: ['businessDays'],
  });
const Key = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[a-z0-9_*]+$/, 'lower-case letters, digits, _ or *');
const NewPolicy = z.intersection(z.object({ caseType: Key, step: Key, category: Key.default('*'), severity: Key.default('*') }), Target);
/** `id` is the key (a list row's identity for react-admin) */
const SettingSchema = z.object({ id: z.string(), key: z.string(), caseType: z.string(), value: z.number(), default: z.number() });

export function adminRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const { prisma } = deps.db;
  const router = Router();
  const admins = [ADMIN_ROLE];
  const defaults = new Map(
    deps.access.definitions.flatMap((d) => Object.entries(d.settings).map(([key, value]) => [key, { caseType: d.type, value }])),
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/sla-policies',
      summary: 'SLA policies of every case type',
      tag: 'admin',
      roles: admins,
      response: z.array(PolicySchema),
    },
    async ({ res }) => {
      const rows = await prisma.slaPolicy.findMany({
        orderBy: [{ caseType: 'asc' }, { step: 'asc' }, { category: 'asc' }, { severity: 'asc' }],
      });
      res.setHeader('Content-Range', `sla-policies 0-${Math.max(0, rows.length - 1)}/${rows.length}`);
      return rows;
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'put',
      path: '/sla-policies/:id',
      summary: 'Change an SLA policy; cases opened from now on use it (open tasks keep their deadlines)',
      tag: 'admin',
      roles: admins,
      params: z.object({ id: z.string().min(1).max(200) }),
      body: Target,
      response: PolicySchema,
    },
    async ({ params, body, user, req }) => {
      const before = await prisma.slaPolicy.findUnique({ where: { id: params.id } });
      if (!before) throw notFound('SLA policy');
      const after = await prisma.slaPolicy.update({ where: { id: params.id }, data: body });
      await audit(prisma, {
        actorId: user.id,
        action: 'sla_policy_changed',
        entity: 'sla_policy',
        entityId: params.id,
        data: { before, after },
        ip: req.ip,
      });
      return after;
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/sla-policies',
      summary: 'Add a more specific SLA policy (by category and/or severity)',
      tag: 'admin',
      roles: admins,
      body: NewPolicy,
      response: PolicySchema,
      status: 201,
      errors: { 409: 'That policy exists already' },
    },
    async ({ body, user, req }) => {
      const definition = deps.access.definition(body.caseType);
      if (!definition) throw badRequest([{ path: 'body.caseType', message: 'No such case type' }]);
      if (body.step !== '_case' && !definition.steps.includes(body.step)) {
        throw badRequest([{ path: 'body.step', message: `One of ${['_case', ...definition.steps].join(', ')}` }]);
      }
      const id = [body.caseType, body.step, body.category, body.severity].join(':');
      const created = await prisma.slaPolicy.createManyAndReturn({ data: [{ id, ...body }], skipDuplicates: true });
      if (!created.length) throw badRequest([{ path: 'body', message: 'That policy exists already; change it instead' }]);
      await audit(prisma, {
        actorId: user.id,
        action: 'sla_policy_added',
        entity: 'sla_policy',
        entityId: id,
        data: { after: created[0] },
        ip: req.ip,
      });
      return created[0];
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/settings',
      summary: 'The settings case types read, with their defaults',
      tag: 'admin',
      roles: admins,
      response: z.array(SettingSchema),
    },
    async ({ res }) => {
      const rows = new Map((await prisma.setting.findMany()).map((r) => [r.key, r.value]));
      const settings = [...defaults].map(([key, d]) => ({
        id: key,
        key,
        caseType: d.caseType,
        default: d.value,
        value: typeof rows.get(key) === 'number' ? (rows.get(key) as number) : d.value,
      }));
      res.setHeader('Content-Range', `settings 0-${Math.max(0, settings.length - 1)}/${settings.length}`);
      return settings;
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'put',
      path: '/settings/:key',
      summary: 'Change a setting (the case type reads it when a case starts or a step needs it)',
      tag: 'admin',
      roles: admins,
      params: z.object({ key: z.string().min(1).max(100) }),
      body: z.object({ value: z.number().min(0).max(100_000) }),
      response: SettingSchema,
    },
    async ({ params, body, user, req }) => {
      const d = defaults.get(params.key);
      if (!d) throw notFound('Setting');
      const before = await prisma.setting.findUnique({ where: { key: params.key } });
      await prisma.setting.upsert({
        where: { key: params.key },
        create: { key: params.key, value: body.value },
        update: { value: body.value },
      });
      await audit(prisma, {
        actorId: user.id,
        action: 'setting_changed',
        entity: 'setting',
        entityId: params.key,
        data: { before: before?.value ?? d.value, after: body.value },
        ip: req.ip,
      });
      return { id: params.key, key: params.key, caseType: d.caseType, default: d.value, value: body.value };
    },
  );
  return router;
}
