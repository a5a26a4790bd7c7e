import type { Request, Response, Router } from 'express';
import { type z, type ZodType } from 'zod';
import type { Role } from '../../workflows/engine/types';
import type { SessionUser } from '../auth/session';
import { badRequest, forbidden, unauthenticated } from './errors';
import { findUnstorable } from '../../platform/text';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteDef<B extends ZodType, Q extends ZodType, P extends ZodType> {
  method: Method;
  /** Express path below /api, e.g. `/complaints/:id` */
  path: string;
  summary: string;
  tag: string;
  /** `public`: no login; omitted: any logged-in staff member; else one of these roles (admin is not implied) */
  roles?: Role[] | 'public';
  body?: B;
  query?: Q;
  params?: P;
  response?: ZodType;
  status?: number;
  /** other successful answers, with the same response schema, e.g. { 200: 'the same externalId again: the one stored before' } */
  alsoOk?: Record<number, string>;
  /** extra documented responses, e.g. { 409: 'claimed by someone else' } (common ones are documented for every route: api/http/openapi.ts) */
  errors?: Record<number, string>;
  /**
   * Runs before anything is validated, for a route that is not authenticated by a session (roles
   * `public`) but by the request itself, such as a signed feed delivery: throws 401/404 to refuse.
   */
  authenticate?: (req: Request) => void | Promise<void>;
  /** a body the handler reads itself from the raw bytes (req.rawBody): documented, not validated here */
  documentedBody?: ZodType;
  /**
   * top-level body fields whose text is not checked for what PostgreSQL cannot store, because the
   * handler stores none of it as it is and reports such characters itself (an import's file content)
   */
  rawText?: string[];
  /** sends a change to a case workflow: may answer 503 ENGINE_UNAVAILABLE or CASE_STUCK (api/temporal/updates.ts) */
  engine?: boolean;
}

export interface HandlerInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  user: SessionUser;
  req: Request;
  res: Response;
}

/** Every route, for the OpenAPI document. */
export type RouteRegistry = RouteDef<ZodType, ZodType, ZodType>[];

/**
 * Validates one part of the request. What passes must also be storable: PostgreSQL refuses U+0000 and
 * lone UTF-16 surrogates (say "x\ud800" in JSON), and a value it refuses would otherwise fail deep in a
 * query or in a workflow's projection write. The parsed value is checked, so text inside a JSON filter
 * counts too. findUnstorable is iterative; body depth is bounded by jsonBody before this runs.
 */
function parse<T extends ZodType>(schema: T | undefined, value: unknown, where: string, skip: string[] = []): z.infer<T> {
  if (!schema) return undefined as z.infer<T>;
  const result = schema.safeParse(value);
  if (!result.success) {
    throw badRequest(result.error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message })));
  }
  const checked =
    skip.length && result.data && typeof result.data === 'object'
      ? Object.fromEntries(Object.entries(result.data).filter(([k]) => !skip.includes(k)))
      : result.data;
  const unstorable = findUnstorable(checked, [where]);
  if (unstorable) throw badRequest([{ path: unstorable.path.join('.'), message: unstorable.reason }]);
  return result.data;
}

/**
 * Declares a route once: the same zod schemas validate the request, type the handler and feed the
 * OpenAPI document. The handler's return value is the JSON body.
 */
export function defineRoute<
  B extends ZodType = ZodType<undefined>,
  Q extends ZodType = ZodType<undefined>,
  P extends ZodType = ZodType<undefined>,
>(
  router: Router,
  registry: RouteRegistry,
  def: RouteDef<B, Q, P>,
  handler: (input: HandlerInput<z.infer<B>, z.infer<Q>, z.infer<P>>) => Promise<unknown>,
): void {
  registry.push(def as unknown as RouteDef<ZodType, ZodType, ZodType>);
  router[def.method](def.path, async (req, res) => {
    const user = req.user;
    if (def.roles !== 'public') {
      if (!user) throw unauthenticated();
      if (def.roles && !user.roles.some((r) => (def.roles as Role[]).includes(r))) throw forbidden();
    }
    await def.authenticate?.(req);
    const params = parse(def.params, req.params, 'params');
    const query = parse(def.query, req.query, 'query');
    const body = parse(def.body, req.body ?? {}, 'body', def.rawText);
    const result = await handler({ body, query, params, user: user as SessionUser, req, res });
    if (res.headersSent) return;
    if (result === undefined) res.status(def.status ?? 204).end();
    else res.status(def.status ?? 200).json(result);
  });
}
