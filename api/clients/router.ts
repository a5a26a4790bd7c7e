import { Router } from 'express';
import { z } from 'zod';
import type { Prisma } from '@prisma/client';
import type { ApiDeps } from '../deps';
import { notFound } from '../http/errors';
import { listQuery, page, sendRange, textContains } from '../http/list';
import { defineRoute, type RouteRegistry } from '../http/route';
import { IdParams } from '../http/schemas';

export const ClientSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  country: z.string().nullable(),
  branchId: z.string(),
  segment: z.string().nullable(),
  kycStatus: z.string(),
  riskBand: z.string().nullable(),
  nextReviewAt: z.string().nullable(),
  createdAt: z.string(),
});

const ClientFilter = z.object({
  q: z.string().max(200).optional(),
  branchId: z.string().max(100).optional(),
  id: z.array(z.string()).max(200).optional(),
});

type ClientRow = Prisma.ClientGetPayload<object>;
const toView = (c: ClientRow): z.infer<typeof ClientSchema> => ({
  id: c.id,
  name: c.name,
  type: c.type,
  email: c.email,
  phone: c.phone,
  country: c.country,
  branchId: c.branchId,
  segment: c.segment,
  kycStatus: c.kycStatus,
  riskBand: c.riskBand,
  nextReviewAt: c.nextReviewAt?.toISOString() ?? null,
  createdAt: c.createdAt.toISOString(),
});

export function clientsRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const { prisma } = deps.db;
  const router = Router();

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/clients',
      summary: 'Clients in your scope, react-admin list params',
      tag: 'clients',
      query: listQuery(ClientFilter, ['name', 'createdAt', 'country', 'kycStatus'] as const),
      response: z.array(ClientSchema),
    },
    async ({ query, user, res }) => {
      const f = query.filter ?? {};
      const where: Prisma.ClientWhereInput = {
        AND: [
          deps.access.clientWhere(user),
          f.branchId ? { branchId: f.branchId } : {},
          f.id ? { id: { in: f.id } } : {},
          f.q ? { OR: [{ name: textContains(f.q) }, { email: textContains(f.q) }] } : {},
        ],
      };
      const [field, dir] = query.sort ?? ['name', 'ASC'];
      const { skip, take } = page(query.range);
      const [rows, total] = await Promise.all([
        prisma.client.findMany({ where, orderBy: [{ [field]: dir === 'ASC' ? 'asc' : 'desc' }, { id: 'asc' }], skip, take }),
        prisma.client.count({ where }),
      ]);
      sendRange(res, 'clients', skip, rows.length, total);
      return rows.map(toView);
    },
  );

  defineRoute(
    router,
    registry,
    { method: 'get', path: '/clients/:id', summary: 'One client', tag: 'clients', params: IdParams, response: ClientSchema },
    async ({ params, user }) => {
      const c = await prisma.client.findFirst({ where: { AND: [{ id: params.id }, deps.access.clientWhere(user)] } });
      if (!c) throw notFound('Client');
      return toView(c);
    },
  );

  return router;
}
