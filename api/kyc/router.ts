import { Router } from 'express';
import { z } from 'zod';
import type { Prisma } from '@prisma/client';
import type { ApiDeps } from '../deps';
import { audit } from '../../platform/audit';
import { badRequest, conflict, notFound } from '../http/errors';
import { defineRoute, type RouteRegistry } from '../http/route';
import { IdParams } from '../http/schemas';
import { sendUpdate } from '../temporal/updates';
import { actorOf, type SessionUser } from '../auth/session';
import { kycClientRespondedUpdate, overrideRiskUpdate } from '../../workflows/kyc-review/updates';
import type { KycReviewInput } from '../../workflows/kyc-review/workflow';
import { kycReviewCase } from '../../workflows/kyc-review/definition';
import { REVIEW_KINDS, RISK_BANDS } from '../../workflows/kyc-review/states';
import { CreateReview, KycSummarySchema, ProfileInput, ReviewSchema } from './schemas';
import { reviewInclude, toDetailView, toListView, type ReviewRow } from './view';
import { viewerOf } from '../tasks/view';
import { documentsRouter } from './documents';
import { complianceDashboardRouter } from './dashboard';
import { scopedCase } from '../cases/view';
import { defineCaseListRoute } from '../cases/list';
import { defineCaseTimelineRoute } from '../cases/timeline';
import { caseIdForKey, startCaseWorkflow } from '../cases/start';

const ReviewFilter = {
  kind: z.enum(REVIEW_KINDS).optional(),
  riskBand: z.enum(RISK_BANDS).optional(),
};
const TYPE = kycReviewCase.type;

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

