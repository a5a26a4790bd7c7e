// Client development outside the workflow (docs/case-types/client-development.md): where a lead's case
// starts or a lost one reopens (intake), a lead becoming a client when it applies (conversion), and the
// client's money and trading as the case checks them. Shared by the API, the worker's activities, imports
// and the feed.
import type pg from 'pg';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client as TemporalClient } from '@temporalio/client';
import { auditIn } from '../audit';
import { inTransaction } from '../db';
import { derivedId } from '../ids';
import { contactRows, insertClient, type Queryable } from './clients';
import { clientDevelopmentCase } from '../../workflows/client-development/definition';
import { leadReturnedSignal, milestoneSignal, type Milestone } from '../../workflows/client-development/updates';
import type { Temperature } from '../../workflows/client-development/states';
import { CASE_START_MEMO, workflowIdOf } from '../../workflows/engine/case-type';

export const DEVELOPMENT_TYPE = clientDevelopmentCase.type;

/** A lead's case has the lead's id: `client-development-<lead id>`. */
export const developmentWorkflowId = (leadId: string) => workflowIdOf(clientDevelopmentCase, leadId);

export type IntakeResult =
  | { action: 'started' | 'exists'; caseId: string; workflowId: string }
  | { action: 'reopened'; caseId: string; workflowId: string; lostLeadId: string }
  | { action: 'none'; reason: 'no_lead' | 'closed_lead' | 'no_branch' | 'no_team' | 'existing_client' };

interface IntakeLead {
  id: string;
  status: string;
  branch_id: string | null;
  temperature: Temperature;
  /** a team to give its tasks to: the branch's, or the account manager's */
  team: boolean;
}

/**
 * What a new lead needs: nothing when it is closed, has no branch yet or is an existing client's (an
 * e-mail or phone of a client: the account manager hears of it through the duplicate queue); a lost case
 * to reopen when it duplicates a lost lead (same e-mail or phone); else a case of its own.
 */
export async function intakeOf(
  q: Queryable,
  leadId: string,
): Promise<{ lead: IntakeLead | null; lost: { caseId: string; workflowId: string } | null; client: boolean }> {
  const { rows } = (await q.query(
    `SELECT l.id, l.status, l.branch_id, l.temperature,
       EXISTS (SELECT 1 FROM teams t WHERE t.branch_id = l.branch_id)
         OR EXISTS (SELECT 1 FROM users u WHERE u.id = l.account_manager_id AND u.team_id IS NOT NULL) AS team,
       (SELECT jsonb_build_object('caseId', c.id, 'workflowId', c.workflow_id) FROM lead_duplicates d
          JOIN cases c ON c.type = $2 AND c.lead_id::text = d.other_id AND c.status = 'lost'
         WHERE d.lead_id = l.id AND d.other_kind = 'lead' AND d.reason IN ('email', 'phone')
         ORDER BY c.closed_at DESC NULLS LAST LIMIT 1) AS lost,
       EXISTS (SELECT 1 FROM lead_duplicates d WHERE d.lead_id = l.id AND d.other_kind = 'client' AND d.reason IN ('email', 'phone')) AS client
     FROM leads l WHERE l.id = $1`,
    [leadId, DEVELOPMENT_TYPE],
  )) as pg.QueryResult<IntakeLead & { lost: { caseId: string; workflowId: string } | null; client: boolean }>;
  const r = rows[0];
  return r
    ? {
        lead: { id: r.id, status: r.status, branch_id: r.branch_id, temperature: r.temperature, team: r.team },
        lost: r.lost,
        client: r.client,
      }
    : { lead: null, lost: null, client: false };
}

/**
 * Starts the lead's client-development case, or reopens the lost case it duplicates. Idempotent: the
 * case's id is the lead's, and the workflow id is never reused (a retry finds the case it started).
 */
