import type { Router } from 'express';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { defineRoute, type RouteRegistry } from '../http/route';
import { IdParams } from '../http/schemas';
import { TimelineEventSchema, loadTimeline, scopedCase } from './view';
import type { CaseTypeDefinition } from '../../workflows/engine/case-type';
import type { Role } from '../../workflows/engine/types';

/** `GET /<resource>/:id/timeline` of a case type: the case's events, oldest first, for whoever may see the case. */
export function defineCaseTimelineRoute(
  router: Router,
  registry: RouteRegistry,
  deps: ApiDeps,
  opts: { definition: CaseTypeDefinition; resource: string; tag: string; roles: Role[]; summary: string },
): void {
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: `/${opts.resource}/:id/timeline`,
      summary: opts.summary,
      tag: opts.tag,
      roles: opts.roles,
      params: IdParams,
      response: z.array(TimelineEventSchema),
    },
    async ({ params, user }) => {
      await scopedCase(deps, user, opts.definition.type, params.id, {});
      return loadTimeline(deps.db.prisma, params.id);
    },
  );
}
