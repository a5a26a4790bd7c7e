import type { Router } from 'express';
import type { MonitoringScenario, MonitoringScenarioVersion } from '@prisma/client';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { AppError, badRequest, conflict, notFound } from '../http/errors';
import { defineRoute, type RouteRegistry } from '../http/route';
import { IdParams } from '../http/schemas';
import { DomainError } from '../../platform/errors';
import { compile } from '../../platform/monitoring/candidates';
import { parametersSchema, templateOf } from '../../platform/monitoring/templates';
import { discardDraft, publishDraft, saveDraft, setEnabled } from '../../platform/monitoring/versions';
import { READERS, RULE_EDITORS } from './roles';
import { Instant } from './schemas';
import { startSweep, sweepView } from './sweeps';

const DAY_MS = 24 * 60 * 60 * 1000;

const versionView = (v: MonitoringScenarioVersion) => ({
  id: v.id,
  version: v.version,
  status: v.status,
  parameters: v.parameters,
  note: v.note,
  createdById: v.createdById,
  createdAt: v.createdAt.toISOString(),
  publishedById: v.publishedById,
  publishedAt: v.publishedAt?.toISOString() ?? null,
  retiredAt: v.retiredAt?.toISOString() ?? null,
});

function scenarioView(s: MonitoringScenario & { versions: MonitoringScenarioVersion[] }, all = false) {
  const t = templateOf(s.template);
  const inForce = s.versions.find((v) => v.status === 'published');
  const draft = s.versions.find((v) => v.status === 'draft');
  return {
    id: s.id,
    name: s.name,
    template: s.template,
    execution: s.execution,
    description: s.description,
    enabled: s.enabled,
    inForce: inForce ? versionView(inForce) : null,
    draft: draft ? versionView(draft) : null,
    /** the JSON Schema a console renders the parameter form from */
    parametersSchema: t ? z.toJSONSchema(parametersSchema(t), { io: 'input' }) : null,
    ...(all ? { versions: [...s.versions].sort((a, b) => b.version - a.version).map(versionView) } : {}),
  };
}

/** Domain errors of the rule store as HTTP. */
function mapped(err: unknown): never {
  if (err instanceof DomainError) {
    if (err.code === 'INVALID_PARAMETERS') throw badRequest([{ path: 'body.parameters', message: err.message }]);
    if (err.code === 'SCENARIO_NOT_FOUND') throw notFound('Scenario');
    if (err.code === 'NO_DRAFT') throw conflict('NO_DRAFT', err.message);
  }
  throw err;
}

