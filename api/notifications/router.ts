import { Router } from 'express';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { notFound } from '../http/errors';
import { listQuery, page, sendRange } from '../http/list';
import { defineRoute, type RouteRegistry } from '../http/route';
import { IdParams } from '../http/schemas';
import { audit } from '../../platform/audit';

export const NotificationSchema = z.object({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  caseId: z.string().nullable(),
  taskId: z.string().nullable(),
  data: z.unknown(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

type Row = { id: string; type: string; title: string; body: string | null; caseId: string | null; taskId: string | null; data: unknown; createdAt: Date; readAt: Date | null };
/** The fields of the schema only (a row also holds its owner's id, which the owner does not need). */
export const toNotificationView = (n: Row): z.infer<typeof NotificationSchema> => ({
  id: n.id,
  type: n.type,
  title: n.title,
  body: n.body,
  caseId: n.caseId,
  taskId: n.taskId,
  data: n.data,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

export function notificationsRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const { prisma } = deps.db;
  const router = Router();

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/notifications',
      summary: 'My notifications, newest first',
      tag: 'notifications',
      query: listQuery(z.object({ unread: z.boolean().optional() }), ['createdAt'] as const),
      response: z.array(NotificationSchema),
    },
    async ({ query, user, res }) => {
      const where = { userId: user.id, ...(query.filter?.unread ? { readAt: null } : {}) };
      const { skip, take } = page(query.range);
      const [rows, total] = await Promise.all([
        prisma.notification.findMany({ where, orderBy: [{ createdAt: query.sort?.[1] === 'ASC' ? 'asc' : 'desc' }, { id: 'asc' }], skip, take }),
        prisma.notification.count({ where }),
      ]);
      sendRange(res, 'notifications', skip, rows.length, total);
      return rows.map(toNotificationView);
    },
  );

  defineRoute(
    router,
    registry,
    { method: 'post', path: '/notifications/read-all', summary: 'Mark all my notifications read', tag: 'notifications', response: z.object({ updated: z.number() }) },
    async ({ user }) => {
      const { count } = await prisma.notification.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: new Date() } });
      await audit(prisma, { actorId: user.id, action: 'notifications_read_all', entity: 'user', entityId: user.id, data: { count } });
      return { updated: count };
    },
  );

  defineRoute(
    router,
    registry,
    { method: 'post', path: '/notifications/:id/read', summary: 'Mark one notification read', tag: 'notifications', params: IdParams, response: NotificationSchema },
    async ({ params, user }) => {
      const { count } = await prisma.notification.updateMany({ where: { id: params.id, userId: user.id, readAt: null }, data: { readAt: new Date() } });
      const n = await prisma.notification.findFirst({ where: { id: params.id, userId: user.id } });
      if (!n) throw notFound('Notification');
      if (count) await audit(prisma, { actorId: user.id, action: 'notification_read', entity: 'notification', entityId: n.id });
      return toNotificationView(n);
    },
  );

  return router;
}
