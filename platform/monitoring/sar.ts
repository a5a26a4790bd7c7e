// The suspicious-activity report: a narrative generated from the alerts' evidence (the investigator edits
// it), and the evidence pack (case, client, alerts with evidence, transactions, timeline, report and who
// approved it) exported as JSON and PDF.
import type { PrismaClient } from '@prisma/client';
import type { SqlRow } from '../db';

const usd = (n: unknown) => `USD ${Number(n ?? 0).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const day = (d: unknown) => (d ? new Date(d as string).toISOString().slice(0, 10) : '?');

type Evidence = {
  scenarioName?: string;
  version?: number;
  aggregates?: SqlRow;
  thresholds?: SqlRow;
  window?: { start: string; end: string };
  transactions?: SqlRow[];
};

/** One sentence per alert, from its aggregates and thresholds. */
export function describeAlert(scenario: string, e: Evidence): string {
  const g = e.aggregates ?? {};
  const t = e.thresholds ?? {};
  const when = `${day(e.window?.start)} to ${day(e.window?.end)}`;
  switch (scenario) {
    case 'structuring':
      return `${g.deposits} deposits by ${(t.methods ?? []).join('/')} between ${usd(g.countedFrom)} and ${usd(g.countedUpTo)} each (just under the ${usd(t.threshold)} reporting threshold) within ${t.windowDays} days, ${when}, totalling ${usd(g.total)}.`;
    case 'in_and_out':
      return `A deposit of ${usd(g.deposit)} on ${day(g.depositAt)} was ${g.withdrawnPercent} % withdrawn by ${day(e.window?.end)} (${usd(g.withdrawn)}) with traded turnover of only ${g.turnoverPercent} % (${usd(g.turnover)}).`;
    case 'third_party':
      return `A ${g.type} of ${usd(g.amount)} on ${day(e.window?.end)} ${g.type === 'withdrawal' ? 'to' : 'from'} "${g.counterpartyName}"${g.counterpartyCountry ? ` (${g.counterpartyCountry})` : ''}, a counterparty first seen then whose name does not match the account holder "${g.holderName}" (similarity ${g.similarity}).`;
    case 'dormant_reactivation':
      return `After ${Math.floor(Number(g.idleDays))} days without activity (last on ${day(g.lastActivityAt)}), a ${g.type} of ${usd(g.amount)} on ${day(e.window?.end)}; the monthly average deposit before was ${usd(g.priorMonthlyAverage)}.`;
    case 'high_risk_jurisdiction':
      return `A ${g.type} of ${usd(g.amount)} on ${day(e.window?.end)} with a counterparty in ${g.countryName} (${g.country}), a FATF ${g.category === 'black' ? 'call-for-action' : 'increased-monitoring'} jurisdiction${g.counterpartyName ? `, counterparty "${g.counterpartyName}"` : ''}.`;
    case 'above_profile':
      return `Deposits of ${usd(g.deposits)} in the ${t.windowDays} days to ${day(e.window?.end)}, ${g.percentOfDeclared} % of the ${usd(g.declaredAnnual)} a year the client declared (${g.declaredSource === 'expected_deposits' ? 'expected deposits' : 'declared income'}).`;
    case 'sanctions_match':
      return `The client's name matches "${g.entryName}" (${g.source} entry ${g.entryId}), score ${g.score}, added to or changed on the list on ${day(e.window?.end)}.`;
    default:
      return `${e.scenarioName ?? scenario}: ${JSON.stringify(g)}.`;
  }
}

export interface SarFacts {
  client: { id: string; name: string; type: string; country: string | null; riskBand: string | null; kycStatus: string };
  caseReference: string | null;
  alerts: { scenario: string; version: number; createdAt: Date; evidence: Evidence }[];
  findings?: string | null;
  decisionReason?: string | null;
}

/** The generated draft: who, what fired and why, the money involved, what the investigation found. */
export function generateNarrative(f: SarFacts): string {
  const txs = new Map<string, SqlRow>();
  for (const a of f.alerts) for (const t of a.evidence.transactions ?? []) txs.set(t.id, t);
  const sum = (type: string) => [...txs.values()].filter((t) => t.type === type).reduce((s, t) => s + Number(t.usdAmount ?? 0), 0);
  const starts = f.alerts
    .map((a) => a.evidence.window?.start)
    .filter(Boolean)
    .sort();
  const ends = f.alerts
    .map((a) => a.evidence.window?.end)
    .filter(Boolean)
    .sort();
  const lines = [
    `Subject: ${f.client.name} (client ${f.client.id}, ${f.client.type}${f.client.country ? `, ${f.client.country}` : ''}; risk band ${f.client.riskBand ?? 'not set'}; KYC ${f.client.kycStatus})${f.caseReference ? `, case ${f.caseReference}` : ''}.`,
    '',
    `Between ${day(starts[0])} and ${day(ends[ends.length - 1])} transaction monitoring raised ${f.alerts.length} alert${f.alerts.length === 1 ? '' : 's'}:`,
    ...f.alerts.map(
      (a) => `- ${a.evidence.scenarioName ?? a.scenario} (rule version ${a.version}): ${describeAlert(a.scenario, a.evidence)}`,
    ),
    '',
    `The alerts involve ${txs.size} transaction${txs.size === 1 ? '' : 's'}: deposits ${usd(sum('deposit'))}, withdrawals ${usd(sum('withdrawal'))}, trades ${usd(sum('trade'))}.`,
  ];
  if (f.findings) lines.push('', `Investigation findings: ${f.findings}`);
  if (f.decisionReason) lines.push('', `Reason for escalation: ${f.decisionReason}`);
  lines.push('', 'Why this is suspicious: [the investigator states the grounds for suspicion here].');
  return lines.join('\n');
}

