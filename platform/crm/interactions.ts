// Interactions: calls, e-mails, chats, meetings, notes and system events with a client or a lead.
// Idempotent by (source, external id): a telephony or e-mail system that sends the same event twice gets
// the first one back, unchanged.
import type { Queryable } from './clients';
import type { SqlRow } from '../db';

export const INTERACTION_KINDS = ['call', 'email', 'chat', 'meeting', 'note', 'system'] as const;
export const DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;

export interface InteractionInput {
  clientId?: string | null;
  leadId?: string | null;
  kind: (typeof INTERACTION_KINDS)[number];
  direction?: (typeof DIRECTIONS)[number] | null;
  channel?: string | null;
  subject?: string | null;
  body?: string | null;
  agentId?: string | null;
  durationSeconds?: number | null;
  outcome?: string | null;
  link?: string | null;
  source: string;
  externalId?: string | null;
  occurredAt: Date;
  createdById?: string | null;
}

export interface StoredInteraction {
  id: string;
  clientId: string | null;
  leadId: string | null;
  kind: string;
  direction: string | null;
  channel: string | null;
  subject: string | null;
  body: string | null;
  agentId: string | null;
  durationSeconds: number | null;
  outcome: string | null;
  link: string | null;
  source: string;
  externalId: string | null;
  occurredAt: string;
  createdById: string | null;
  createdAt: string;
}

const COLUMNS = `id, client_id, lead_id, kind, direction, channel, subject, body, agent_id, duration_seconds, outcome, link, source, external_id,
  occurred_at, created_by_id, created_at`;

/** An `interactions` row (its columns as stored) as the API gives it. */
export const interactionOf = (r: SqlRow): StoredInteraction => ({
  id: r.id,
  clientId: r.client_id,
  leadId: r.lead_id,
  kind: r.kind,
  direction: r.direction,
  channel: r.channel,
  subject: r.subject,
  body: r.body,
  agentId: r.agent_id,
  durationSeconds: r.duration_seconds,
  outcome: r.outcome,
  link: r.link,
  source: r.source,
  externalId: r.external_id,
  occurredAt: r.occurred_at.toISOString(),
  createdById: r.created_by_id,
  createdAt: r.created_at.toISOString(),
});

/** Stores an interaction; with an external id already stored for the source, returns that one (`created: false`). */
export async function recordInteraction(q: Queryable, i: InteractionInput): Promise<{ interaction: StoredInteraction; created: boolean }> {
  const { rows } = await q.query(
    `INSERT INTO interactions (client_id, lead_id, kind, direction, channel, subject, body, agent_id, duration_seconds, outcome, link, source,
       external_id, occurred_at, created_by_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
     ON CONFLICT (source, external_id) DO NOTHING
     RETURNING ${COLUMNS}`,
    [
      i.clientId ?? null,
      i.leadId ?? null,
      i.kind,
      i.direction ?? null,
      i.channel ?? null,
      i.subject ?? null,
      i.body ?? null,
      i.agentId ?? null,
      i.durationSeconds ?? null,
      i.outcome ?? null,
      i.link ?? null,
      i.source,
      i.externalId ?? null,
      i.occurredAt,
      i.createdById ?? null,
    ],
  );
  if (rows[0]) return { interaction: interactionOf(rows[0]), created: true };
  const existing = await q.query(`SELECT ${COLUMNS} FROM interactions WHERE source = $1 AND external_id = $2`, [i.source, i.externalId]);
  return { interaction: interactionOf(existing.rows[0]), created: false };
}
