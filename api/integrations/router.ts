// Trading-platform and payments feeds over HTTP (docs/integrations.md): POST /api/integrations/<adapter>/events.
// Not a session's route: a delivery is authenticated by its HMAC signature with the adapter's secret.
import { Router, type Request } from 'express';
import { z } from 'zod';
import type { ApiDeps } from '../deps';
import { AppError, badRequest } from '../http/errors';
import { defineRoute, type RouteRegistry } from '../http/route';
import { routeTransactionAlerts } from '../monitoring/starter';
import { ReferenceFeed } from '../../platform/integrations/reference';
import { adapterNamed, applyEvents, FeedFormatError, SIGNATURE_HEADER, verifyFeedSignature } from '../../platform/integrations';

const Params = z.object({ adapter: z.string().min(1).max(100) });

const FeedAnswer = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      type: z.enum(['account', 'deposit', 'withdrawal', 'trades']),
      outcome: z.enum(['applied', 'duplicate', 'stale', 'conflict', 'rejected']),
      transactionId: z.string().optional(),
      field: z.string().optional(),
      reason: z.string().optional(),
    }),
  ),
});

const noAdapter = (name: string) => new AppError(404, 'NOT_FOUND', `No feed adapter ${JSON.stringify(name.slice(0, 100))}`);

export function integrationsRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const router = Router();

  /** The adapter and its secret (an adapter without one is not served), and the signature over the raw body. */
  const authenticate = (req: Request) => {
    const name = String(req.params.adapter ?? '');
    const adapter = adapterNamed(name);
    const secret = adapter ? deps.env.INTEGRATION_SECRETS[adapter.name] : undefined;
    if (!adapter || !secret) throw noAdapter(name);
    const check = verifyFeedSignature(req.header(SIGNATURE_HEADER), req.rawBody ?? Buffer.alloc(0), secret);
    if (!check.ok) {
      deps.log(`integrations: ${adapter.name} delivery refused (signature ${check.reason})`);
      throw new AppError(
        401,
        'UNAUTHENTICATED',
        check.reason === 'expired'
          ? `The signature's timestamp is more than 5 minutes away from now: sign each delivery when sending it`
          : `Sign the body: ${SIGNATURE_HEADER}: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`,
      );
    }
  };

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/integrations/:adapter/events',
      summary:
        'A trading platform or payments system delivers events (accounts, deposits, withdrawals, trade summaries), signed with its secret: each applied once, an account only from a newer event (docs/integrations.md); the body shown is the reference adapter’s',
      tag: 'integrations',
      roles: 'public',
      authenticate,
      params: Params,
      documentedBody: ReferenceFeed,
      response: FeedAnswer,
      errors: {
        401: `No valid ${SIGNATURE_HEADER} header: a wrong signature, or a timestamp more than 5 minutes away (a replay)`,
        404: 'No such adapter, or none configured (INTEGRATION_SECRET_<ADAPTER>)',
        503: 'ENGINE_UNAVAILABLE: the alerts of a transaction could not be routed to AML cases (the events before it are applied; send the delivery again)',
      },
    },
    async ({ params, req }) => {
      const adapter = adapterNamed(params.adapter)!;
      let events;
      try {
        events = adapter.parse(req.rawBody ?? Buffer.alloc(0));
      } catch (err) {
        if (err instanceof FeedFormatError) throw badRequest(err.fields, 'The delivery is not valid: nothing was applied');
        throw err;
      }
      const results = await applyEvents(
        {
          pool: deps.db.pool,
          temporal: deps.temporal,
          log: deps.log,
          routeAlerts: (alerts) =>
            routeTransactionAlerts(
              deps,
              alerts.map((a) => a.id),
            ),
        },
        adapter.name,
        events,
      );
      return { results };
    },
  );
  return router;
}