export function kycRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const { prisma } = deps.db;
  const router = Router();
  const KYC_ROLES = deps.access.rolesOf(TYPE);

  const scopedReview = (user: SessionUser, id: string): Promise<ReviewRow> => scopedCase(deps, user, TYPE, id, reviewInclude, 'KYC review');
  const detail = async (user: SessionUser, id: string) => toDetailView(prisma, await scopedReview(user, id), viewerOf(deps.access, user));

  async function scopedClient(user: SessionUser, id: string, field = 'params.id', caseType?: string) {
    const client = await prisma.client.findFirst({ where: { AND: [{ id }, deps.access.clientWhere(user, caseType)] } });
    if (!client) throw field === 'params.id' ? notFound('Client') : badRequest([{ path: field, message: 'No such client in your scope' }]);
    return client;
  }

  async function saveProfile(user: SessionUser, clientId: string, profile: ProfileInput, ip?: string) {
    const data = profileData(profile, user.id);
    await prisma.kycProfile.upsert({ where: { clientId }, create: { clientId, ...data }, update: data });
    // the audit names the fields changed; personal data stays out of the log
    await audit(prisma, {
      actorId: user.id,
      action: 'kyc_profile_updated',
      entity: 'client',
      entityId: clientId,
      data: { fields: Object.keys(profile) },
      ip,
    });
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
      errors: { 409: 'The client already has an open KYC review', 422: 'The Idempotency-Key was used with another request' },
      engine: true,
    },
    async ({ body, user, req }) => {
      await scopedClient(user, body.clientId, 'body.clientId', TYPE);
      const key = req.header('idempotency-key');
      // a retry of the request that opened the review is not a second review
      const retried = key ? caseIdForKey(kycReviewCase, user, key) : null;
      const open = await prisma.case.findFirst({
        where: { type: TYPE, clientId: body.clientId, status: { not: 'closed' }, id: { not: retried ?? '' } },
      });
      if (open) throw conflict('KYC_REVIEW_OPEN', `Client ${body.clientId} already has an open KYC review (${open.reference})`);
      if (body.profile) await saveProfile(user, body.clientId, body.profile, req.ip);
      const caseId = await startCaseWorkflow(deps, {
        definition: kycReviewCase,
        user,
        idempotencyKey: key,
        request: body,
        args: (id): KycReviewInput => ({
          caseId: id,
          clientId: body.clientId,
          kind: body.kind,
          openedBy: actorOf(user),
          note: body.note ?? null,
        }),
      });
      return detail(user, caseId);
    },
  );

  defineCaseListRoute(router, registry, deps, {
    definition: kycReviewCase,
    resource: 'kyc-reviews',
    tag: 'kyc',
    roles: KYC_ROLES,
    filter: ReviewFilter,
    where: (f) => [
      f.kind ? { attributes: { path: ['kind'], equals: f.kind } } : {},
      f.riskBand ? { attributes: { path: ['riskBand'], equals: f.riskBand } } : {},
    ],
    include: reviewInclude,
    view: (rows) => toListView(prisma, rows),
    response: ReviewSchema,
  });

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/kyc-reviews/:id',
      summary: 'A KYC review: tasks, checks, risk breakdown, screening hits, documents (metadata), messages, next review',
      tag: 'kyc',
      roles: KYC_ROLES,
      params: IdParams,
      response: ReviewSchema,
    },
    async ({ params, user }) => detail(user, params.id),
  );

  defineCaseTimelineRoute(router, registry, deps, {
    definition: kycReviewCase,
    resource: 'kyc-reviews',
    tag: 'kyc',
    roles: KYC_ROLES,
    summary: 'Every transition, task, check, override and message event, oldest first',
  });

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
      engine: true,
    },
    async ({ params, body, user }) => {
      const row = await scopedReview(user, params.id);
      await sendUpdate(deps.temporal, row.workflowId, kycClientRespondedUpdate, { actor: actorOf(user), note: body.note });
      return detail(user, params.id);
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/kyc-reviews/:id/risk-override',
      summary:
        'Set the risk band by hand, with a reason (during CDD review, EDD or senior approval); a raise to high or critical moves CDD review to EDD',
      tag: 'kyc',
      roles: KYC_ROLES,
      params: IdParams,
      body: z.object({ band: z.enum(RISK_BANDS), reason: z.string().trim().min(1).max(2000) }),
      response: ReviewSchema,
      errors: { 409: 'The review is not in a step where the band can be overridden' },
      engine: true,
    },
    async ({ params, body, user, req }) => {
      const row = await scopedReview(user, params.id);
      const result = await sendUpdate(deps.temporal, row.workflowId, overrideRiskUpdate, {
        actor: actorOf(user),
        band: body.band,
        reason: body.reason,
      });
      await audit(prisma, {
        actorId: user.id,
        action: 'kyc_risk_overridden',
        entity: 'case',
        entityId: row.id,
        data: { fromBand: result.override?.fromBand, band: body.band, reason: body.reason },
        ip: req.ip,
      });
      return detail(user, params.id);
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/clients/:id/kyc',
      summary: "A client's KYC status, risk band and next review date (any staff; no documents)",
      tag: 'kyc',
      params: IdParams,
      response: KycSummarySchema,
    },
    async ({ params, user }) => {
      const client = await scopedClient(user, params.id);
      const open = await prisma.case.findFirst({
        where: { type: TYPE, clientId: client.id, status: { not: 'closed' } },
        orderBy: { openedAt: 'desc' },
      });
      return {
        clientId: client.id,
        kycStatus: client.kycStatus,
        riskBand: client.riskBand,
        nextReviewAt: client.nextReviewAt?.toISOString() ?? null,
        openReview: open ? { id: open.id, state: open.state, status: open.status } : null,
      };
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/clients/:id/kyc-profile',
      summary: "A client's KYC profile (KYC staff)",
      tag: 'kyc',
      roles: KYC_ROLES,
      params: IdParams,
      response: ProfileInput.extend({ clientId: z.string() }),
    },
    async ({ params, user }) => {
      const client = await scopedClient(user, params.id);
      const p = await prisma.kycProfile.findUnique({ where: { clientId: client.id } });
      if (!p) return { clientId: client.id };
      const { updatedAt: _u, updatedById: _b, dateOfBirth, beneficialOwners, ...rest } = p;
      return {
        ...rest,
        dateOfBirth: dateOfBirth?.toISOString().slice(0, 10) ?? null,
        beneficialOwners: beneficialOwners as ProfileInput['beneficialOwners'],
      };
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
