import type { Router } from 'express';
import type { ApiDeps } from '../deps';
import { badRequest } from '../http/errors';
import { defineRoute, type RouteRegistry } from '../http/route';
import { DomainError } from '../../platform/errors';
import { ingestTransaction } from '../../platform/monitoring/ingest';
import { alertsById } from './alert-view';
import { FEED } from './roles';
import { TransactionIn, TransactionOut } from './schemas';
import { routeTransactionAlerts } from './starter';
import { tellDevelopmentCase } from '../../platform/crm/development';

/** POST /api/transactions: the feed's door; the adapters call platform/monitoring/ingest the same way. */
export function transactionRoutes(router: Router, registry: RouteRegistry, deps: ApiDeps): void {
  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/transactions',
      summary:
        'Record a transaction and evaluate the single-transaction rules on it: 201 with the alerts it raised, each in its client’s AML case; ' +
        'the same externalId again: 200, nothing changes (alerts a crash or an outage left outside a case are routed now). ' +
        '503 when the case engine cannot be reached: the transaction is stored; send it again.',
      tag: 'monitoring',
      roles: FEED,
      body: TransactionIn,
      response: TransactionOut,
      status: 201,
      alsoOk: { 200: 'The same externalId again: nothing changes; the alerts it raised then' },
      errors: { 503: 'The case engine could not be reached: the transaction is stored; send it again' },
    },
    async ({ body, user, res }) => {
      let result;
      try {
        result = await ingestTransaction(deps.db.pool, {
          clientId: body.clientId,
          // an integration's transactions are its own (two systems may reuse an id); staff post as `api`
          source: body.source ?? (user.roles.includes('integration') ? `integration:${user.id}` : 'api'),
          externalId: body.externalId,
          type: body.type,
          amount: body.amount,
          currency: body.currency,
          method: body.method,
          bookedAt: body.bookedAt,
          counterparty: body.counterparty ?? null,
          accountId: body.accountId ?? null,
        });
      } catch (err) {
        if (err instanceof DomainError && err.code === 'CLIENT_NOT_FOUND')
          throw badRequest([{ path: 'body.clientId', message: 'No such client' }]);
        if (err instanceof DomainError && err.code === 'ACCOUNT_NOT_FOUND')
          throw badRequest([{ path: 'body.accountId', message: 'No such trading account of this client' }]);
        throw err;
      }
      await routeTransactionAlerts(
        deps,
        result.alerts.map((a) => a.id),
      );
      // every sending, a repeat too: a crash may have come between storing and telling (the case counts each once)
      await tellDevelopmentCase(
        deps.temporal,
        deps.db.pool,
        body.clientId,
        {
          id: result.transactionId,
          type: body.type,
          status: 'completed',
          bookedAt: new Date(body.bookedAt),
          amount: String(body.amount),
          currency: body.currency,
        },
        deps.log,
      );
      const payload = {
        id: result.transactionId,
        created: result.created,
        alerts: await alertsById(
          deps.db.pool,
          result.alerts.map((a) => a.id),
        ),
        suppressed: result.suppressed.map((s) => ({ scenarioId: s.scenarioId, by: s.by })),
      };
      if (result.created) return payload;
      // sent before: 200 with what it raised then
      res.status(200).json(payload);
      return undefined;
    },
  );
}
