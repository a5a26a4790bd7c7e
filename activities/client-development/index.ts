import { Context, activityInfo } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { Db } from '../../platform/db';
import { DomainError } from '../../platform/errors';
import { derivedId } from '../../platform/ids';
import { loadSlaTargets } from '../../platform/case-context';
import { loadSettings } from '../../platform/settings';
import { clientActivity, convertLead } from '../../platform/crm/development';
import { clientDevelopmentCase } from '../../workflows/client-development/definition';
import { TEMPERATURES, WORKERS, type Temperature } from '../../workflows/client-development/states';
import { kycReviewCase } from '../../workflows/kyc-review/definition';
import { watchKycSignal } from '../../workflows/kyc-review/updates';
import { CASE_START_MEMO, workflowIdOf } from '../../workflows/engine/case-type';
import type { CaseContext } from '../../workflows/engine/types';
import type { SlaTarget } from '../../workflows/engine/sla';
import { defineCaseTypeActivities } from '../engine/case-type';

/** What the case knows of its lead when it starts. */
export interface DevelopmentLead {
  id: string;
  name: string;
  source: string;
  campaign: string | null;
  introducingBrokerId: string | null;
  accountManagerId: string | null;
  temperature: Temperature;
  /** set once the lead applied (or when a case restarts for a converted lead) */
  clientId: string | null;
}

export interface DevelopmentContext extends CaseContext {
  lead: DevelopmentLead;
  /** the first contact's target per temperature: a lead that comes back may be hotter than it was */
  firstContact: Record<Temperature, SlaTarget>;
}

/** An account manager who may work the case's tasks, and the team the tasks go to. */
export interface Owner {
  id: string;
  teamId: string | null;
}

export const clientDevelopmentActivities = defineCaseTypeActivities({
  definition: clientDevelopmentCase,
  // business time in the branch's calendar; a hot lead's first contact within 2 business hours
  slaDefaults: [
    { step: '_case', businessDays: 30 },
    { step: 'first_contact', category: 'hot', businessHours: 2, escalateAfterMinutes: 60 },
    { step: 'first_contact', businessDays: 1 },
    { step: 'first_contact', category: 'cold', businessDays: 3 },
    { step: 'qualify', businessDays: 3 },
    { step: 'application', businessDays: 5 },
    { step: 'first_deposit', businessDays: 5 },
    { step: 'kyc_stuck', businessDays: 1 },
    { step: 'deposit_failed', businessHours: 4 },
    { step: 'no_trade', businessDays: 2 },
    { step: 'dormant', businessDays: 2 },
  ],
  create: createDevelopmentActivities,
});

