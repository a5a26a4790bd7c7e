import { Router } from 'express';
import { z } from 'zod';
import type { Prisma } from '@prisma/client';
import type { ApiDeps } from '../deps';
import { defineRoute, type RouteRegistry } from '../http/route';
import { IdParams } from '../http/schemas';
import { sendUpdate } from '../temporal/updates';
import { actorOf, type SessionUser } from '../auth/session';
import { loadCaseTaskViews, userNames, viewerOf } from '../tasks/view';
import { TimelineEventSchema, baseCaseView, loadTimeline, scopedCaseRow } from '../cases/view';
import { defineCaseListRoute } from '../cases/list';
import { audit } from '../../platform/audit';
import { evidencePack, generateNarrative, sarFacts } from '../../platform/monitoring/sar';
import { renderEvidencePdf } from '../../platform/monitoring/pdf';
import { amlCase } from '../../workflows/aml-case/definition';
import { reopenAmlCaseUpdate } from '../../workflows/aml-case/updates';
import type { AmlAttributes } from '../../workflows/aml-case/workflow';
import { alertsById } from '../monitoring/alert-view';
import { AmlCaseSchema, AmlFilter, SarSchema } from './schemas';

const TYPE = amlCase.type;
const include = { client: { select: { name: true } } } satisfies Prisma.CaseInclude;
type Row = Prisma.CaseGetPayload<{ include: typeof include }>;

export function amlCasesRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const { prisma } = deps.db;
  const router = Router();
  const roles = deps.access.rolesOf(TYPE);
  const tag = 'aml-cases';

  async function toView(rows: Row[]): Promise<z.infer<typeof AmlCaseSchema>[]> {
    const names = await userNames(
      prisma,
      rows.map((r) => r.assigneeId),
    );
    const now = new Date();
    return rows.map((c) => {
      const a = c.attributes as unknown as AmlAttributes;
      return {
        ...baseCaseView(c, names, now),
        alertIds: a.alertIds ?? [],
        scenarios: a.scenarios ?? [],
        findings: a.findings ?? null,
        decision: a.decision ?? null,
        decisionReason: a.decisionReason ?? null,
        closure: a.closure ?? null,
        sarReference: a.sarReference ?? null,
        reopenCount: a.reopenCount ?? 0,
      };
    });
  }

  const scoped = (user: SessionUser, id: string) => scopedCaseRow(deps, user, TYPE, id, 'AML case');
  const detail = async (user: SessionUser, row: Row) => {
    const [view] = await toView([row]);
    const alerts = await prisma.monitoringAlert.findMany({ where: { caseId: row.id }, select: { id: true } });
    return {
      ...view,
      alerts: await alertsById(
        deps.db.pool,
        alerts.map((a) => a.id),
      ),
      tasks: await loadCaseTaskViews(deps.db.pool, row.id, viewerOf(deps.access, user)),
    };
  };

  defineCaseListRoute(router, registry, deps, {
    definition: amlCase,
    resource: 'aml-cases',
    tag,
    roles,
    filter: AmlFilter,
    where: (f) => [
      f.scenario ? { attributes: { path: ['scenarios'], array_contains: [f.scenario] } } : {},
      f.closure ? { attributes: { path: ['closure'], equals: f.closure } } : {},
    ],
    include,
    view: toView,
    response: AmlCaseSchema,
  });

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/aml-cases/:id',
      summary: 'An AML case with its alerts (evidence) and tasks',
      tag,
      roles,
      params: IdParams,
      response: AmlCaseSchema,
    },
    async ({ params, user }) => detail(user, await scoped(user, params.id)),
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/aml-cases/:id/timeline',
      summary: 'What happened to the case, oldest first',
      tag,
      roles,
      params: IdParams,
      response: z.array(TimelineEventSchema),
    },
    async ({ params, user }) => {
      await scoped(user, params.id);
      return loadTimeline(prisma, params.id);
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/aml-cases/:id/sar',
      summary: 'The suspicious-activity report: the narrative (generated from the evidence, then edited) and who approved and filed it',
      tag,
      roles,
      params: IdParams,
      response: SarSchema,
    },
    async ({ params, user }) => {
      const row = await scoped(user, params.id);
      const sar = await prisma.amlSar.findUnique({ where: { caseId: row.id } });
      if (!sar) {
        const narrative = generateNarrative(await sarFacts(prisma, row.id));
        return {
          status: 'none',
          narrative,
          generatedNarrative: narrative,
          preparedBy: null,
          submittedAt: null,
          approvedBy: null,
          approvedAt: null,
          filedAt: null,
          filingReference: null,
          preview: true,
        };
      }
      const names = await userNames(prisma, [sar.preparedById, sar.approvedById]);
      const person = (id: string | null) => (id ? { id, name: names.get(id) ?? id } : null);
      return {
        status: sar.status,
        narrative: sar.narrative,
        generatedNarrative: sar.generatedNarrative,
        preparedBy: person(sar.preparedById),
        submittedAt: sar.submittedAt?.toISOString() ?? null,
        approvedBy: person(sar.approvedById),
        approvedAt: sar.approvedAt?.toISOString() ?? null,
        filedAt: sar.filedAt?.toISOString() ?? null,
        filingReference: sar.filingReference,
        preview: false,
      };
    },
  );

  const exportRoute = (format: 'json' | 'pdf') =>
    defineRoute(
      router,
      registry,
      {
        method: 'get',
        path: `/aml-cases/:id/evidence.${format}`,
        summary: `The evidence pack as ${format.toUpperCase()}: case, client, alerts with evidence, transactions, report, approvals, timeline (audited)`,
        tag,
        roles,
        params: IdParams,
      },
      async ({ params, user, res }) => {
        const row = await scoped(user, params.id);
        const pack = await evidencePack(prisma, row.id);
        await audit(prisma, { actorId: user.id, action: 'aml_evidence_exported', entity: 'case', entityId: row.id, data: { format } });
        res.attachment(`${row.reference}-evidence.${format}`);
        if (format === 'json') res.type('application/json').send(JSON.stringify(pack, null, 2));
        else res.type('application/pdf').send(await renderEvidencePdf(pack));
      },
    );
  exportRoute('json');
  exportRoute('pdf');

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/aml-cases/:id/reopen',
      summary: 'Reopen a closed AML case with a reason (MLRO, compliance manager; audited)',
      tag,
      roles,
      params: IdParams,
      body: z.object({ reason: z.string().trim().min(1).max(4000) }),
      response: AmlCaseSchema,
      errors: { 403: 'Only the MLRO or a compliance manager', 409: 'Not closed, window passed, or another case of the client is open' },
    },
    async ({ params, body, user }) => {
      const row = await scoped(user, params.id);
      await sendUpdate(deps.temporal, row.workflowId, reopenAmlCaseUpdate, { actor: actorOf(user), reason: body.reason });
      return detail(user, await scoped(user, params.id));
    },
  );

  return router;
}
