// Cases whose projection could not be written (workflows/engine/projection-writer.ts): administrators
// list them and ask the case's workflow to write again, as is or with unstorable text replaced.
import { Router } from 'express';
import { z } from 'zod';
import type { Prisma } from '@prisma/client';
import type { ApiDeps } from '../deps';
import { actorOf } from '../auth/session';
import { conflict, notFound } from '../http/errors';
import { listQuery, page, sendRange } from '../http/list';
import { defineRoute, type RouteRegistry } from '../http/route';
import { sendUpdate } from '../temporal/updates';
import { audit } from '../../platform/audit';
import { repairCaseUpdate } from '../../workflows/engine/updates';
import { ADMIN_ROLE } from '../../workflows/engine/types';

export const IncidentSchema = z.object({
  id: z.string(),
  status: z.enum(['open', 'resolved']),
  caseId: z.string(),
  caseType: z.string(),
  /** null while the case's first write has not gone through */
  reference: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  openedAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedById: z.string().nullable(),
  /** `retry` or `sanitize` when an administrator's repair resolved it */
  resolution: z.string().nullable(),
});

const IncidentFilter = z.object({ status: z.enum(['open', 'resolved']).optional(), caseId: z.string().max(200).optional() });
const IncidentParams = z.object({ id: z.string().regex(/^\d{1,18}$/, 'an incident id') });

type Row = Prisma.CaseIncidentGetPayload<object>;

export function incidentsRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const { prisma } = deps.db;
  const router = Router();

  async function views(rows: Row[]): Promise<z.infer<typeof IncidentSchema>[]> {
    const cases = await prisma.case.findMany({ where: { id: { in: rows.map((r) => r.caseId) } }, select: { id: true, reference: true } });
    const references = new Map(cases.map((c) => [c.id, c.reference]));
    return rows.map((r) => ({
      id: String(r.id),
      status: r.resolvedAt ? 'resolved' : 'open',
      caseId: r.caseId,
      caseType: r.caseType,
      reference: references.get(r.caseId) ?? null,
      code: r.code,
      message: r.message,
      openedAt: r.openedAt.toISOString(),
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
      resolvedById: r.resolvedById,
      resolution: r.resolution,
    }));
  }

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/incidents',
      summary: 'Cases that could not be saved and wait (or waited) for a repair: open ones first, newest first',
      tag: 'incidents',
      roles: [ADMIN_ROLE],
      query: listQuery(IncidentFilter, ['openedAt'] as const),
      response: z.array(IncidentSchema),
    },
    async ({ query, res }) => {
      const f = query.filter ?? {};
      const where: Prisma.CaseIncidentWhereInput = {
        ...(f.status ? { resolvedAt: f.status === 'open' ? null : { not: null } } : {}),
        ...(f.caseId ? { caseId: f.caseId } : {}),
      };
      const { skip, take } = page(query.range);
      const dir = query.sort?.[1] === 'ASC' ? 'asc' : 'desc';
      const [rows, total] = await Promise.all([
        prisma.caseIncident.findMany({
          where,
          orderBy: [{ resolvedAt: { sort: 'desc', nulls: 'first' } }, { openedAt: dir }, { id: 'asc' }],
          skip,
          take,
        }),
        prisma.caseIncident.count({ where }),
      ]);
      sendRange(res, 'incidents', skip, rows.length, total);
      return views(rows);
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/incidents/:id/repair',
      summary:
        "Ask a stuck case's workflow to write again: `retry` as it is (the cause was fixed), or `sanitize` (text PostgreSQL cannot store replaced by U+FFFD). Answers the incident: resolved, or still open when the write failed again",
      tag: 'incidents',
      roles: [ADMIN_ROLE],
      params: IncidentParams,
      body: z.object({ mode: z.enum(['retry', 'sanitize']) }),
      response: IncidentSchema,
      errors: {
        404: 'No such incident',
        409: 'The incident is resolved, or the case no longer waits',
        503: 'CASE_STUCK: the repair did not finish in time',
      },
      engine: true,
    },
    async ({ params, body, user, req }) => {
      const id = BigInt(params.id);
      const incident = await prisma.caseIncident.findUnique({ where: { id } });
      if (!incident) throw notFound('Incident');
      if (incident.resolvedAt) throw conflict('NOT_STUCK', 'This incident is resolved');
      // audited before it is sent: the request is on record even if the answer never comes
      await audit(prisma, {
        actorId: user.id,
        action: 'case_repair_requested',
        entity: 'case_incident',
        entityId: params.id,
        data: { caseId: incident.caseId, mode: body.mode },
        ip: req.ip,
      });
      const { stuck } = await sendUpdate(deps.temporal, incident.workflowId, repairCaseUpdate, { actor: actorOf(user), mode: body.mode });
      if (!stuck) {
        // The workflow's own activity marks it resolved too, possibly a moment later; whichever comes
        // first sets the time, and this records who repaired it and how.
        await prisma.$executeRaw`UPDATE case_incidents SET resolved_at = coalesce(resolved_at, now()), resolved_by_id = ${user.id},
          resolution = ${body.mode} WHERE id = ${id}`;
      }
      const [view] = await views([await prisma.caseIncident.findUniqueOrThrow({ where: { id } })]);
      return view;
    },
  );

  return router;
}
