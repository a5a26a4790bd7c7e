// Client-development cases: the list (agents see the cases of their own leads, supervisors their branch's),
// one case with its tasks, its timeline, and the supervisors' funnel. Cases start from leads
// (POST /api/leads, imports: platform/crm/development.ts), not from here.
import { Router } from 'express';
import { z } from 'zod';
import type { Prisma } from '@prisma/client';
import type { ApiDeps } from '../deps';
import { defineRoute, type RouteRegistry } from '../http/route';
import { IdParams } from '../http/schemas';
import { notFound } from '../http/errors';
import type { SessionUser } from '../auth/session';
import { loadCaseTaskViews, userNames, viewerOf } from '../tasks/view';
import { TimelineEventSchema, baseCaseView, loadTimeline, scopedCaseRow } from '../cases/view';
import { defineCaseListRoute } from '../cases/list';
import { clientDevelopmentCase } from '../../workflows/client-development/definition';
import type { DevelopmentAttributes } from '../../workflows/client-development/workflow';
import { STAGES } from '../../workflows/client-development/states';
import { DevelopmentFilter, DevelopmentSchema } from './schemas';
import { defineFunnelRoute } from './funnel';

const TYPE = clientDevelopmentCase.type;
const RESOURCE = 'client-development';
const include = { client: { select: { name: true } }, lead: { select: { firstName: true, lastName: true } } } satisfies Prisma.CaseInclude;
type Row = Prisma.CaseGetPayload<{ include: typeof include }>;

const iso = (at: number | null | undefined) => (at === null || at === undefined ? null : new Date(at).toISOString());

export function clientDevelopmentRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const { prisma } = deps.db;
  const router = Router();
  const roles = deps.access.rolesOf(TYPE);

  /** An account manager sees the cases of their own leads and clients (their book), a supervisor the branch's. */
  const ownOnly = (user: SessionUser): Prisma.CaseWhereInput =>
    deps.access.supervises(user, TYPE)
      ? {}
      : { OR: [{ assigneeId: user.id }, { attributes: { path: ['accountManagerId'], equals: user.id } }] };

  async function scoped(user: SessionUser, id: string): Promise<Row> {
    const row = await scopedCaseRow(deps, user, TYPE, id, 'Client-development case');
    if (!deps.access.supervises(user, TYPE)) {
      const mine = await prisma.case.count({ where: { AND: [{ id }, ownOnly(user)] } });
      if (!mine) throw notFound('Client-development case');
    }
    return row;
  }

  async function toView(rows: Row[]): Promise<z.infer<typeof DevelopmentSchema>[]> {
    const attrs = (r: Row) => r.attributes as unknown as DevelopmentAttributes;
    const names = await userNames(
      prisma,
      rows.flatMap((r) => [r.assigneeId, attrs(r).accountManagerId]),
    );
    const now = new Date();
    return rows.map((c) => {
      const a = attrs(c);
      return {
        ...baseCaseView(c, names, now),
        lead: { id: c.leadId ?? a.leadId, name: c.lead ? `${c.lead.firstName} ${c.lead.lastName}` : a.leadName },
        stage: c.state,
        temperature: a.temperature,
        source: a.source,
        campaign: a.campaign,
        introducingBrokerId: a.introducingBrokerId,
        accountManager: a.accountManagerId ? { id: a.accountManagerId, name: names.get(a.accountManagerId) ?? a.accountManagerId } : null,
        // in funnel order (jsonb keeps its keys in its own order)
        stages: Object.fromEntries(STAGES.flatMap((s) => (a.stages?.[s] === undefined ? [] : [[s, iso(a.stages[s])!]]))),
        kycCaseId: a.kycCaseId,
        depositedAt: iso(a.depositedAt),
        tradedAt: iso(a.tradedAt),
        followUpAt: iso(a.followUpAt),
        lostReason: a.lostReason,
        lostNote: a.lostNote,
        lostFrom: a.lostFrom,
        reopenCount: a.reopenCount ?? 0,
        returnedLeadIds: a.returnedLeadIds ?? [],
      };
    });
  }

  const detail = async (user: SessionUser, row: Row) => {
    const [view] = await toView([row]);
    return {
      ...view,
      tasks: await loadCaseTaskViews(deps.db.pool, row.id, viewerOf(deps.access, user)),
    };
  };

  // before /:id, which would take `funnel` for an id
  defineFunnelRoute(router, registry, deps);

  defineCaseListRoute(router, registry, deps, {
    definition: clientDevelopmentCase,
    resource: RESOURCE,
    tag: RESOURCE,
    roles,
    filter: DevelopmentFilter,
    where: (f, user) => [
      ownOnly(user),
      f.mine ? { OR: [{ assigneeId: user.id }, { attributes: { path: ['accountManagerId'], equals: user.id } }] } : {},
      f.leadId ? { leadId: f.leadId } : {},
      f.source ? { attributes: { path: ['source'], equals: f.source } } : {},
      f.campaign ? { attributes: { path: ['campaign'], equals: f.campaign } } : {},
      f.ib ? { attributes: { path: ['introducingBrokerId'], equals: f.ib } } : {},
      f.accountManagerId ? { attributes: { path: ['accountManagerId'], equals: f.accountManagerId } } : {},
      f.temperature ? { attributes: { path: ['temperature'], equals: f.temperature } } : {},
    ],
    include,
    view: toView,
    response: DevelopmentSchema,
  });

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: `/${RESOURCE}/:id`,
      summary: 'A client-development case with its stage history and tasks',
      tag: RESOURCE,
      roles,
      params: IdParams,
      response: DevelopmentSchema,
    },
    async ({ params, user }) => detail(user, await scoped(user, params.id)),
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: `/${RESOURCE}/:id/timeline`,
      summary: 'What happened to the case, oldest first: stages, tasks, follow-ups, triggers',
      tag: RESOURCE,
      roles,
      params: IdParams,
      response: z.array(TimelineEventSchema),
    },
    async ({ params, user }) => {
      await scoped(user, params.id);
      return loadTimeline(prisma, params.id);
    },
  );

  return router;
}
