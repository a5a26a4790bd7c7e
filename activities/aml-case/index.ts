import type { Db } from '../../platform/db';
import { inTransaction } from '../../platform/db';
import { auditIn } from '../../platform/audit';
import { loadCaseContext } from '../../platform/case-context';
import { loadSettings } from '../../platform/settings';
import { routeAlerts } from '../../platform/monitoring/grouping';
import { generateNarrative, sarFacts } from '../../platform/monitoring/sar';
import { defineCaseTypeActivities } from '../engine/case-type';
import { createKycRefreshActivities } from '../kyc-refresh';
import { amlCase } from '../../workflows/aml-case/definition';
import type { Closure } from '../../workflows/aml-case/states';
import type { CaseContext } from '../../workflows/engine/types';
import { amlCaseStarter } from './starter';

export interface AmlContext extends CaseContext {
  /** scenarios of the alerts that opened the case */
  scenarios: string[];
  settings: { reopenWindowDays: number; eddReviewOnEscalation: number };
}

export const amlCaseActivities = defineCaseTypeActivities({
  definition: amlCase,
  // a US broker-dealer files a SAR within 30 calendar days of detecting the facts (FinCEN): about 20 business days
  slaDefaults: [
    { step: '_case', businessDays: 20 },
    { step: 'investigate', businessDays: 5 },
    { step: 'decide', businessDays: 2 },
    { step: 'sar_draft', businessDays: 5 },
    { step: 'sar_approval', businessDays: 2, escalateAfterMinutes: 240 },
    { step: 'file_sar', businessDays: 2 },
  ],
  create: createAmlActivities,
});

