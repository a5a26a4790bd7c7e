// Interactions from telephony and e-mail systems: POST /api/interactions names the party by client id, lead
// id, or the phone number or e-mail address the system knows, and is idempotent by (source, externalId).
import { Router } from 'express';
import { z } from 'zod';
import { recordInteraction } from '../../platform/crm/interactions';
import { phoneQuery } from '../../platform/crm/phones';
import type { ApiDeps } from '../deps';
import { AppError, badRequest } from '../http/errors';
import { defineRoute, type RouteRegistry } from '../http/route';
import { InteractionBase } from '../clients/schemas';

export const InteractionSchema = z.object({
  id: z.string(),
  clientId: z.string().nullable(),
  leadId: z.string().nullable(),
  kind: z.string(),
  direction: z.string().nullable(),
  channel: z.string().nullable(),
  subject: z.string().nullable(),
  body: z.string().nullable(),
  agentId: z.string().nullable(),
  durationSeconds: z.number().int().nullable(),
  outcome: z.string().nullable(),
  link: z.string().nullable(),
  source: z.string(),
  externalId: z.string().nullable(),
  occurredAt: z.string(),
  createdById: z.string().nullable(),
  createdAt: z.string(),
});

const SystemInteractionBody = InteractionBase.extend({
  /** the event's id in the sending system: the same id again changes nothing */
  externalId: z.string().trim().min(1).max(200),
  /** the sending system (default: your user id) */
  source: z.string().trim().min(1).max(100).optional(),
  clientId: z.string().min(1).max(100).optional(),
  leadId: z.uuid().optional(),
  /** the party's phone number (any format) or e-mail address, when the system knows no id */
  phone: z.string().trim().min(3).max(40).optional(),
  email: z.email().max(254).optional(),
  /** the agent by user id or e-mail address */
  agentId: z.string().min(1).max(100).optional(),
  agentEmail: z.email().max(254).optional(),
})
  .strict()
  .refine((b) => b.clientId || b.leadId || b.phone || b.email, {
    message: 'name the party: clientId, leadId, phone or email',
    path: ['clientId'],
  });

export function interactionsRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const router = Router();
  const { pool } = deps.db;

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/interactions',
      summary:
        'Record a call, e-mail, chat, meeting, note or system event from a telephony or e-mail system (role integration; supervisors too). ' +
        'Idempotent by (source, externalId): 201 the first time, 200 with the stored one after.',
      tag: 'interactions',
      roles: ['integration', ...deps.access.clientRoles('supervises')],
      body: SystemInteractionBody,
      response: InteractionSchema,
      status: 201,
      alsoOk: { 200: 'The same (source, externalId) again: the interaction stored before' },
      errors: { 422: 'No client or lead with this id, phone or e-mail (or several)' },
    },
    async ({ body, user, res }) => {
      const source = body.source ?? user.id;
      let clientId: string | null = null;
      let leadId: string | null = body.leadId ?? null;
      if (body.clientId) {
        const c = await pool.query('SELECT 1 FROM clients WHERE id = $1', [body.clientId]);
        if (!c.rows[0]) throw new AppError(422, 'UNKNOWN_PARTY', 'No client with this id');
        clientId = body.clientId;
      } else if (leadId) {
        const l = await pool.query(`SELECT merged_into_id, merged_into_kind FROM leads WHERE id = $1`, [leadId]);
        if (!l.rows[0]) throw new AppError(422, 'UNKNOWN_PARTY', 'No lead with this id');
      } else {
        // by contact: a client's phone or e-mail first, else an open lead's
        const phone = body.phone ? phoneQuery(body.phone, []) : null;
        if (body.phone && !phone?.e164.length)
          throw badRequest([{ path: 'body.phone', message: 'give the number in international format, e.g. +44 20 7946 0018' }]);
        const values = body.email ? [body.email.toLowerCase()] : phone!.e164;
        const clients = await pool.query<{ client_id: string }>(
          'SELECT DISTINCT client_id FROM client_contacts WHERE normalized = ANY($1::text[]) LIMIT 2',
          [values],
        );
        if (clients.rows.length === 1) clientId = clients.rows[0].client_id;
        else if (clients.rows.length === 0) {
          const leads = await pool.query<{ id: string }>(
            `SELECT id FROM leads WHERE (email_norm = ANY($1::text[]) OR phone_e164 = ANY($1::text[])) AND status NOT IN ('merged', 'converted') LIMIT 2`,
            [values],
          );
          if (leads.rows.length === 1) leadId = leads.rows[0].id;
          else
            throw new AppError(
              422,
              'UNKNOWN_PARTY',
              leads.rows.length ? 'Several leads have this contact: give leadId' : 'No client or lead has this contact',
            );
        } else throw new AppError(422, 'UNKNOWN_PARTY', 'Several clients have this contact: give clientId');
      }
      let agentId = body.agentId ?? null;
      if (body.agentEmail && !agentId) {
        const a = await pool.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [body.agentEmail.toLowerCase()]);
        agentId = a.rows[0]?.id ?? null;
        if (!agentId) throw badRequest([{ path: 'body.agentEmail', message: 'No user with this e-mail address' }]);
      } else if (agentId) {
        const a = await pool.query('SELECT 1 FROM users WHERE id = $1', [agentId]);
        if (!a.rows[0]) throw badRequest([{ path: 'body.agentId', message: 'No user with this id' }]);
      }
      const { interaction, created } = await recordInteraction(pool, {
        kind: body.kind,
        direction: body.direction,
        channel: body.channel,
        subject: body.subject,
        body: body.body,
        durationSeconds: body.durationSeconds,
        outcome: body.outcome,
        link: body.link,
        externalId: body.externalId,
        source,
        clientId,
        leadId,
        agentId,
        occurredAt: body.occurredAt ? new Date(body.occurredAt) : new Date(),
        createdById: user.id,
      });
      // the same external id again: the stored interaction, 200 (route.ts would answer the declared 201)
      if (!created) return void res.status(200).json(interaction);
      return interaction;
    },
  );

  return router;
}
