import { Router } from 'express';
import type { ApiDeps } from '../deps';
import { defineRoute, type RouteRegistry } from '../http/route';
import { audit } from '../../platform/audit';
import { searchName } from '../../platform/screening/index';
import { compareNames } from '../../platform/screening/match/compare';
import type { Role } from '../../workflows/engine/types';
import { CompareRequestSchema, CompareResponseSchema, SearchRequestSchema, SearchResponseSchema } from './schemas';
import { createIndexCache } from './index-cache';
import { screeningListsRouter } from './lists';

const COMPLIANCE: Role[] = ['kyc_officer', 'senior_compliance_officer', 'compliance_manager', 'admin'];

export function screeningRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const router = Router();
  const getIndex = createIndexCache(deps.db.prisma);
  const threshold = deps.env.SCREENING_REVIEW_THRESHOLD;
  router.use(screeningListsRouter(deps, registry, getIndex.invalidate));

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/screening/search',
      summary: 'Screen one name against the latest OFAC and UN lists: ranked hits with explanations',
      tag: 'screening',
      roles: COMPLIANCE,
      body: SearchRequestSchema,
      response: SearchResponseSchema,
    },
    async ({ body, user }) => {
      const index = await getIndex();
      const { limit, minScore, ...query } = body;
      const hits = searchName(index, query, { limit, minScore: minScore ?? threshold });
      // Who screened whom, when, and what came back is evidence a regulator asks for.
      await audit(deps.db.prisma, {
        actorId: user.id,
        action: 'screening_search',
        entity: 'screening',
        data: { query: body, hits: hits.map((h) => ({ list: h.list, entryId: h.entryId, score: h.score })) },
      });
      return { threshold, versions: index.versions, hits };
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/screening/compare',
      summary: 'Compare two names: score in [0, 1] and what matched',
      tag: 'screening',
      roles: COMPLIANCE,
      body: CompareRequestSchema,
      response: CompareResponseSchema,
    },
    async ({ body }) => compareNames(body.name1, body.name2, body.schema),
  );

  return router;
}