export async function intakeLead(
  temporal: TemporalClient,
  taskQueue: string,
  q: Queryable,
  leadId: string,
  now = Date.now(),
): Promise<IntakeResult> {
  const { lead, lost, client } = await intakeOf(q, leadId);
  if (!lead) return { action: 'none', reason: 'no_lead' };
  if (!['new', 'contacted', 'qualified'].includes(lead.status)) return { action: 'none', reason: 'closed_lead' };
  if (lost) {
    try {
      await temporal.workflow.getHandle(lost.workflowId).signal(leadReturnedSignal, { leadId, temperature: lead.temperature, at: now });
      return { action: 'reopened', caseId: lost.caseId, workflowId: lost.workflowId, lostLeadId: lost.caseId };
    } catch (err) {
      // the lost case's reopen window is over: the lead gets a case of its own
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
  }
  if (client) return { action: 'none', reason: 'existing_client' };
  if (!lead.branch_id) return { action: 'none', reason: 'no_branch' };
  if (!lead.team) return { action: 'none', reason: 'no_team' };
  const workflowId = developmentWorkflowId(leadId);
  try {
    await temporal.workflow.start(clientDevelopmentCase.workflowType, {
      workflowId,
      taskQueue,
      args: [{ caseId: leadId, leadId }],
      memo: CASE_START_MEMO,
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return { action: 'started', caseId: leadId, workflowId };
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return { action: 'exists', caseId: leadId, workflowId };
    throw err;
  }
}

/**
 * The lead applies: it becomes a client (or joins the client named, e.g. one it duplicates). The new
 * client's id derives from the lead's, so a retry finds it; the lead ends `converted` and its interactions
 * move to the client. Audited.
 */
export async function convertLead(
  pool: pg.Pool,
  input: { leadId: string; clientId?: string | null; actorId: string | null },
): Promise<{ clientId: string; clientName: string; kycStatus: string; created: boolean }> {
  return inTransaction(pool, async (tx) => {
    const { rows } = await tx.query(`SELECT *, date_of_birth::text AS date_of_birth FROM leads WHERE id = $1 FOR UPDATE`, [input.leadId]);
    const lead = rows[0];
    if (!lead) throw new Error(`lead ${input.leadId} not found`);
    let clientId: string = lead.client_id ?? input.clientId ?? derivedId(`lead-client/${input.leadId}`);
    let created = false;
    const existing = await tx.query<{ id: string }>('SELECT id FROM clients WHERE id = $1', [clientId]);
    if (!existing.rows[0]) {
      if (input.clientId && !lead.client_id) throw new Error(`client ${input.clientId} not found`);
      const branch = await tx.query<{ country: string | null }>('SELECT country FROM branches WHERE id = $1', [lead.branch_id]);
      const contacts = [
        ...(lead.email ? [{ kind: 'email' as const, value: lead.email as string, primary: true }] : []),
        ...(lead.phone_e164 ? [{ kind: 'phone' as const, value: lead.phone_e164 as string, primary: true }] : []),
      ];
      // the lead's phone was read when it came in; an unreadable one stays on the lead
      const readable = contacts.filter((c) => !contactRows([c], lead.country ?? branch.rows[0]?.country ?? null).errors.length);
      clientId = await insertClient(tx, {
        id: clientId,
        firstName: lead.first_name,
        lastName: lead.last_name,
        dateOfBirth: lead.date_of_birth,
        country: lead.country,
        branchId: lead.branch_id,
        accountManagerId: lead.account_manager_id,
        introducingBrokerId: lead.introducing_broker_id,
        language: lead.language,
        kycStatus: 'pending',
        contacts: readable,
      });
      created = true;
    }
    await tx.query(`UPDATE leads SET client_id = $2, status = 'converted', updated_at = now() WHERE id = $1`, [input.leadId, clientId]);
    await tx.query('UPDATE interactions SET client_id = $2 WHERE lead_id = $1 AND client_id IS NULL', [input.leadId, clientId]);
    if (created || lead.client_id !== clientId) {
      await auditIn(tx, {
        actorId: input.actorId,
        action: 'lead_converted',
        entity: 'lead',
        entityId: input.leadId,
        data: { clientId, created },
      });
    }
    const c = await tx.query<{ name: string; kyc_status: string }>('SELECT name, kyc_status FROM clients WHERE id = $1', [clientId]);
    return { clientId, clientName: c.rows[0].name, kycStatus: c.rows[0].kyc_status, created };
  });
}

/** What the client has done since `since` (ms): first deposit, first trade, last deposit or trade. */
export async function clientActivity(
  q: Queryable,
  clientId: string,
  since = 0,
): Promise<{ depositedAt: number | null; tradedAt: number | null; lastActivityAt: number | null }> {
  const { rows } = (await q.query(
    `SELECT min(booked_at) FILTER (WHERE type = 'deposit') AS deposited, min(booked_at) FILTER (WHERE type = 'trade') AS traded,
            max(booked_at) AS last
       FROM transactions WHERE client_id = $1 AND booked_at > $2 AND status = 'completed' AND type IN ('deposit', 'trade')`,
    [clientId, new Date(since)],
  )) as pg.QueryResult<{ deposited: Date | null; traded: Date | null; last: Date | null }>;
  const r = rows[0];
  return {
    depositedAt: r?.deposited?.getTime() ?? null,
    tradedAt: r?.traded?.getTime() ?? null,
    lastActivityAt: r?.last?.getTime() ?? null,
  };
}

/** The client's open client-development case, if any (the feed tells it the client's milestones). */
export async function openDevelopmentCase(q: Queryable, clientId: string): Promise<{ workflowId: string; state: string } | null> {
  const { rows } = (await q.query(
    `SELECT workflow_id, state FROM cases WHERE type = $1 AND client_id = $2 AND closed_at IS NULL ORDER BY opened_at DESC LIMIT 1`,
    [DEVELOPMENT_TYPE, clientId],
  )) as pg.QueryResult<{ workflow_id: string; state: string }>;
  return rows[0] ? { workflowId: rows[0].workflow_id, state: rows[0].state } : null;
}

/** Stages in which a trade still moves the case (later ones only care about money leaving and coming back). */
const WANTS_TRADES = new Set(['application', 'kyc', 'approved', 'funded']);

/**
 * Tells the client's open case about a completed deposit or trade, a failed deposit or a withdrawal.
 * Trades reach it only while it waits for the first one (an active trader's trades would only grow its
 * history). The case counts each transaction once, so a repeat is harmless. Returns whether it signalled.
 */
export async function signalMilestone(temporal: TemporalClient, q: Queryable, clientId: string, m: Milestone): Promise<boolean> {
  const open = await openDevelopmentCase(q, clientId);
  if (!open) return false;
  if (m.kind === 'trade' && !WANTS_TRADES.has(open.state)) return false;
  try {
    await temporal.workflow.getHandle(open.workflowId).signal(milestoneSignal, m);
    return true;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return false;
    throw err;
  }
}

/** Which transaction is a milestone of client development. */
export function milestoneOf(t: {
  id: string;
  type: string;
  status: string;
  bookedAt: Date;
  amount?: string;
  currency?: string;
}): Milestone | null {
  const base = { transactionId: t.id, at: t.bookedAt.getTime(), amount: t.amount, currency: t.currency };
  if (t.type === 'deposit' && t.status === 'failed') return { kind: 'deposit_failed', ...base };
  if (t.status !== 'completed') return null;
  if (t.type === 'deposit' || t.type === 'withdrawal' || t.type === 'trade') return { kind: t.type, ...base };
  return null;
}

/**
 * A transaction just stored (POST /api/transactions, the platform feeds) moves the client's open
 * client-development case on: funded, active, the dormant and failed-deposit follow-ups. Quietly: the
 * transaction is stored, and the case also reads the client's transactions itself when it enters a stage and
 * at its follow-ups, so a missed signal only delays it.
 */
export async function tellDevelopmentCase(
  temporal: TemporalClient,
  q: Queryable,
  clientId: string,
  t: Parameters<typeof milestoneOf>[0],
  log: (msg: string, err?: unknown) => void,
): Promise<void> {
  const m = milestoneOf(t);
  if (!m) return;
  try {
    await signalMilestone(temporal, q, clientId, m);
  } catch (err) {
    log('client development: telling the case about a transaction failed; it reads the transactions itself later', err);
  }
}
