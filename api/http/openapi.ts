import { z, type ZodType } from 'zod';
import type { RouteRegistry } from './route';
import { ErrorSchema } from './schemas';

function schemaOf(s: ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(s, { io, unrepresentable: 'any' });
}

/** OpenAPI 3.1 from the same zod schemas that validate requests. */
export function buildOpenApi(registry: RouteRegistry, info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const def of registry) {
    const path = `/api${def.path.replace(/:(\w+)/g, '{$1}')}`;
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', def.params],
      ['query', def.query],
    ] as const) {
      if (!schema) continue;
      const js = schemaOf(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s });
      }
    }
    // A route without a response schema answers 204 when its handler returns nothing, else 200 with a
    // body whose shape it does not declare (api/http/route.ts): both are documented, not a 204 alone.
    const responses: Record<string, unknown> = def.response
      ? {
          [String(def.status ?? 200)]: { description: 'OK', content: { 'application/json': { schema: schemaOf(def.response, 'output') } } },
        }
      : def.status
        ? { [String(def.status)]: { description: 'OK' } }
        : { '200': { description: 'OK, with a body whose shape this route does not declare' }, '204': { description: 'OK, no body' } };
    for (const [status, description] of Object.entries(def.alsoOk ?? {})) {
      responses[status] = {
        description,
        ...(def.response ? { content: { 'application/json': { schema: schemaOf(def.response, 'output') } } } : {}),
      };
    }
    const errorBody = { content: { 'application/json': { schema: schemaOf(ErrorSchema, 'output') } } };
    const write = def.method !== 'get';
    const documented: Record<string, string> = {};
    // what any route of this kind may answer, before or besides its own errors
    if (def.body || def.documentedBody || def.query || def.params || write)
      documented['400'] = 'Invalid input; `fields` says which and why';
    if (def.roles !== 'public') {
      documented['401'] = 'Not logged in';
      documented['403'] = 'Role not allowed (or the case’s rules refuse it: `reason` says which)';
    } else if (write) {
      documented['403'] = 'A request from another site (CSRF_ORIGIN)';
    }
    if (def.params) documented['404'] = 'No such record in your scope';
    if (write) {
      documented['413'] = 'The body is larger than the limit';
      documented['415'] = 'The body is not application/json';
    }
    if (def.engine) {
      documented['503'] =
        'ENGINE_UNAVAILABLE: the case engine did not take the change in time (nothing changed; try again), or CASE_STUCK: it was taken and is applied once the case can be saved';
    }
    Object.assign(documented, def.errors);
    for (const [status, description] of Object.entries(documented)) responses[status] = { description, ...errorBody };
    paths[path] ??= {};
    paths[path][def.method] = {
      summary: def.summary,
      tags: [def.tag],
      ...(def.roles && def.roles !== 'public' ? { description: `Roles: ${def.roles.join(', ')}` } : {}),
      ...(def.roles === 'public' ? { security: [] } : {}),
      parameters,
      ...(def.body || def.documentedBody
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schemaOf((def.body ?? def.documentedBody)!, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'sid' },
      },
    },
    security: [{ bearer: [] }, { cookie: [] }],
    paths,
  };
}
