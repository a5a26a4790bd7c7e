import { createHash, randomUUID } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import type { Prisma } from '@prisma/client';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { Deps } from '../deps';
import { audit } from '../audit';
import { badRequest, conflict, notFound } from '../http/errors';
import { listQuery, page, sendRange } from '../http/list';
import { defineRoute, type RouteRegistry } from '../http/route';
import { IdParams } from '../http/schemas';
import { branchWhere } from '../scope';
import { mapUpdateError, sendUpdate } from '../temporal/updates';
import { SLA_STATES } from '../tasks/view';
import type { SessionUser } from '../auth/session';
import { registerCaseUpdate } from '../../workflows/engine/updates';
import { kycClientRespondedUpdate, overrideRiskUpdate } from '../../workflows/kyc-review/updates';
import type { kycReviewWorkflow } from '../../workflows/kyc-review/workflow';
import { REVIEW_KINDS, RISK_BANDS } from '../../workflows/kyc-review/states';
import { kycWorkflowId } from '../../activities/kyc-review';
import { CreateReview, KycSummarySchema, ProfileInput, ReviewSchema } from './schemas';
import { reviewInclude, toDetailView, toListView, type ReviewRow } from './view';
import { documentsRouter } from './documents';
import { complianceDashboardRouter } from './dashboard';
import { KYC_ROLES } from './roles';
import { TimelineEventSchema, caseSlaWhere, loadTimeline } from '../cases/view';


const ReviewFilter = z.object({
  status: z.enum(['open', 'awaiting_client', 'suspended', 'closed']).optional(),
  state: z.string().max(50).optional(),
  kind: z.enum(REVIEW_KINDS).optional(),
  riskBand: z.enum(RISK_BANDS).optional(),
  slaState: z.enum(SLA_STATES).optional(),
  clientId: z.string().max(100).optional(),
  q: z.string().max(200).optional(),
  id: z.array(z.string()).max(200).optional(),
});
const SORTABLE = ['openedAt', 'dueAt', 'priority', 'state', 'status'] as const;

const dateOrNull = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(v));

/** Profile input → Prisma data (only the fields given). */
function profileData(p: ProfileInput, userId: string) {
  const { dateOfBirth, beneficialOwners, ...rest } = p;
  return {
    ...rest,
    ...(dateOfBirth !== undefined ? { dateOfBirth: dateOrNull(dateOfBirth) } : {}),
    ...(beneficialOwners !== undefined ? { beneficialOwners: beneficialOwners as Prisma.InputJsonValue } : {}),
    updatedById: userId,
  };
}

