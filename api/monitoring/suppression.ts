import type { Router } from 'express';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { badRequest, conflict, notFound } from '../http/errors';
import { defineRoute, type RouteRegistry } from '../http/route';
import { audit } from '../../platform/audit';
import { counterpartyKey } from '../../platform/monitoring/suppression';
import { OPERATORS, READERS } from './roles';
import { Instant } from './schemas';

const UuidParams = z.object({ id: z.uuid() });
const reason = z.string().trim().min(1).max(2000);

export function suppressionRoutes(router: Router, registry: RouteRegistry, deps: ApiDeps): void {
  const { prisma } = deps.db;
  const tag = 'monitoring';
  const clientExists = async (id: string) => {
    if (!(await prisma.client.count({ where: { id } }))) throw badRequest([{ path: 'body.clientId', message: 'No such client' }]);
  };

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/monitoring/snoozes',
      summary: 'Snoozes; active ones only unless all=true',
      tag,
      roles: READERS,
      query: z.object({ clientId: z.string().max(100).optional(), all: z.enum(['true', 'false']).optional() }),
    },
    async ({ query }) =>
      prisma.monitoringSnooze.findMany({
        where: {
          ...(query.clientId ? { clientId: query.clientId } : {}),
          ...(query.all === 'true' ? {} : { liftedAt: null, until: { gt: new Date() } }),
        },
        orderBy: { createdAt: 'desc' },
        take: 500,
      }),
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/monitoring/snoozes',
      summary: 'Snooze a scenario (or every scenario) for a client until a date, with a reason (audited)',
      tag,
      roles: OPERATORS,
      status: 201,
      body: z.object({ clientId: z.string().min(1).max(100), scenarioId: z.string().min(1).max(100).optional(), until: Instant, reason }),
    },
    async ({ body, user }) => {
      await clientExists(body.clientId);
      if (body.until <= new Date()) throw badRequest([{ path: 'body.until', message: 'must be in the future' }]);
      if (body.scenarioId && !(await prisma.monitoringScenario.count({ where: { id: body.scenarioId } })))
        throw badRequest([{ path: 'body.scenarioId', message: 'No such scenario' }]);
      const s = await prisma.monitoringSnooze.create({
        data: {
          clientId: body.clientId,
          scenarioId: body.scenarioId ?? null,
          until: body.until,
          reason: body.reason,
          createdById: user.id,
        },
      });
      await audit(prisma, {
        actorId: user.id,
        action: 'alert_snoozed',
        entity: 'client',
        entityId: body.clientId,
        data: { snoozeId: s.id, scenarioId: s.scenarioId, until: s.until.toISOString(), reason: s.reason },
      });
      return s;
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'delete',
      path: '/monitoring/snoozes/:id',
      summary: 'Lift a snooze early (audited)',
      tag,
      roles: OPERATORS,
      params: UuidParams,
    },
    async ({ params, user }) => {
      const { count } = await prisma.monitoringSnooze.updateMany({
        where: { id: params.id, liftedAt: null },
        data: { liftedAt: new Date(), liftedById: user.id },
      });
      if (!count) throw notFound('Active snooze');
      await audit(prisma, { actorId: user.id, action: 'alert_snooze_lifted', entity: 'monitoring_snooze', entityId: params.id });
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/monitoring/whitelist',
      summary: 'Whitelisted counterparties of clients (active ones)',
      tag,
      roles: READERS,
      query: z.object({ clientId: z.string().max(100).optional() }),
    },
    async ({ query }) =>
      prisma.monitoringWhitelist.findMany({
        where: { removedAt: null, ...(query.clientId ? { clientId: query.clientId } : {}) },
        orderBy: { createdAt: 'desc' },
        take: 500,
      }),
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/monitoring/whitelist',
      summary: 'Whitelist a counterparty of a client: no third-party or jurisdiction alerts for payments with it (audited)',
      tag,
      roles: OPERATORS,
      status: 201,
      body: z.object({
        clientId: z.string().min(1).max(100),
        counterpartyName: z.string().trim().min(1).max(300),
        reason,
        expiresAt: Instant.optional(),
      }),
      errors: { 409: 'ALREADY_WHITELISTED: the counterparty is whitelisted for the client already' },
    },
    async ({ body, user }) => {
      await clientExists(body.clientId);
      const key = counterpartyKey(body.counterpartyName);
      try {
        const w = await prisma.monitoringWhitelist.create({
          data: {
            clientId: body.clientId,
            counterpartyName: body.counterpartyName,
            counterpartyKey: key,
            reason: body.reason,
            expiresAt: body.expiresAt ?? null,
            createdById: user.id,
          },
        });
        await audit(prisma, {
          actorId: user.id,
          action: 'counterparty_whitelisted',
          entity: 'client',
          entityId: body.clientId,
          data: {
            whitelistId: w.id,
            counterpartyName: w.counterpartyName,
            key,
            reason: w.reason,
            expiresAt: w.expiresAt?.toISOString() ?? null,
          },
        });
        return w;
      } catch (err) {
        if ((err as { code?: string }).code === 'P2002')
          throw conflict('ALREADY_WHITELISTED', 'This counterparty is whitelisted for the client already');
        throw err;
      }
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'delete',
      path: '/monitoring/whitelist/:id',
      summary: 'Remove a whitelisted counterparty (audited)',
      tag,
      roles: OPERATORS,
      params: UuidParams,
    },
    async ({ params, user }) => {
      const { count } = await prisma.monitoringWhitelist.updateMany({
        where: { id: params.id, removedAt: null },
        data: { removedAt: new Date(), removedById: user.id },
      });
      if (!count) throw notFound('Whitelist entry');
      await audit(prisma, {
        actorId: user.id,
        action: 'counterparty_whitelist_removed',
        entity: 'monitoring_whitelist',
        entityId: params.id,
      });
    },
  );
}