export function scenarioRoutes(router: Router, registry: RouteRegistry, deps: ApiDeps): void {
  const { prisma, pool } = deps.db;
  const load = async (id: string) => {
    const s = await prisma.monitoringScenario.findUnique({ where: { id }, include: { versions: true } });
    if (!s) throw notFound('Scenario');
    return s;
  };
  const tag = 'monitoring';

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/monitoring/scenarios',
      summary: 'Scenarios with the version in force, the draft and the parameter schema',
      tag,
      roles: READERS,
    },
    async () =>
      (
        await prisma.monitoringScenario.findMany({
          include: { versions: { where: { status: { in: ['published', 'draft'] } } } },
          orderBy: { id: 'asc' },
        })
      ).map((s) => scenarioView(s)),
  );

  defineRoute(
    router,
    registry,
    { method: 'get', path: '/monitoring/scenarios/:id', summary: 'A scenario with every version', tag, roles: READERS, params: IdParams },
    async ({ params }) => scenarioView(await load(params.id), true),
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/monitoring/scenarios/:id/versions/:version',
      summary: 'One version, with the SQL it compiles to (for a sweep batch)',
      tag,
      roles: READERS,
      params: z.object({ id: z.string().min(1).max(100), version: z.coerce.number().int().min(1) }),
    },
    async ({ params }) => {
      const s = await load(params.id);
      const v = s.versions.find((x) => x.version === params.version);
      const t = templateOf(s.template);
      if (!v || !t) throw notFound('Version');
      const sql = t.query
        ? compile(
            { id: v.id, scenarioId: s.id, version: v.version, template: t, parameters: v.parameters as never },
            { kind: 'range', from: new Date(0), to: new Date(0), after: null, upTo: null },
          )
        : null;
      return { ...versionView(v), sql: sql?.text ?? null, values: sql?.values ?? null };
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'put',
      path: '/monitoring/scenarios/:id/draft',
      summary: 'Create or replace the draft: parameters { default, bands? } checked against the template (audited)',
      tag,
      roles: RULE_EDITORS,
      params: IdParams,
      body: z.object({ parameters: z.record(z.string(), z.unknown()), note: z.string().trim().max(2000).optional() }),
    },
    async ({ params, body, user }) => {
      await saveDraft(pool, { scenarioId: params.id, parameters: body.parameters, note: body.note, actorId: user.id }).catch(mapped);
      return scenarioView(await load(params.id), true);
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'delete',
      path: '/monitoring/scenarios/:id/draft',
      summary: 'Discard the draft (audited)',
      tag,
      roles: RULE_EDITORS,
      params: IdParams,
    },
    async ({ params, user }) => {
      if (!(await discardDraft(pool, { scenarioId: params.id, actorId: user.id }).catch(mapped))) throw notFound('Draft');
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/monitoring/scenarios/:id/publish',
      summary: 'Publish the draft: it is frozen and in force, the previous version retires (audited)',
      tag,
      roles: RULE_EDITORS,
      params: IdParams,
      body: z.object({ note: z.string().trim().max(2000).optional() }),
      errors: { 409: 'NO_DRAFT: the scenario has no draft to publish' },
    },
    async ({ params, body, user }) => {
      await publishDraft(pool, { scenarioId: params.id, actorId: user.id, note: body.note }).catch(mapped);
      return scenarioView(await load(params.id), true);
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'patch',
      path: '/monitoring/scenarios/:id',
      summary: 'Switch a scenario on or off, with a reason (audited)',
      tag,
      roles: RULE_EDITORS,
      params: IdParams,
      body: z.object({ enabled: z.boolean(), reason: z.string().trim().min(1).max(2000) }),
    },
    async ({ params, body, user }) => {
      await setEnabled(pool, { scenarioId: params.id, enabled: body.enabled, reason: body.reason, actorId: user.id }).catch(mapped);
      return scenarioView(await load(params.id), true);
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/monitoring/scenarios/:id/backtests',
      summary: 'Run the draft over past data next to the version in force, without alerts: answers the backtest (a sweep of kind backtest)',
      tag,
      roles: RULE_EDITORS,
      params: IdParams,
      body: z.object({
        from: Instant.optional(),
        to: Instant.optional(),
        clientIds: z.array(z.string().min(1).max(100)).min(1).max(10_000).optional(),
      }),
      status: 201,
      errors: { 409: 'NO_DRAFT: no draft to backtest, or NOT_BACKTESTABLE: the scenario has no transaction rule' },
    },
    async ({ params, body, user }) => {
      const s = await load(params.id);
      const draft = s.versions.find((v) => v.status === 'draft');
      if (!draft) throw conflict('NO_DRAFT', 'Save a draft to backtest it');
      if (!templateOf(s.template)?.query)
        throw new AppError(409, 'CONFLICT', 'This scenario has no transaction rule to backtest', { reason: 'NOT_BACKTESTABLE' });
      const inForce = s.versions.find((v) => v.status === 'published');
      const to = body.to ?? new Date();
      const from = body.from ?? new Date(to.getTime() - 90 * DAY_MS);
      const sweep = await startSweep(deps, user, {
        kind: 'backtest',
        from,
        to,
        clientIds: body.clientIds ?? null,
        scenarioId: s.id,
        versionIds: [draft.id, ...(inForce ? [inForce.id] : [])],
      });
      return sweepView(sweep);
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/monitoring/backtests/:id',
      summary: 'A backtest: progress, and when completed the comparison of the draft with the version in force',
      tag,
      roles: READERS,
      params: IdParams,
    },
    async ({ params }) => {
      const id = z.uuid().safeParse(params.id);
      const s = id.success ? await prisma.monitoringSweep.findFirst({ where: { id: id.data, kind: 'backtest' } }) : null;
      if (!s) throw notFound('Backtest');
      return sweepView(s);
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/monitoring/backtests/:id/hits',
      summary: 'What one version of the backtest would have raised (paged)',
      tag,
      roles: READERS,
      params: z.object({ id: z.uuid() }),
      query: z.object({
        versionId: z.uuid(),
        offset: z.coerce.number().int().min(0).default(0),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    async ({ params, query }) =>
      (
        await prisma.monitoringBacktestHit.findMany({
          where: { sweepId: params.id, scenarioVersionId: query.versionId },
          orderBy: [{ windowEnd: 'asc' }, { clientId: 'asc' }],
          skip: query.offset,
          take: query.limit,
        })
      ).map((h) => ({
        clientId: h.clientId,
        windowKey: h.windowKey,
        windowStart: h.windowStart.toISOString(),
        windowEnd: h.windowEnd.toISOString(),
        transactionIds: h.transactionIds,
        evidence: h.evidence,
      })),
  );
}
