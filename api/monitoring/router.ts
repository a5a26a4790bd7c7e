// Ongoing monitoring over HTTP: the transaction feed, alerts, scenarios and their versions, sweeps and
// backtests, suppression, KYC refresh. docs/monitoring.md; the AML cases are api/aml-cases.
import { Router } from 'express';
import type { ApiDeps } from '../deps';
import type { RouteRegistry } from '../http/route';
import { transactionRoutes } from './transactions';
import { alertRoutes } from './alerts';
import { scenarioRoutes } from './scenarios';
import { sweepRoutes } from './sweeps';
import { suppressionRoutes } from './suppression';
import { rescreenRoutes } from './rescreens';
import { kycRefreshRoutes } from './kyc-refresh';

export function monitoringRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const router = Router();
  transactionRoutes(router, registry, deps);
  alertRoutes(router, registry, deps);
  scenarioRoutes(router, registry, deps);
  sweepRoutes(router, registry, deps);
  suppressionRoutes(router, registry, deps);
  rescreenRoutes(router, registry, deps);
  kycRefreshRoutes(router, registry, deps);
  return router;
}
