// Checks, screening and scoring of one round of a KYC review; results are stored per case and round.
import type { Prisma, PrismaClient } from '@prisma/client';
import { loadSettings } from '../../platform/settings';
import { KYC_SETTINGS } from './context';
import { documentChecks, normaliseDocNumber, type CheckResult } from './checks';
import { screenSubjects, type ScreeningSubject } from './screening';
import { mergeModel, scoreRisk, type CountryRiskEntry, type RiskAssessment } from '../../workflows/kyc-review/risk';
import type { RiskBand } from '../../workflows/kyc-review/states';

export interface BeneficialOwner {
  name: string;
  sharePercent: number;
  dateOfBirth?: string;
  nationality?: string;
}

/** Owners at or above this share are identified and screened (the 25 % rule). */
export const OWNER_THRESHOLD_PERCENT = 25;

export interface ChecksSummary {
  round: number;
  results: CheckResult[];
  blocking: string[];
  pendingHits: number;
  eddFlags: string[];
  pep: boolean;
}

const iso = (d: Date | null | undefined) => d?.toISOString().slice(0, 10);

async function profileOf(prisma: PrismaClient, clientId: string) {
  return prisma.kycProfile.findUnique({ where: { clientId } });
}

export async function runChecks(prisma: PrismaClient, input: { caseId: string; clientId: string; round: number }): Promise<ChecksSummary> {
  const client = await prisma.client.findUniqueOrThrow({ where: { id: input.clientId } });
  const profile = await profileOf(prisma, input.clientId);
  // the KYC profile's date of birth, else the client record's (a lead that applied has only the latter)
  const dateOfBirth = profile?.dateOfBirth ?? client.dateOfBirth ?? null;
  const clientType = client.type === 'corporate' ? 'corporate' : 'individual';
  const documents = await prisma.kycDocument.findMany({
    where: { clientId: input.clientId, caseId: input.caseId },
    select: { id: true, kind: true, docType: true, number: true, issuedAt: true, expiresAt: true, mrz: true, uploadedAt: true },
  });
  const settings = await loadSettings(prisma, KYC_SETTINGS);
  const numbers = [...new Set(documents.filter((d) => d.kind === 'identity' && d.number).map((d) => normaliseDocNumber(d.number!)))];
  const sameNumber = numbers.length
    ? await prisma.$queryRaw<{ client_id: string }[]>`
        SELECT DISTINCT client_id FROM kyc_documents WHERE kind = 'identity' AND client_id <> ${input.clientId}
          AND upper(regexp_replace(coalesce(number, ''), '[^A-Za-z0-9]', '', 'g')) = ANY(${numbers})`
    : [];
  const sameNameDob = dateOfBirth
    ? await prisma.$queryRaw<{ id: string }[]>`
        SELECT c.id FROM clients c JOIN kyc_profiles p ON p.client_id = c.id
         WHERE c.id <> ${input.clientId} AND lower(c.name) = lower(${client.name}) AND p.date_of_birth = ${dateOfBirth}::date`
    : [];
  const now = Date.now();
  const results = documentChecks(
    {
      clientType,
      dateOfBirth,
      documents,
      sameDocumentNumber: sameNumber.map((r) => r.client_id),
      sameNameAndBirthDate: sameNameDob.map((r) => r.id),
    },
    {
      ageOfMajority: settings['kyc.ageOfMajority'],
      proofOfAddressMaxMonths: settings['kyc.proofOfAddressMaxMonths'],
      expiryWarningDays: settings['kyc.expiryWarningDays'],
    },
    now,
  );

  const owners = ((profile?.beneficialOwners ?? []) as unknown as BeneficialOwner[]).filter(
    (o) => o.sharePercent >= OWNER_THRESHOLD_PERCENT,
  );
  const identity = documents.filter((d) => d.kind === 'identity' && d.number).map((d) => d.number!);
  const subjects: ScreeningSubject[] = [
    {
      name: client.name,
      role: 'client',
      schema: clientType === 'corporate' ? 'Company' : 'Person',
      birthDate: iso(dateOfBirth),
      country: profile?.nationality ?? client.country ?? undefined,
      identifiers: identity,
    },
    ...owners.map((o): ScreeningSubject => ({
      name: o.name,
      role: 'beneficial_owner',
      schema: 'Person',
      birthDate: o.dateOfBirth,
      country: o.nationality,
    })),
  ];
  const screening = await screenSubjects(prisma, subjects);
  // Hits are keyed by case, round, subject and entry: a retried activity adds none twice.
  await prisma.screeningHit.createMany({
    data: screening.hits.map((h) => ({
      caseId: input.caseId,
      round: input.round,
      subject: h.subject.name,
      subjectRole: h.subject.role,
      list: h.list,
      entryId: h.entryId,
      entryName: h.name,
      matchedName: h.matchedName,
      score: h.score,
      explanation: h.explanation as unknown as Prisma.InputJsonValue,
    })),
    skipDuplicates: true,
  });
  results.push({
    check: 'sanctions',
    status: !screening.screened ? 'fail' : screening.hits.length ? 'warn' : 'pass',
    // Without any list nothing was screened: approval must wait until lists are imported.
    blocking: !screening.screened,
    detail: {
      lists: screening.lists,
      threshold: screening.threshold,
      subjects: subjects.map((s) => s.name),
      hits: screening.hits.length,
      ...(screening.screened ? {} : { reason: 'no sanctions list has been imported' }),
    },
  });
  // The screening engine has no PEP list: PEP status is the flag staff set on the profile.
  const pep = profile?.pep ?? false;
  results.push({ check: 'pep', status: pep ? 'warn' : 'pass', blocking: false, detail: { source: 'profile flag', pep } });

  for (const r of results) {
    await prisma.kycCheckResult.upsert({
      where: { caseId_round_check: { caseId: input.caseId, round: input.round, check: r.check } },
      create: {
        caseId: input.caseId,
        round: input.round,
        check: r.check,
        status: r.status,
        blocking: r.blocking,
        detail: r.detail as Prisma.InputJsonValue,
      },
      update: { status: r.status, blocking: r.blocking, detail: r.detail as Prisma.InputJsonValue },
    });
  }
  const pendingHits = await prisma.screeningHit.count({ where: { caseId: input.caseId, round: input.round, decision: null } });
  return {
    round: input.round,
    results,
    blocking: results.filter((r) => r.blocking && r.status === 'fail').map((r) => r.check),
    pendingHits,
    eddFlags: profile?.eddFlags ?? [],
    pep,
  };
}