export function kycRouter(deps: Deps, registry: RouteRegistry): Router {
  const { prisma } = deps.db;
  const router = Router();

  async function scopedReview(user: SessionUser, id: string): Promise<ReviewRow> {
    const found = await prisma.case.findFirst({ where: { id, type: 'kyc_review', ...branchWhere(user) }, include: reviewInclude });
    if (!found) throw notFound('KYC review');
    return found;
  }
  const detail = async (user: SessionUser, id: string) => toDetailView(prisma, await scopedReview(user, id));

  async function scopedClient(user: SessionUser, id: string, field = 'params.id') {
    const client = await prisma.client.findFirst({ where: { id, ...branchWhere(user) } });
    if (!client) throw field === 'params.id' ? notFound('Client') : badRequest([{ path: field, message: 'No such client in your scope' }]);
    return client;
  }

  async function saveProfile(user: SessionUser, clientId: string, profile: ProfileInput, ip?: string) {
    const data = profileData(profile, user.id);
    await prisma.kycProfile.upsert({ where: { clientId }, create: { clientId, ...data }, update: data });
    // the audit names the fields changed; personal data stays out of the log
    await audit(prisma, { actorId: user.id, action: 'kyc_profile_updated', entity: 'client', entityId: clientId, data: { fields: Object.keys(profile) }, ip });
  }

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/kyc-reviews',
      summary: 'Start a KYC review of a client (send Idempotency-Key to make retries safe); an optional profile is saved first',
      tag: 'kyc',
      roles: KYC_ROLES,
      body: CreateReview,
      response: ReviewSchema,
      status: 201,
      errors: { 409: 'The client already has an open KYC review' },
    },
    async ({ body, user, req }) => {
      await scopedClient(user, body.clientId, 'body.clientId');
      const key = req.header('idempotency-key');
      const caseId = key ? createHash('sha256').update(`kyc:${user.id}:${key}`).digest('hex').slice(0, 32).replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-') : randomUUID();
      const open = await prisma.case.findFirst({ where: { type: 'kyc_review', clientId: body.clientId, status: { not: 'closed' }, id: { not: caseId } } });
      if (open) throw conflict('KYC_REVIEW_OPEN', `Client ${body.clientId} already has an open KYC review (${open.id})`);
      if (body.profile) await saveProfile(user, body.clientId, body.profile, req.ip);
      const startWorkflowOperation = new WithStartWorkflowOperation<typeof kycReviewWorkflow>('kycReviewWorkflow', {
        workflowId: kycWorkflowId(caseId),
        taskQueue: deps.env.TEMPORAL_TASK_QUEUE,
        workflowIdConflictPolicy: key ? 'USE_EXISTING' : 'FAIL',
        args: [{ caseId, clientId: body.clientId, kind: body.kind, openedBy: { id: user.id, role: user.role }, note: body.note ?? null }],
      });
      try {
        await deps.temporal.workflow.executeUpdateWithStart(registerCaseUpdate, { startWorkflowOperation });
      } catch (err) {
        throw mapUpdateError(err);
      }
      return detail(user, caseId);
    },
  );

  defineRoute(
    router,
    registry,
    { method: 'get', path: '/kyc-reviews', summary: 'KYC reviews in your scope, react-admin list params', tag: 'kyc', roles: KYC_ROLES, query: listQuery(ReviewFilter, SORTABLE), response: z.array(ReviewSchema) },
    async ({ query, user, res }) => {
      const f = query.filter ?? {};
      const where: Prisma.CaseWhereInput = {
        AND: [
          { type: 'kyc_review', ...branchWhere(user) },
          f.status ? { status: f.status } : {},
          f.state ? { state: f.state } : {},
          f.kind ? { category: f.kind } : {},
          f.riskBand ? { severity: f.riskBand } : {},
          f.clientId ? { clientId: f.clientId } : {},
          f.id ? { id: { in: f.id } } : {},
          f.q ? { OR: [{ client: { name: { contains: f.q, mode: 'insensitive' } } }, { id: { startsWith: f.q } }] } : {},
          caseSlaWhere(f.slaState, new Date()),
        ],
      };
      const [field, dir] = query.sort ?? ['openedAt', 'DESC'];
      const { skip, take } = page(query.range);
      const [rows, total] = await Promise.all([
        prisma.case.findMany({ where, include: reviewInclude, orderBy: [{ [field]: dir === 'ASC' ? 'asc' : 'desc' }, { id: 'asc' }], skip, take }),
        prisma.case.count({ where }),
      ]);
      sendRange(res, 'kyc-reviews', skip, rows.length, total);
      return toListView(prisma, rows);
    },
  );

  defineRoute(
    router,
    registry,
    { method: 'get', path: '/kyc-reviews/:id', summary: 'A KYC review: tasks, checks, risk breakdown, screening hits, documents (metadata), messages, next review', tag: 'kyc', roles: KYC_ROLES, params: IdParams, response: ReviewSchema },
    async ({ params, user }) => detail(user, params.id),
  );

  defineRoute(
    router,
    registry,
    { method: 'get', path: '/kyc-reviews/:id/timeline', summary: 'Every transition, task, check, override and message event, oldest first', tag: 'kyc', roles: KYC_ROLES, params: IdParams, response: z.array(TimelineEventSchema) },
    async ({ params, user }) => {
      await scopedReview(user, params.id);
      return loadTimeline(prisma, params.id);
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/kyc-reviews/:id/client-response',
      summary: 'The client answered a request for information (also ends a suspension): document collection resumes',
      tag: 'kyc',
      roles: KYC_ROLES,
      params: IdParams,
      body: z.object({ note: z.string().trim().min(1).max(10000) }),
      response: ReviewSchema,
      errors: { 409: 'The review is not waiting on the client' },
    },
    async ({ params, body, user }) => {
      const row = await scopedReview(user, params.id);
      await sendUpdate(deps.temporal, row.workflowId, kycClientRespondedUpdate, { actor: { id: user.id, role: user.role }, note: body.note });
      return detail(user, params.id);
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/kyc-reviews/:id/risk-override',
      summary: 'Set the risk band by hand, with a reason (during CDD review, EDD or senior approval); a raise to high or critical moves CDD review to EDD',
      tag: 'kyc',
      roles: KYC_ROLES,
      params: IdParams,
      body: z.object({ band: z.enum(RISK_BANDS), reason: z.string().trim().min(1).max(2000) }),
      response: ReviewSchema,
      errors: { 409: 'The review is not in a step where the band can be overridden' },
    },
    async ({ params, body, user, req }) => {
      const row = await scopedReview(user, params.id);
      const result = await sendUpdate(deps.temporal, row.workflowId, overrideRiskUpdate, { actor: { id: user.id, role: user.role }, band: body.band, reason: body.reason });
      await audit(prisma, {
        actorId: user.id, action: 'kyc_risk_overridden', entity: 'case', entityId: row.id,
        data: { fromBand: result.override?.fromBand, band: body.band, reason: body.reason }, ip: req.ip,
      });
      return detail(user, params.id);
    },
  );

  defineRoute(
    router,
    registry,
    { method: 'get', path: '/clients/:id/kyc', summary: "A client's KYC status, risk band and next review date (any staff; no documents)", tag: 'kyc', params: IdParams, response: KycSummarySchema },
    async ({ params, user }) => {
      const client = await scopedClient(user, params.id);
      const open = await prisma.case.findFirst({ where: { type: 'kyc_review', clientId: client.id, status: { not: 'closed' } }, orderBy: { openedAt: 'desc' } });
      return {
        clientId: client.id, kycStatus: client.kycStatus, riskBand: client.riskBand, nextReviewAt: client.nextReviewAt?.toISOString() ?? null,
        openReview: open ? { id: open.id, state: open.state, status: open.status } : null,
      };
    },
  );

  defineRoute(
    router,
    registry,
    { method: 'get', path: '/clients/:id/kyc-profile', summary: "A client's KYC profile (KYC staff)", tag: 'kyc', roles: KYC_ROLES, params: IdParams, response: ProfileInput.extend({ clientId: z.string() }) },
    async ({ params, user }) => {
      const client = await scopedClient(user, params.id);
      const p = await prisma.kycProfile.findUnique({ where: { clientId: client.id } });
      if (!p) return { clientId: client.id };
      const { updatedAt: _u, updatedById: _b, dateOfBirth, beneficialOwners, ...rest } = p;
      return { ...rest, dateOfBirth: dateOfBirth?.toISOString().slice(0, 10) ?? null, beneficialOwners: beneficialOwners as ProfileInput['beneficialOwners'] };
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'put',
      path: '/clients/:id/kyc-profile',
      summary: "Change a client's KYC profile: personal data, PEP flag, EDD flags, beneficial owners (read by the next checks)",
      tag: 'kyc',
      roles: KYC_ROLES,
      params: IdParams,
      body: ProfileInput,
      response: z.object({ ok: z.literal(true) }),
    },
    async ({ params, body, user, req }) => {
      const client = await scopedClient(user, params.id);
      await saveProfile(user, client.id, body, req.ip);
      return { ok: true as const };
    },
  );

  router.use(documentsRouter(deps, registry, scopedReview));
  router.use(complianceDashboardRouter(deps, registry));
  return router;
}
