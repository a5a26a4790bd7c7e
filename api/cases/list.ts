// One list route for every case type: the lifecycle filters (status, state, SLA state, client, assignee,
// text search over reference, summary and client name) plus the case type's own, react-admin paging.
import type { Router } from 'express';
import { z } from 'zod';
import type { Prisma } from '@prisma/client';
import type { ApiDeps } from '../deps';
import type { SessionUser } from '../auth/session';
import { listQuery, page, sendRange, textContains } from '../http/list';
import { defineRoute, type RouteRegistry } from '../http/route';
import { SLA_STATES } from '../tasks/view';
import { caseSlaWhere } from './view';
import type { CaseTypeDefinition } from '../../workflows/engine/case-type';
import type { Role } from '../../workflows/engine/types';

const SORTABLE = ['openedAt', 'dueAt', 'priority', 'state', 'status', 'reference'] as const;

interface BaseFilter {
  status?: string;
  state?: string;
  slaState?: (typeof SLA_STATES)[number];
  clientId?: string;
  assigneeId?: string;
  q?: string;
  id?: string[];
}

export function caseFilter<E extends z.ZodRawShape>(definition: CaseTypeDefinition, extra: E) {
  return z.object({
    status: z.enum(definition.statuses as [string, ...string[]]).optional(),
    state: z.enum(definition.states as [string, ...string[]]).optional(),
    slaState: z.enum(SLA_STATES).optional(),
    clientId: z.string().max(100).optional(),
    assigneeId: z.string().max(100).optional(),
    /** a reference (CMP-2026-000123 or its start), words of the summary, or the client's name */
    q: z.string().trim().min(1).max(200).optional(),
    id: z.array(z.string().max(200)).max(200).optional(),
    ...extra,
  });
}

export function defineCaseListRoute<E extends z.ZodRawShape, I extends Prisma.CaseInclude, V>(
  router: Router,
  registry: RouteRegistry,
  deps: ApiDeps,
  opts: {
    definition: CaseTypeDefinition;
    resource: string;
    tag: string;
    roles: Role[];
    filter: E;
    where: (f: z.infer<z.ZodObject<E>>, user: SessionUser) => Prisma.CaseWhereInput[];
    include: I;
    view: (rows: Prisma.CaseGetPayload<{ include: I }>[]) => Promise<V[]>;
    response: z.ZodType;
  },
): void {
  const { definition, resource } = opts;
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: `/${resource}`,
      summary: `${resource} in your scope, react-admin list params; q finds a reference, words of the summary or the client's name`,
      tag: opts.tag,
      roles: opts.roles,
      query: listQuery(caseFilter(definition, opts.filter), SORTABLE),
      response: z.array(opts.response),
    },
    async ({ query, user, res }) => {
      const f = (query.filter ?? {}) as BaseFilter;
      const scope = deps.access.caseWhere(user, definition.type);
      const where: Prisma.CaseWhereInput = {
        AND: [
          scope ?? { id: { in: [] } },
          f.status ? { status: f.status } : {},
          f.state ? { state: f.state } : {},
          f.clientId ? { clientId: f.clientId } : {},
          f.assigneeId ? { assigneeId: f.assigneeId } : {},
          f.id ? { id: { in: f.id } } : {},
          f.q
            ? {
                OR: [
                  { reference: { startsWith: textContains(f.q.toUpperCase()).contains } },
                  { summary: textContains(f.q) },
                  { client: { name: textContains(f.q) } },
                ],
              }
            : {},
          caseSlaWhere(f.slaState, new Date()),
          ...opts.where((query.filter ?? {}) as z.infer<z.ZodObject<E>>, user),
        ],
      };
      const [field, dir] = query.sort ?? ['openedAt', 'DESC'];
      const { skip, take } = page(query.range);
      const { prisma } = deps.db;
      const [rows, total] = await Promise.all([
        prisma.case.findMany({
          where,
          include: opts.include,
          orderBy: [{ [field]: dir === 'ASC' ? 'asc' : 'desc' }, { id: 'asc' }],
          skip,
          take,
        }),
        prisma.case.count({ where }),
      ]);
      sendRange(res, resource, skip, rows.length, total);
      return opts.view(rows as Prisma.CaseGetPayload<{ include: I }>[]);
    },
  );
}