export async function hitCounts(prisma: PrismaClient, caseId: string, round: number) {
  const rows = await prisma.screeningHit.groupBy({ by: ['decision'], where: { caseId, round }, _count: true });
  const n = (d: string | null) => rows.find((r) => r.decision === d)?._count ?? 0;
  return { pendingHits: n(null), trueMatches: n('true_match'), falsePositives: n('false_positive') };
}

export async function scoreRound(
  prisma: PrismaClient,
  input: { caseId: string; clientId: string; round: number; version: number },
): Promise<RiskAssessment> {
  const client = await prisma.client.findUniqueOrThrow({ where: { id: input.clientId } });
  const profile = await profileOf(prisma, input.clientId);
  const residenceCode = profile?.residence ?? client.country ?? null;
  const nationalityCode = profile?.nationality ?? null;
  const countries = await prisma.countryRisk.findMany({
    where: { code: { in: [residenceCode, nationalityCode].filter((c): c is string => !!c) } },
  });
  const country = (code: string | null): CountryRiskEntry | null => {
    const row = countries.find((c) => c.code === code);
    return row ? { code: row.code, category: row.category as CountryRiskEntry['category'], score: row.score } : null;
  };
  const modelSetting = await prisma.setting.findUnique({ where: { key: 'kyc.riskModel' } });
  const assessment = scoreRisk(
    {
      clientType: client.type === 'corporate' ? 'corporate' : 'individual',
      residenceCode,
      residence: country(residenceCode),
      nationalityCode,
      nationality: country(nationalityCode),
      pep: profile?.pep ?? false,
      occupation: profile?.occupation ?? null,
      industry: profile?.industry ?? null,
      products: profile?.products ?? [],
      maxLeverage: profile?.maxLeverage ?? null,
      channel: profile?.channel ?? null,
      declaredIncome: profile?.declaredIncome ?? null,
      expectedDeposits: profile?.expectedDeposits ?? null,
      screening: await hitCounts(prisma, input.caseId, input.round),
    },
    mergeModel(modelSetting?.value),
  );
  const row = {
    score: assessment.score,
    computedBand: assessment.computedBand,
    band: assessment.band,
    factors: assessment.factors as unknown as Prisma.InputJsonValue,
    floors: assessment.floors as unknown as Prisma.InputJsonValue,
  };
  await prisma.riskAssessment.upsert({
    where: { caseId_round_version: { caseId: input.caseId, round: input.round, version: input.version } },
    create: { caseId: input.caseId, clientId: input.clientId, round: input.round, version: input.version, ...row },
    update: row,
  });
  return assessment;
}

export async function decideHits(
  prisma: PrismaClient,
  input: {
    caseId: string;
    round: number;
    hitIds?: string[];
    decision: 'true_match' | 'false_positive';
    reason: string;
    actorId: string;
    at: number;
  },
) {
  // Only undecided hits change: a retry, or a second reviewer naming a decided hit, changes nothing.
  await prisma.screeningHit.updateMany({
    where: { caseId: input.caseId, round: input.round, decision: null, ...(input.hitIds?.length ? { id: { in: input.hitIds } } : {}) },
    data: { decision: input.decision, reason: input.reason, decidedById: input.actorId, decidedAt: new Date(input.at) },
  });
  return hitCounts(prisma, input.caseId, input.round);
}

export async function recordOverride(
  prisma: PrismaClient,
  input: { caseId: string; round: number; version: number; band: RiskBand; reason: string; actorId: string; at: number },
): Promise<void> {
  await prisma.riskAssessment.update({
    where: { caseId_round_version: { caseId: input.caseId, round: input.round, version: input.version } },
    data: {
      band: input.band,
      overrideBand: input.band,
      overrideReason: input.reason,
      overrideById: input.actorId,
      overrideAt: new Date(input.at),
    },
  });
}
