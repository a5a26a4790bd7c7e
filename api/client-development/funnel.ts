// The supervisors' funnel: of the client-development cases opened in a period (at most 366 days), how many
// reached each stage, and how long those that left a stage spent in it, per source, campaign, introducing
// broker or account manager, with a total row. One statement over the cases of the period (index on
// cases (type, opened_at)); stage times come from the case's `attributes.stages`.
import type { Router } from 'express';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { defineRoute, type RouteRegistry } from '../http/route';
import { Day } from '../http/schemas';
import { badRequest } from '../http/errors';
import { clientDevelopmentCase } from '../../workflows/client-development/definition';
import { STAGES } from '../../workflows/client-development/states';
import { FUNNEL_DIMENSIONS, FunnelSchema } from './schemas';

const TYPE = clientDevelopmentCase.type;
const DAY_MS = 86_400_000;
const MAX_PERIOD_DAYS = 366;

const KEYS: Record<(typeof FUNNEL_DIMENSIONS)[number], string> = {
  source: `c.attributes->>'source'`,
  campaign: `c.attributes->>'campaign'`,
  ib: `c.attributes->>'introducingBrokerId'`,
  accountManager: `c.attributes->>'accountManagerId'`,
};

const FunnelQuery = z
  .object({ from: Day.optional(), to: Day.optional(), by: z.enum(FUNNEL_DIMENSIONS).default('source') })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });

/** A row of the funnel's SQL: the group (or the total), and per stage r_ (reached), l_ (left), a_ and m_ (average and median hours). */
type FunnelRow = { total: boolean; key: string | null; cases: number; lost: number } & Record<string, unknown>;

/** Entry time (ms) of a stage; stage names are the state table's, never user input. */
const entry = (s: string) => `(st->>'${s}')::bigint`;

function funnelSql(by: keyof typeof KEYS, scope: string): string {
  // time in stage s: until the first later stage reached, or until it was lost from s
  const spans = STAGES.slice(0, -1).map((s, i) => {
    const later = STAGES.slice(i + 1).map(entry);
    return `(coalesce(${[...later, `CASE WHEN lost_from = '${s}' THEN lost_at END`].join(', ')}) - ${entry(s)}) / 3600000.0 AS x_${s}`;
  });
  const figures = STAGES.flatMap((s) => [
    `count(${entry(s)})::int AS r_${s}`,
    ...(s === 'active'
      ? []
      : [
          `count(x_${s})::int AS l_${s}`,
          `avg(x_${s})::float8 AS a_${s}`,
          `percentile_cont(0.5) WITHIN GROUP (ORDER BY x_${s})::float8 AS m_${s}`,
        ]),
  ]);
  return `
    WITH period AS (
      SELECT ${KEYS[by]} AS key, c.state, c.attributes->'stages' AS st,
             (c.attributes->>'lostAt')::bigint AS lost_at, c.attributes->>'lostFrom' AS lost_from
        FROM cases c
       WHERE c.type = $1 AND c.opened_at >= $2::date AND c.opened_at < $3::date + 1 AND ${scope}
    ), spans AS (SELECT period.*, ${spans.join(', ')} FROM period)
    SELECT key, GROUPING(key) AS total, count(*)::int AS cases, count(*) FILTER (WHERE state = 'lost')::int AS lost, ${figures.join(', ')}
      FROM spans GROUP BY GROUPING SETS ((key), ()) ORDER BY GROUPING(key) DESC, count(*) DESC, key`;
}

export function defineFunnelRoute(router: Router, registry: RouteRegistry, deps: ApiDeps): void {
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/client-development/funnel',
      summary:
        'Supervisors: conversion (cases reaching each stage) and time in stage (hours, average and median, of the cases that left it) ' +
        'of the client-development cases opened from `from` to `to` (at most 366 days; default the last 30), per source, campaign, ib or accountManager',
      tag: 'client-development',
      roles: deps.access.supervisingRolesOf(TYPE),
      query: FunnelQuery,
      response: FunnelSchema,
    },
    async ({ query, user }) => {
      const to = query.to ?? new Date().toISOString().slice(0, 10);
      const from = query.from ?? new Date(Date.parse(to) - 29 * DAY_MS).toISOString().slice(0, 10);
      if ((Date.parse(to) - Date.parse(from)) / DAY_MS >= MAX_PERIOD_DAYS)
        throw badRequest([{ path: 'query.from', message: `the period is at most ${MAX_PERIOD_DAYS} days` }]);
      const scope = deps.access.caseScopeSql(user, TYPE, 4) ?? ['FALSE', []];
      const { rows } = await deps.db.pool.query<FunnelRow>(funnelSql(query.by, scope[0]), [TYPE, from, to, ...scope[1]]);
      const keys = rows.filter((r) => !r.total && r.key).map((r) => r.key!);
      const names = new Map<string, string>();
      if (keys.length && query.by === 'accountManager') {
        for (const u of (await deps.db.pool.query('SELECT id, name FROM users WHERE id = ANY($1)', [keys])).rows) names.set(u.id, u.name);
      } else if (keys.length && query.by === 'ib') {
        for (const b of (await deps.db.pool.query('SELECT id, name FROM introducing_brokers WHERE id = ANY($1)', [keys])).rows)
          names.set(b.id, b.name);
      }
      const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
      const figure = (r: FunnelRow, k: string) => (r[k] as number | null | undefined) ?? null;
      const toRow = (r: FunnelRow) => ({
        key: r.total ? null : r.key,
        name: r.total ? null : r.key ? (names.get(r.key) ?? r.key) : null,
        cases: r.cases,
        lost: r.lost,
        stages: Object.fromEntries(
          STAGES.map((s) => [
            s,
            {
              reached: figure(r, `r_${s}`) ?? 0,
              conversion: r.cases ? round((100 * (figure(r, `r_${s}`) ?? 0)) / r.cases) : null,
              left: figure(r, `l_${s}`) ?? 0,
              avgHours: round(figure(r, `a_${s}`)),
              medianHours: round(figure(r, `m_${s}`)),
            },
          ]),
        ) as z.infer<typeof FunnelSchema>['total']['stages'],
      });
      const total = rows.find((r) => r.total);
      const empty: FunnelRow = { total: true, key: null, cases: 0, lost: 0, ...Object.fromEntries(STAGES.map((s) => [`r_${s}`, 0])) };
      return { from, to, by: query.by, stages: [...STAGES], total: toRow(total ?? empty), rows: rows.filter((r) => !r.total).map(toRow) };
    },
  );
}