function createDevelopmentActivities(db: Db) {
  const { prisma, pool } = db;
  const steps = [...clientDevelopmentCase.steps];

  return {
    async loadDevelopmentContext(input: { leadId: string }): Promise<DevelopmentContext> {
      const lead = await prisma.lead.findUnique({ where: { id: input.leadId }, include: { branch: { include: { teams: true } } } });
      if (!lead) throw new DomainError('LEAD_NOT_FOUND', `Lead ${input.leadId} not found`);
      if (!lead.branch) throw new DomainError('LEAD_WITHOUT_BRANCH', `Lead ${input.leadId} has no branch yet`);
      const { branch } = lead;
      // the branch's sales team, else its first team, else the account manager's (intake starts no case without one)
      const manager = lead.accountManagerId
        ? await prisma.user.findUnique({ where: { id: lead.accountManagerId }, select: { teamId: true } })
        : null;
      const team =
        branch.teams.find((t) => t.name === clientDevelopmentCase.teamName) ??
        branch.teams[0] ??
        (manager?.teamId ? { id: manager.teamId } : null);
      if (!team) throw new DomainError('NO_TEAM', `Branch ${branch.id} has no team and the lead no account manager in one`);
      const temperature = lead.temperature as Temperature;
      const byTemperature = await Promise.all(TEMPERATURES.map((t) => loadSlaTargets(prisma, clientDevelopmentCase.type, steps, t, '*')));
      return {
        branchId: branch.id,
        calendar: {
          timezone: branch.timezone,
          workdays: branch.workdays,
          workStart: branch.workStart,
          workEnd: branch.workEnd,
          holidays: branch.holidays,
        },
        teamId: team.id,
        clientName: `${lead.firstName} ${lead.lastName}`,
        targets: byTemperature[TEMPERATURES.indexOf(temperature)],
        firstContact: Object.fromEntries(TEMPERATURES.map((t, i) => [t, byTemperature[i].first_contact])) as Record<Temperature, SlaTarget>,
        settings: await loadSettings(prisma, clientDevelopmentCase.settings),
        lead: {
          id: lead.id,
          name: `${lead.firstName} ${lead.lastName}`,
          source: lead.source,
          campaign: lead.campaign,
          introducingBrokerId: lead.introducingBrokerId,
          accountManagerId: lead.accountManagerId,
          temperature,
          clientId: lead.clientId,
        },
      };
    },

    /**
     * Who works the next task: the client's account manager once there is a client, else the lead's (a
     * hand-over moves later tasks), if they may work these tasks; null sends the task to the team's queue.
     */
    async accountManagerOf(input: { leadId: string; clientId: string | null }): Promise<Owner | null> {
      const { rows } = await pool.query<{ id: string; team_id: string | null }>(
        `SELECT u.id, u.team_id FROM users u
          WHERE u.id = coalesce((SELECT account_manager_id FROM clients WHERE id = $2), (SELECT account_manager_id FROM leads WHERE id = $1::uuid))
            AND u.active AND u.roles && $3::text[]`,
        [input.leadId, input.clientId, WORKERS],
      );
      return rows[0] ? { id: rows[0].id, teamId: rows[0].team_id } : null;
    },

    /** The lead's status follows the case's stage (new, contacted, qualified, converted, lost). */
    async projectLead(input: { leadId: string; status: string; lostReason?: string | null }): Promise<void> {
      await pool.query(
        `UPDATE leads SET status = $2, lost_reason = $3, updated_at = now() WHERE id = $1 AND status NOT IN ('merged') AND (status <> $2 OR lost_reason IS DISTINCT FROM $3)`,
        [input.leadId, input.status, input.status === 'lost' ? (input.lostReason ?? null) : null],
      );
    },

    /** The lead applied: it becomes a client (or joins the one named). */
    convertLead: (input: { leadId: string; clientId?: string | null; actorId: string | null }) => convertLead(pool, input),

    /**
     * The KYC stage: adopts the client's open review (asking it to report its decision here), or starts an
     * onboarding review whose id derives from this case and attempt, or answers at once when the client is
     * approved already. A review that decided meanwhile answers with its decision.
     */
    async startOnboardingReview(input: {
      caseId: string;
      workflowId: string;
      clientId: string;
      attempt: number;
    }): Promise<{ kycCaseId: string | null; decision: 'approved' | 'rejected' | null }> {
      const { client } = Context.current();
      const open = await prisma.case.findFirst({
        where: { type: kycReviewCase.type, clientId: input.clientId, closedAt: null },
        orderBy: { openedAt: 'desc' },
      });
      if (open) {
        try {
          await client.workflow.getHandle(open.workflowId).signal(watchKycSignal, { workflowId: input.workflowId });
          return { kycCaseId: open.id, decision: null };
        } catch (err) {
          if (!(err instanceof WorkflowNotFoundError)) throw err;
          const decided = await decisionOf(open.id);
          if (decided) return { kycCaseId: open.id, decision: decided };
        }
      }
      const c = await prisma.client.findUnique({ where: { id: input.clientId }, select: { kycStatus: true } });
      if (!c) throw new DomainError('CLIENT_NOT_FOUND', `Client ${input.clientId} not found`);
      if (c.kycStatus === 'approved') return { kycCaseId: null, decision: 'approved' };
      const kycCaseId = derivedId(`${input.caseId}/kyc/${input.attempt}`);
      try {
        await client.workflow.start(kycReviewCase.workflowType, {
          workflowId: workflowIdOf(kycReviewCase, kycCaseId),
          taskQueue: activityInfo().taskQueue,
          memo: CASE_START_MEMO,
          args: [
            {
              caseId: kycCaseId,
              clientId: input.clientId,
              kind: 'onboarding',
              openedBy: null,
              note: 'Account application (client development)',
              watchers: [input.workflowId],
            },
          ],
        });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      }
      return { kycCaseId, decision: null };
    },

    /** The decision of a KYC review as projected (the case's safety net if a signal never came). */
    kycDecisionOf: (input: { kycCaseId: string }) => decisionOf(input.kycCaseId),

    clientActivity: (input: { clientId: string; since: number }) => clientActivity(pool, input.clientId, input.since),
  };

  async function decisionOf(kycCaseId: string): Promise<'approved' | 'rejected' | null> {
    const row = await prisma.case.findUnique({ where: { id: kycCaseId }, select: { state: true } });
    return row?.state === 'approved' || row?.state === 'rejected' ? row.state : null;
  }
}

export type DevelopmentActivities = ReturnType<typeof createDevelopmentActivities>;
