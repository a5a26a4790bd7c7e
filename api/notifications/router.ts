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

type Row = {
  id: string;
  type: string;
  title: string;
  body: string | null;
  caseId: string | null;
  taskId: string | null;
  data: unknown;
  createdAt: Date;
  readAt: Date | null;
};
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

/** The notification types (docs/api.md) and whether each pops up as a toast unless the person says otherwise: what
 * is about them (assigned, escalated, a case update, a stuck case) does; every new task in the team's queue and
 * every reminder do not (they are in the bell). */
export const TOAST_DEFAULTS = {
  task_assigned: true,
  task_available: false,
  sla_reminder: false,
  sla_escalation: true,
  case_update: true,
  case_stuck: true,
} as const;
type NotificationType = keyof typeof TOAST_DEFAULTS;
const TYPES = Object.keys(TOAST_DEFAULTS) as [NotificationType, ...NotificationType[]];

const Preferences = z.object({ toast: z.partialRecord(z.enum(TYPES), z.boolean()) });
const PreferencesView = z.object({ toast: z.record(z.enum(TYPES), z.boolean()) });

const preferencesOf = (stored: unknown): z.infer<typeof PreferencesView> => {
  const saved = Preferences.safeParse(stored);
  return { toast: { ...TOAST_DEFAULTS, ...(saved.success ? saved.data.toast : {}) } };
};

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
        prisma.notification.findMany({
          where,
          orderBy: [{ createdAt: query.sort?.[1] === 'ASC' ? 'asc' : 'desc' }, { id: 'asc' }],
          skip,
          take,
        }),
        prisma.notification.count({ where }),
      ]);
      sendRange(res, 'notifications', skip, rows.length, total);
      return rows.map(toNotificationView);
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/notifications/preferences',
      summary: 'Which notification types pop up as a toast for me (the others show in the bell only)',
      tag: 'notifications',
      response: PreferencesView,
    },
    async ({ user }) => {
      const row = await prisma.user.findUnique({ where: { id: user.id }, select: { notificationPreferences: true } });
      return preferencesOf(row?.notificationPreferences);
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'put',
      path: '/notifications/preferences',
      summary: 'Choose which notification types pop up as a toast (types left out keep their setting)',
      tag: 'notifications',
      body: Preferences,
      response: PreferencesView,
    },
    async ({ body, user }) => {
      const row = await prisma.user.findUnique({ where: { id: user.id }, select: { notificationPreferences: true } });
      const next = { toast: { ...preferencesOf(row?.notificationPreferences).toast, ...body.toast } };
      await prisma.user.update({ where: { id: user.id }, data: { notificationPreferences: next } });
      return next;
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/notifications/read-all',
      summary: 'Mark all my notifications read, or all of those about one case (`caseId`)',
      tag: 'notifications',
      body: z.object({ caseId: z.string().min(1).max(200).optional() }).optional(),
      response: z.object({ updated: z.number() }),
    },
    async ({ body, user }) => {
      const caseId = body?.caseId;
      const { count } = await prisma.notification.updateMany({
        where: { userId: user.id, readAt: null, ...(caseId ? { caseId } : {}) },
        data: { readAt: new Date() },
      });
      await audit(prisma, {
        actorId: user.id,
        action: 'notifications_read_all',
        entity: 'user',
        entityId: user.id,
        data: { count, ...(caseId ? { caseId } : {}) },
      });
      return { updated: count };
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/notifications/:id/read',
      summary: 'Mark one notification read',
      tag: 'notifications',
      params: IdParams,
      response: NotificationSchema,
    },
    async ({ params, user }) => {
      const { count } = await prisma.notification.updateMany({
        where: { id: params.id, userId: user.id, readAt: null },
        data: { readAt: new Date() },
      });
      const n = await prisma.notification.findFirst({ where: { id: params.id, userId: user.id } });
      if (!n) throw notFound('Notification');
      if (count) await audit(prisma, { actorId: user.id, action: 'notification_read', entity: 'notification', entityId: n.id });
      return toNotificationView(n);
    },
  );

  return router;
}
