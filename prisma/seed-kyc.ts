// KYC reference data (teams, staff, country risk, SLA policies, client profiles) and demo KYC reviews.
import { createHash, randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { Prisma, PrismaClient } from '@prisma/client';
import { claimTaskUpdate, completeTaskUpdate, registerCaseUpdate } from '../workflows/engine/updates';
import type { kycReviewWorkflow } from '../workflows/kyc-review/workflow';
import type { TaskOutcome } from '../workflows/engine/types';
import { CASE_START_MEMO } from '../workflows/engine/case-type';

const KYC_STAFF: { id: string; email: string; name: string; roles: string[]; teamId: string; branchId: string; locale: string }[] = [
  {
    id: 'u-kyc1',
    email: 'kyc1@example.com',
    name: 'Kate Officer',
    roles: ['kyc_officer'],
    teamId: 'london-kyc',
    branchId: 'london',
    locale: 'en',
  },
  {
    id: 'u-kyc2',
    email: 'kyc2@example.com',
    name: 'Karl Officer',
    roles: ['kyc_officer'],
    teamId: 'london-kyc',
    branchId: 'london',
    locale: 'en',
  },
  {
    id: 'u-senior',
    email: 'senior@example.com',
    name: 'Sofia Senior',
    roles: ['senior_compliance_officer'],
    teamId: 'london-kyc',
    branchId: 'london',
    locale: 'en',
  },
  {
    id: 'u-senior2',
    email: 'senior2@example.com',
    name: 'Simon Senior',
    roles: ['senior_compliance_officer'],
    teamId: 'london-kyc',
    branchId: 'london',
    locale: 'en',
  },
  {
    id: 'u-compliance',
    email: 'compliance@example.com',
    name: 'Carla Compliance',
    roles: ['compliance_manager'],
    teamId: 'london-kyc',
    branchId: 'london',
    locale: 'en',
  },
  {
    id: 'u-kyc-sh',
    email: 'zhou.kyc@example.com',
    name: 'Zhou Hui',
    roles: ['kyc_officer'],
    teamId: 'shanghai-kyc',
    branchId: 'shanghai',
    locale: 'zh',
  },
  {
    id: 'u-senior-sh',
    email: 'sun.senior@example.com',
    name: 'Sun Li',
    roles: ['senior_compliance_officer'],
    teamId: 'shanghai-kyc',
    branchId: 'shanghai',
    locale: 'zh',
  },
];

// FATF public statements as of June 2025 ("black": call for action; "grey": increased monitoring).
// Operators keep this table current; the other rows are demo values, not advice.
const BLACK = { KP: 'North Korea', IR: 'Iran', MM: 'Myanmar' };
const GREY = {
  DZ: 'Algeria',
  AO: 'Angola',
  BO: 'Bolivia',
  BG: 'Bulgaria',
  BF: 'Burkina Faso',
  CM: 'Cameroon',
  CI: "Côte d'Ivoire",
  HR: 'Croatia',
  CD: 'DR Congo',
  HT: 'Haiti',
  KE: 'Kenya',
  LA: 'Laos',
  LB: 'Lebanon',
  MC: 'Monaco',
  MZ: 'Mozambique',
  NA: 'Namibia',
  NP: 'Nepal',
  NG: 'Nigeria',
  ZA: 'South Africa',
  SS: 'South Sudan',
  SY: 'Syria',
  TZ: 'Tanzania',
  VE: 'Venezuela',
  VN: 'Vietnam',
  VG: 'British Virgin Islands',
  YE: 'Yemen',
};
const ELEVATED = {
  RU: 'Russia',
  BY: 'Belarus',
  CY: 'Cyprus',
  AE: 'United Arab Emirates',
  TR: 'Turkey',
  PA: 'Panama',
  PK: 'Pakistan',
  UA: 'Ukraine',
  TH: 'Thailand',
};
const STANDARD = {
  GB: 'United Kingdom',
  IE: 'Ireland',
  DE: 'Germany',
  FR: 'France',
  IT: 'Italy',
  ES: 'Spain',
  NL: 'Netherlands',
  BE: 'Belgium',
  CH: 'Switzerland',
  AT: 'Austria',
  SE: 'Sweden',
  NO: 'Norway',
  DK: 'Denmark',
  FI: 'Finland',
  PL: 'Poland',
  PT: 'Portugal',
  US: 'United States',
  CA: 'Canada',
  AU: 'Australia',
  NZ: 'New Zealand',
  JP: 'Japan',
  KR: 'South Korea',
  SG: 'Singapore',
  HK: 'Hong Kong',
  CN: 'China',
  IN: 'India',
  BR: 'Brazil',
  MX: 'Mexico',
};
const CATEGORY_SCORE = { standard: 0, elevated: 10, grey: 25, black: 50 };

type Profile = Omit<Prisma.KycProfileCreateInput, 'clientId'>;
const PROFILES: Record<string, Profile> = {
  'c-1001': {
    dateOfBirth: new Date('1985-04-12'),
    nationality: 'GB',
    residence: 'GB',
    occupation: 'employee',
    declaredIncome: 85_000,
    expectedDeposits: 10_000,
    products: ['shares', 'fx_spot'],
    maxLeverage: 30,
    channel: 'online',
  },
  'c-1002': {
    dateOfBirth: new Date('1991-09-30'),
    nationality: 'GB',
    residence: 'GB',
    occupation: 'professional',
    declaredIncome: 120_000,
    expectedDeposits: 25_000,
    products: ['cfd'],
    maxLeverage: 30,
    channel: 'online',
  },
  'c-1003': {
    residence: 'GB',
    industry: 'financial_services',
    declaredIncome: 4_000_000,
    expectedDeposits: 500_000,
    products: ['cfd', 'options'],
    maxLeverage: 100,
    channel: 'in_person',
    beneficialOwners: [
      { name: 'Edward Harbour', sharePercent: 60, dateOfBirth: '1968-02-01', nationality: 'GB' },
      { name: 'Lucy Harbour', sharePercent: 40, nationality: 'GB' },
    ],
  },
  'c-1004': {
    dateOfBirth: new Date('1979-11-03'),
    nationality: 'RU',
    residence: 'CY',
    occupation: 'self_employed',
    declaredIncome: 60_000,
    expectedDeposits: 90_000,
    products: ['cfd', 'crypto_cfd'],
    maxLeverage: 200,
    channel: 'introducer',
  },
  'c-1005': {
    dateOfBirth: new Date('1995-06-18'),
    nationality: 'VN',
    residence: 'GB',
    occupation: 'student',
    declaredIncome: 18_000,
    expectedDeposits: 3_000,
    products: ['shares'],
    channel: 'online',
  },
  'c-1007': {
    dateOfBirth: new Date('1972-01-25'),
    nationality: 'IT',
    residence: 'IT',
    occupation: 'politician',
    declaredIncome: 150_000,
    expectedDeposits: 40_000,
    products: ['shares', 'bonds'],
    channel: 'in_person',
    pep: true,
  },
  'c-1009': {
    dateOfBirth: new Date('1988-08-08'),
    nationality: 'AE',
    residence: 'GB',
    occupation: 'cash_intensive_business',
    declaredIncome: 70_000,
    expectedDeposits: 65_000,
    products: ['cfd'],
    maxLeverage: 100,
    channel: 'online',
  },
  'c-2001': {
    dateOfBirth: new Date('1990-03-15'),
    nationality: 'CN',
    residence: 'CN',
    occupation: 'employee',
    declaredIncome: 300_000,
    expectedDeposits: 50_000,
    products: ['shares'],
    channel: 'in_person',
  },
};

/** Teams, staff, country risk, SLA policies and profiles. Called from seedReferenceData (tests get them too). */
export async function seedKycReferenceData(prisma: PrismaClient, passwordHash: string): Promise<void> {
  const countries = [
    ...Object.entries(BLACK).map(([code, name]) => ({ code, name, category: 'black' as const })),
    ...Object.entries(GREY).map(([code, name]) => ({ code, name, category: 'grey' as const })),
    ...Object.entries(ELEVATED).map(([code, name]) => ({ code, name, category: 'elevated' as const })),
    ...Object.entries(STANDARD).map(([code, name]) => ({ code, name, category: 'standard' as const })),
  ];
  await prisma.$transaction([
    prisma.team.create({ data: { id: 'london-kyc', name: 'KYC', branchId: 'london' } }),
    prisma.team.create({ data: { id: 'shanghai-kyc', name: 'KYC', branchId: 'shanghai' } }),
    ...KYC_STAFF.map((s) => prisma.user.create({ data: { ...s, passwordHash } })),
    // a new client whose onboarding review the demo starts
    prisma.client.create({
      data: {
        id: 'c-1009',
        name: 'Farid Haddad',
        country: 'GB',
        branchId: 'london',
        segment: 'retail',
        email: 'c-1009@clients.example.com',
        accountManagerId: 'u-agent1',
        kycStatus: 'pending',
      },
    }),
    prisma.countryRisk.createMany({ data: countries.map((c) => ({ ...c, score: CATEGORY_SCORE[c.category] })) }),
    ...Object.entries(PROFILES).map(([clientId, p]) => prisma.kycProfile.create({ data: { clientId, ...p } })),
  ]);
}

// A one-page PDF: enough for the demo's documents to download and open.
const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const DEMO_PDF_SHA256 = createHash('sha256').update(DEMO_PDF).digest('hex');

/** Starts demo KYC reviews through the real workflow: one new, one in CDD review, one waiting on the client. */
export async function seedKycDemo(prisma: PrismaClient, temporal: Client, taskQueue: string): Promise<void> {
  const actor = (id: string) => {
    const s = KYC_STAFF.find((x) => x.id === id)!;
    return { id, roles: s.roles, teamId: s.teamId };
  };
  const start = async (clientId: string, kind: 'onboarding' | 'periodic', note: string) => {
    const caseId = randomUUID();
    await temporal.workflow.executeUpdateWithStart(registerCaseUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation<typeof kycReviewWorkflow>('kycReviewWorkflow', {
        workflowId: `kyc-review-${caseId}`,
        taskQueue,
        workflowIdConflictPolicy: 'FAIL',
        args: [{ caseId, clientId, kind, openedBy: actor('u-kyc1'), note }],
        memo: CASE_START_MEMO,
      }),
    });
    return caseId;
  };
  const work = async (caseId: string, who: string, outcome: TaskOutcome) => {
    const task = await prisma.task.findFirstOrThrow({ where: { caseId, status: 'open' } });
    const handle = temporal.workflow.getHandle(`kyc-review-${caseId}`);
    await handle.executeUpdate(claimTaskUpdate, { args: [{ taskId: task.id, actor: actor(who) }] });
    await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, actor: actor(who), outcome }] });
  };
  const upload = (caseId: string, clientId: string, doc: Partial<Prisma.KycDocumentCreateManyInput> & { kind: string }) => ({
    caseId,
    clientId,
    fileName: `${doc.kind}.pdf`,
    mimeType: 'application/pdf',
    size: DEMO_PDF.length,
    sha256: DEMO_PDF_SHA256,
    content: DEMO_PDF,
    uploadedById: 'u-kyc1',
    ...doc,
  });

  await start('c-1009', 'onboarding', 'New account opened online');

  const inReview = await start('c-1001', 'periodic', 'Periodic review brought forward');
  await prisma.kycDocument.createMany({
    data: [
      upload(inReview, 'c-1001', {
        kind: 'identity',
        docType: 'driving_licence',
        number: 'BENNE804125O99AB',
        country: 'GB',
        expiresAt: new Date('2031-04-11'),
      }),
      upload(inReview, 'c-1001', { kind: 'proof_of_address', docType: 'utility_bill', issuedAt: new Date(Date.now() - 20 * 86_400_000) }),
    ],
  });
  await work(inReview, 'u-kyc1', { outcome: 'documents_complete', note: 'Licence and a recent utility bill.' });

  const waiting = await start('c-1004', 'periodic', 'Deposits above the declared profile');
  await work(waiting, 'u-kyc2', {
    outcome: 'request_information',
    request: 'Please send a bank statement showing the source of your last three deposits.',
  });
}