/** An AML case is always about a client (cases may also be about a lead: client development). */
function clientCase<C extends { id: string; clientId: string | null; client: unknown }>(
  c: C,
): C & { clientId: string; client: NonNullable<C['client']> } {
  if (!c.clientId || !c.client) throw new Error(`case ${c.id} is about no client`);
  return c as C & { clientId: string; client: NonNullable<C['client']> };
}

/** What the generator needs, read from the database. */
export async function sarFacts(prisma: PrismaClient, caseId: string): Promise<SarFacts & { clientId: string }> {
  const c = clientCase(await prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { client: true } }));
  const alerts = await prisma.monitoringAlert.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' } });
  const a = c.attributes as { findings?: string; decisionReason?: string };
  return {
    clientId: c.clientId,
    client: {
      id: c.client.id,
      name: c.client.name,
      type: c.client.type,
      country: c.client.country,
      riskBand: c.client.riskBand,
      kycStatus: c.client.kycStatus,
    },
    caseReference: c.reference,
    alerts: alerts.map((x) => ({
      scenario: x.scenarioId,
      version: x.scenarioVersion,
      createdAt: x.createdAt,
      evidence: x.evidence as Evidence,
    })),
    findings: a.findings ?? null,
    decisionReason: a.decisionReason ?? null,
  };
}

/** The evidence pack: everything a regulator or an auditor asks for about this case, as plain JSON. */
export async function evidencePack(prisma: PrismaClient, caseId: string) {
  const c = clientCase(
    await prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { client: { include: { relatedPersons: true } } } }),
  );
  const [alerts, sar, events, profile] = await Promise.all([
    prisma.monitoringAlert.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' } }),
    prisma.amlSar.findUnique({ where: { caseId } }),
    prisma.caseEvent.findMany({ where: { caseId }, orderBy: { id: 'asc' } }),
    prisma.kycProfile.findUnique({ where: { clientId: c.clientId } }),
  ]);
  const people = await prisma.user.findMany({
    where: {
      id: {
        in: [
          ...new Set(
            [sar?.preparedById, sar?.approvedById, sar?.filedById, ...events.map((e) => e.actorId)].filter((x): x is string => !!x),
          ),
        ],
      },
    },
    select: { id: true, name: true, roles: true },
  });
  const txs = new Map<string, unknown>();
  for (const a of alerts) for (const t of (a.evidence as Evidence).transactions ?? []) txs.set(t.id, t);
  return {
    generatedAt: new Date().toISOString(),
    case: {
      id: c.id,
      reference: c.reference,
      type: c.type,
      status: c.status,
      state: c.state,
      openedAt: c.openedAt,
      closedAt: c.closedAt,
      summary: c.summary,
      attributes: c.attributes,
    },
    client: {
      id: c.client.id,
      name: c.client.name,
      type: c.client.type,
      country: c.client.country,
      nationality: c.client.nationality,
      dateOfBirth: c.client.dateOfBirth,
      riskBand: c.client.riskBand,
      kycStatus: c.client.kycStatus,
      branchId: c.client.branchId,
      relatedPersons: c.client.relatedPersons.map((p) => ({ role: p.role, name: p.name, sharePercent: p.sharePercent })),
      declared: profile
        ? {
            declaredIncome: profile.declaredIncome,
            expectedDeposits: profile.expectedDeposits,
            occupation: profile.occupation,
            pep: profile.pep,
          }
        : null,
    },
    alerts: alerts.map((a) => ({
      id: a.id,
      scenario: a.scenarioId,
      scenarioVersion: a.scenarioVersion,
      scenarioVersionId: a.scenarioVersionId,
      status: a.status,
      source: a.source,
      createdAt: a.createdAt,
      windowStart: a.windowStart,
      windowEnd: a.windowEnd,
      evidence: a.evidence,
    })),
    transactions: [...txs.values()],
    report: sar && {
      status: sar.status,
      narrative: sar.narrative,
      generatedNarrative: sar.generatedNarrative,
      preparedById: sar.preparedById,
      submittedAt: sar.submittedAt,
      approvedById: sar.approvedById,
      approvedAt: sar.approvedAt,
      filedById: sar.filedById,
      filedAt: sar.filedAt,
      filingReference: sar.filingReference,
    },
    timeline: events.map((e) => ({ at: e.at, type: e.type, actorId: e.actorId, data: e.data, hash: e.hash })),
    people,
  };
}

export type EvidencePack = Awaited<ReturnType<typeof evidencePack>>;
