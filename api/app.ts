import express, { type Express } from 'express';
import { getAbsoluteFSPath } from 'swagger-ui-dist';
import type { Deps } from './deps';
import { authenticate } from './auth/middleware';
import { authRouter } from './auth/router';
import { crossSiteWrites, securityHeaders } from './http/security';
import { clientsRouter } from './clients/router';
import { crmListsRouter } from './clients/lists';
import { healthRouter } from './health/router';
import { serveConsole } from './http/console-static';
import { interactionsRouter } from './interactions/router';
import { leadsRouter } from './leads/router';
import { crmReferenceRouter } from './leads/rules';
import { AppError, errorMiddleware } from './http/errors';
import { buildOpenApi } from './http/openapi';
import { jsonBody } from './http/json-body';
import type { RouteRegistry } from './http/route';
import { notificationsRouter } from './notifications/router';
import { incidentsRouter } from './incidents/router';
import { tasksRouter } from './tasks/router';
import { usersRouter } from './users/router';
import { screeningRouter } from './screening/router';
import { monitoringRouter } from './monitoring/router';
import { CASE_TYPES, apiDeps } from './case-types';
import { caseTypesRouter } from './cases/meta';
import { teamsRouter } from './teams/router';
import { adminRouter } from './admin/router';
import { integrationsRouter } from './integrations/router';
import { importsRouter } from './imports/router';

const DOCS_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Broker CRM API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;
// a file, not an inline script: the Content-Security-Policy allows scripts from this origin only
const DOCS_INIT = `SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui' });`;

/** The HTTP application. It does not listen: api/main.ts and the tests do. */
export function createApp(processDeps: Deps): Express {
  const deps = apiDeps(processDeps);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(securityHeaders(deps.env));
  app.use(jsonBody);

  const registry: RouteRegistry = [];
  const api = express.Router();
  api.use(crossSiteWrites(deps.env));
  api.use(authenticate(deps.db.pool));
  api.use((_req, res, next) => {
    res.setHeader('Access-Control-Expose-Headers', 'Content-Range');
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  for (const router of [
    healthRouter,
    authRouter,
    clientsRouter,
    leadsRouter,
    interactionsRouter,
    crmListsRouter,
    crmReferenceRouter,
    usersRouter,
    tasksRouter,
    notificationsRouter,
    screeningRouter,
    caseTypesRouter,
    incidentsRouter,
    teamsRouter,
    adminRouter,
    monitoringRouter,
    integrationsRouter,
    importsRouter,
  ]) {
    api.use(router(deps, registry));
  }
  for (const caseType of CASE_TYPES) api.use(caseType.router(deps, registry));
  const openapi = buildOpenApi(registry, { title: 'Broker CRM API', version: '0.1.0' });
  api.get('/openapi.json', (_req, res) => void res.json(openapi));
  api.get('/docs', (_req, res) => void res.type('html').send(DOCS_PAGE));
  api.get('/docs/init.js', (_req, res) => void res.type('js').send(DOCS_INIT));
  api.use('/docs/assets', express.static(getAbsoluteFSPath()));
  api.use((req) => {
    throw new AppError(404, 'NOT_FOUND', `No route ${req.method} /api${req.path}`);
  });
  app.use('/api', api);

  serveConsole(app, deps.env.CONSOLE_DIR);

  app.use(errorMiddleware(deps.log));
  return app;
}