function createAmlActivities(db: Db) {
  const { prisma, pool } = db;
  const scenariosOf = async (alertIds: string[]) =>
    [
      ...new Set(
        (await prisma.monitoringAlert.findMany({ where: { id: { in: alertIds } }, select: { scenarioId: true } })).map((a) => a.scenarioId),
      ),
    ].sort();
  const refresh = createKycRefreshActivities(db);

  return {
    async loadAmlContext(input: { clientId: string; alertIds: string[] }): Promise<AmlContext> {
      const ctx = await loadCaseContext(pool, {
        clientId: input.clientId,
        caseType: amlCase.type,
        teamName: amlCase.teamName,
        steps: [...amlCase.steps],
        category: '*',
        severity: '*',
        settings: amlCase.settings,
      });
      const s = ctx.settings;
      return {
        ...ctx,
        scenarios: await scenariosOf(input.alertIds),
        settings: { reopenWindowDays: s['aml.reopenWindowDays'], eddReviewOnEscalation: s['aml.eddReviewOnEscalation'] },
      };
    },

    async describeAlerts(input: { alertIds: string[] }): Promise<{ scenarios: string[] }> {
      return { scenarios: await scenariosOf(input.alertIds) };
    },

    /** The decision on the alerts the case knew: dismissed (false positive) or confirmed (escalated). */
    async settleAlerts(input: { caseId: string; alertIds: string[]; status: 'dismissed' | 'confirmed' }): Promise<void> {
      await prisma.monitoringAlert.updateMany({
        where: { caseId: input.caseId, id: { in: input.alertIds }, status: { not: 'withdrawn' } },
        data: { status: input.status, updatedAt: new Date() },
      });
    },

    /** Escalation is a risk rise: the KYC review date comes forward; EDD starts now when the setting says so. */
    async raiseClientRisk(input: { clientId: string; caseId: string; reason: string }): Promise<void> {
      const settings = await loadSettings(prisma, amlCase.settings);
      await refresh.raiseRisk({
        clientId: input.clientId,
        trigger: 'confirmed_alert',
        reason: input.reason,
        actorId: null,
        eddFlag: 'unusual_transactions',
        startNow: settings['aml.eddReviewOnEscalation'] === 1,
      });
    },

    /** The generated narrative (again, from the evidence now); what the investigator wrote is kept. */
    async prepareSar(input: { caseId: string }): Promise<void> {
      const narrative = generateNarrative(await sarFacts(prisma, input.caseId));
      await prisma.amlSar.upsert({
        where: { caseId: input.caseId },
        create: { caseId: input.caseId, generatedNarrative: narrative, narrative },
        update: { generatedNarrative: narrative, status: 'draft', updatedAt: new Date() },
      });
    },

    async recordSar(input: {
      caseId: string;
      event: 'submitted' | 'approved' | 'rejected' | 'filed';
      actorId: string;
      at: number;
      narrative?: string;
      reason?: string;
      reference?: string;
    }): Promise<void> {
      const at = new Date(input.at);
      const data = {
        submitted: {
          status: 'submitted',
          narrative: input.narrative,
          preparedById: input.actorId,
          submittedAt: at,
          approvedById: null,
          approvedAt: null,
        },
        approved: { status: 'approved', approvedById: input.actorId, approvedAt: at },
        rejected: { status: 'draft' },
        filed: { status: 'filed', filedById: input.actorId, filedAt: at, filingReference: input.reference },
      }[input.event];
      await prisma.amlSar.update({ where: { caseId: input.caseId }, data: { ...data, updatedAt: new Date() } });
    },

    /**
     * Closes the client's group. Alerts attached after the workflow last heard of them (their signal still
     * on the way) leave this case and are routed to a new one: a decision covers only what it saw.
     */
    async closeAmlGroup(input: {
      caseId: string;
      clientId: string;
      knownAlertIds: string[];
      closure: Closure;
      actorId: string | null;
    }): Promise<{ rerouted: number }> {
      const orphans = await inTransaction(pool, async (tx) => {
        await tx.query(`UPDATE aml_case_groups SET status = 'closed', closed_at = coalesce(closed_at, now()) WHERE case_id = $1`, [
          input.caseId,
        ]);
        const { rows } = await tx.query<{ id: string; client_id: string }>(
          `UPDATE monitoring_alerts SET case_id = NULL, status = 'new', updated_at = now() WHERE case_id = $1 AND NOT (id = ANY($2::uuid[])) RETURNING id, client_id`,
          [input.caseId, input.knownAlertIds],
        );
        await auditIn(tx, {
          actorId: input.actorId,
          action: 'aml_case_closed',
          entity: 'case',
          entityId: input.caseId,
          data: { closure: input.closure, alerts: input.knownAlertIds.length, rerouted: rows.map((r) => r.id) },
        });
        return rows;
      });
      if (orphans.length) await routeAlerts(pool, amlCaseStarter(), orphans);
      return { rerouted: orphans.length };
    },

    /** Reopens the group, unless another case of the client is open (the partial unique index says no). */
    async reopenAmlGroup(input: {
      caseId: string;
      clientId: string;
      actorId: string;
      reason: string;
    }): Promise<{ reopened: boolean; openCaseId?: string }> {
      return inTransaction(pool, async (tx) => {
        const other = await tx.query<{ case_id: string }>(
          `SELECT case_id FROM aml_case_groups WHERE client_id = $1 AND status = 'open' AND case_id <> $2 FOR SHARE`,
          [input.clientId, input.caseId],
        );
        if (other.rowCount) return { reopened: false, openCaseId: other.rows[0].case_id };
        await tx.query(`UPDATE aml_case_groups SET status = 'open', closed_at = NULL WHERE case_id = $1`, [input.caseId]);
        await tx.query(
          `UPDATE monitoring_alerts SET status = 'open', updated_at = now() WHERE case_id = $1 AND status IN ('dismissed', 'confirmed')`,
          [input.caseId],
        );
        await auditIn(tx, {
          actorId: input.actorId,
          action: 'aml_case_reopened',
          entity: 'case',
          entityId: input.caseId,
          data: { reason: input.reason },
        });
        return { reopened: true };
      });
    },
  };
}

export type AmlActivities = ReturnType<typeof createAmlActivities>;
