// The case types the console needs to know about, over HTTP (the console imports no server code): for
// each case type the user takes part in, its resource, steps, states, statuses and the user's powers.
import { Router } from 'express';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { defineRoute, type RouteRegistry } from '../http/route';
import { CASE_TYPES } from '../case-types';

const CaseTypeMeta = z.object({
  type: z.string(),
  resource: z.string(),
  referencePrefix: z.string(),
  steps: z.array(z.string()),
  states: z.array(z.string()),
  statuses: z.array(z.string()),
  /** the user's scope over its records, and whether they supervise its work */
  scope: z.enum(['team', 'branch', 'all']),
  supervises: z.boolean(),
});

export function caseTypesRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const router = Router();
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/case-types',
      summary: 'The case types you take part in, with their steps, states and your scope',
      tag: 'cases',
      response: z.array(CaseTypeMeta),
    },
    async ({ user }) =>
      CASE_TYPES.flatMap(({ definition: d, resource }) => {
        const scope = deps.access.scopeFor(user, d.type);
        if (!scope) return [];
        return [
          {
            type: d.type,
            resource,
            referencePrefix: d.referencePrefix,
            steps: [...d.steps],
            states: [...d.states],
            statuses: [...d.statuses],
            scope,
            supervises: deps.access.supervises(user, d.type),
          },
        ];
      }),
  );
  return router;
}
