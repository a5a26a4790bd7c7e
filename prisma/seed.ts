// Demo data for `npm start`: two branches in different time zones with their own hours and holidays,
// staff, clients, SLA policies, the shipped sanctions lists, months of finished cases (seed-history.ts), and
// live complaints and KYC reviews in several states, driven through the real workflows.
// Seeds only an empty database.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type pg from 'pg';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import type { PrismaClient } from '@prisma/client';
import { parseEnv } from '../platform/env';
import { createDb } from '../platform/db';
import { hashPassword } from '../api/auth/router';
import { claimTaskUpdate, completeTaskUpdate, registerCaseUpdate } from '../workflows/engine/updates';
import type { complaintWorkflow, ComplaintInput } from '../workflows/complaint/workflow';
import type { TaskOutcome } from '../workflows/engine/types';
import { CASE_START_MEMO } from '../workflows/engine/case-type';
import { seedKycDemo, seedKycReferenceData } from './seed-kyc';
import { seedCrmReferenceData } from './seed-crm';
import { seedMonitoringReferenceData } from './seed-monitoring';
import { seedHistory } from './seed-history';
import { importList } from '../platform/screening/store';
import { parseListFiles } from '../platform/screening/detect';
import { REFERENCE_LIST_FILES, referenceListPath } from '../platform/screening/parse/reference';
import { installCaseTypeDefaults } from '../activities/engine/defaults';
import { CASE_TYPE_ACTIVITIES } from '../activities';

export const DEMO_PASSWORD = 'demo-password';

const BRANCHES = [
  {
    id: 'london',
    name: 'London',
    entityId: 'broker-uk',
    country: 'GB',
    timezone: 'Europe/London',
    workdays: [1, 2, 3, 4, 5],
    workStart: '09:00',
    workEnd: '17:30',
    holidays: [
      '2026-12-25',
      '2026-12-28',
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
      '2027-05-03',
      '2027-05-31',
      '2027-08-30',
      '2027-12-27',
      '2027-12-28',
    ],
  },
  {
    id: 'shanghai',
    name: 'Shanghai',
    entityId: 'broker-cn',
    country: 'CN',
    timezone: 'Asia/Shanghai',
    workdays: [1, 2, 3, 4, 5],
    workStart: '09:00',
    workEnd: '18:00',
    holidays: [
      '2027-01-01',
      '2027-02-05',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
      '2027-04-05',
      '2027-05-03',
      '2027-05-04',
      '2027-05-05',
    ],
  },
];

const STAFF: { id: string; email: string; name: string; roles: string[]; teamId: string | null; branchId: string; locale: string }[] = [
  {
    id: 'u-agent1',
    email: 'agent1@example.com',
    name: 'Alice Agent',
    roles: ['agent'],
    teamId: 'london-complaints',
    branchId: 'london',
    locale: 'en',
  },
  {
    id: 'u-agent2',
    email: 'agent2@example.com',
    name: 'Boris Agent',
    roles: ['agent'],
    teamId: 'london-complaints',
    branchId: 'london',
    locale: 'ru',
  },
  {
    id: 'u-supervisor',
    email: 'supervisor@example.com',
    name: 'Sam Supervisor',
    roles: ['supervisor'],
    teamId: 'london-complaints',
    branchId: 'london',
    locale: 'en',
  },
  {
    id: 'u-manager',
    email: 'manager@example.com',
    name: 'Maria Manager',
    roles: ['complaints_manager'],
    teamId: null,
    branchId: 'london',
    locale: 'en',
  },
  { id: 'u-admin', email: 'admin@example.com', name: 'Ada Admin', roles: ['admin'], teamId: null, branchId: 'london', locale: 'en' },
  {
    id: 'u-agent-sh',
    email: 'li.wei@example.com',
    name: 'Li Wei',
    roles: ['agent'],
    teamId: 'shanghai-complaints',
    branchId: 'shanghai',
    locale: 'zh',
  },
  {
    id: 'u-supervisor-sh',
    email: 'zhang.min@example.com',
    name: 'Zhang Min',
    roles: ['supervisor'],
    teamId: 'shanghai-complaints',
    branchId: 'shanghai',
    locale: 'zh',
  },
];

const CLIENTS = [
  ['c-1001', 'Oliver Bennett', 'GB', 'london', 'retail'],
  ['c-1002', 'Amelia Clarke', 'GB', 'london', 'retail'],
  ['c-1003', 'Harbour Capital Ltd', 'GB', 'london', 'professional'],
  ['c-1004', 'Dmitri Volkov', 'CY', 'london', 'retail'],
  ['c-1005', 'Nguyen Thi Lan', 'VN', 'london', 'retail'],
  ['c-1006', 'Somchai Prasert', 'TH', 'london', 'retail'],
  ['c-1007', 'Isabella Rossi', 'IT', 'london', 'professional'],
  ['c-1008', 'Northgate Trading LLP', 'GB', 'london', 'professional'],
  ['c-2001', 'Wang Fang', 'CN', 'shanghai', 'retail'],
  ['c-2002', 'Chen Jie', 'CN', 'shanghai', 'retail'],
  ['c-2003', 'Huaxin Securities Co., Ltd.', 'CN', 'shanghai', 'professional'],
  ['c-2004', 'Liu Yang', 'CN', 'shanghai', 'retail'],
] as const;

export async function seedReferenceData(prisma: PrismaClient): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.$transaction([
    ...BRANCHES.map((b) => prisma.branch.create({ data: b })),
    ...BRANCHES.map((b) => prisma.team.create({ data: { id: `${b.id}-complaints`, name: 'Complaints', branchId: b.id } })),
    ...STAFF.map((s) => prisma.user.create({ data: { ...s, passwordHash } })),
    ...CLIENTS.map(([id, name, country, branchId, segment]) =>
      prisma.client.create({
        data: {
          id,
          name,
          country,
          branchId,
          segment,
          type: /Ltd|LLP|Co\./.test(name) ? 'corporate' : 'individual',
          email: `${id}@clients.example.com`,
          accountManagerId: branchId === 'london' ? 'u-agent1' : 'u-agent-sh',
          kycStatus: 'approved',
        },
      }),
    ),
  ]);
  await installCaseTypeDefaults(prisma, CASE_TYPE_ACTIVITIES);
  await seedKycReferenceData(prisma, passwordHash);
  await seedCrmReferenceData(prisma, passwordHash);
  await seedMonitoringReferenceData(prisma, passwordHash);
}

/** Drives demo complaints through real workflows, as staff would through the console. */
async function seedComplaints(prisma: PrismaClient, temporal: Client, taskQueue: string): Promise<void> {
  const actor = (id: string) => {
    const s = STAFF.find((x) => x.id === id)!;
    return { id: s.id, roles: s.roles, teamId: s.teamId };
  };

  async function openTask(caseId: string): Promise<{ id: string; workflowId: string }> {
    for (let i = 0; i < 200; i++) {
      const task = await prisma.task.findFirst({ where: { caseId, status: { in: ['open', 'claimed'] } }, include: { case: true } });
      if (task) return { id: task.id, workflowId: task.case.workflowId };
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no open task for ${caseId}`);
  }

  async function work(caseId: string, who: string, outcome: TaskOutcome, claimOnly = false): Promise<void> {
    const task = await openTask(caseId);
    const handle = temporal.workflow.getHandle(task.workflowId);
    await handle.executeUpdate(claimTaskUpdate, { args: [{ taskId: task.id, actor: actor(who) }] });
    if (!claimOnly) await handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: task.id, actor: actor(who), outcome }] });
  }

  async function open(input: Omit<ComplaintInput, 'caseId' | 'openedBy'>, by: string): Promise<string> {
    const caseId = randomUUID();
    await temporal.workflow.executeUpdateWithStart(registerCaseUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation<typeof complaintWorkflow>('complaintWorkflow', {
        workflowId: `complaint-${caseId}`,
        taskQueue,
        workflowIdConflictPolicy: 'FAIL',
        args: [{ ...input, caseId, openedBy: actor(by) }],
        memo: CASE_START_MEMO,
      }),
    });
    return caseId;
  }

  const ack = { outcome: 'acknowledged', note: 'Called the client and confirmed receipt.' };
  const findings = { outcome: 'findings_recorded', findings: 'Execution logs show a 2.1 s delay during the NFP release.' };
  const proposal = { outcome: 'proposed', resolution: 'Refund the slippage difference.', compensation: 182.4 };

  // new, nobody has touched it
  await open(
    {
      clientId: 'c-1001',
      channel: 'phone',
      category: 'trade_execution',
      severity: 'medium',
      description: 'Stop loss on EURUSD filled 14 pips away from the level.',
    },
    'u-agent1',
  );
  // acknowledged and being investigated by agent2
  const b = await open(
    {
      clientId: 'c-1002',
      channel: 'email',
      category: 'deposit_withdrawal',
      severity: 'low',
      description: 'Withdrawal to bank card pending for 6 days.',
    },
    'u-agent2',
  );
  await work(b, 'u-agent1', ack);
  await work(b, 'u-agent2', findings, true);
  // waiting on the client: the clock is paused
  const c = await open(
    {
      clientId: 'c-1004',
      channel: 'web',
      category: 'fees_charges',
      severity: 'medium',
      description: 'Overnight swap charged twice on 12 Nov.',
    },
    'u-agent1',
  );
  await work(c, 'u-agent1', ack);
  await work(c, 'u-agent1', { outcome: 'awaiting_client', request: 'Please send the account statement for 12 November.' });
  // high severity, proposal waiting for a supervisor's approval (four eyes)
  const d = await open(
    {
      clientId: 'c-1003',
      channel: 'branch',
      category: 'platform',
      severity: 'high',
      description: 'Platform outage closed hedged positions at market.',
    },
    'u-agent1',
  );
  await work(d, 'u-agent1', ack);
  await work(d, 'u-agent1', findings);
  await work(d, 'u-agent1', proposal);
  // closed with a root cause (reopenable within the window)
  const e = await open(
    { clientId: 'c-1005', channel: 'chat', category: 'account_access', severity: 'low', description: 'Locked out after 2FA phone change.' },
    'u-agent2',
  );
  await work(e, 'u-agent2', ack);
  await work(e, 'u-agent2', { outcome: 'findings_recorded', findings: '2FA reset request was not linked to the ticket.' });
  await work(e, 'u-agent2', { outcome: 'proposed', resolution: 'Reset 2FA after video identification.' });
  await work(e, 'u-agent2', { outcome: 'sent', responseSummary: 'Access restored; apology sent.', rootCause: 'process' });
  // Shanghai: a new complaint in the other time zone
  await open(
    {
      clientId: 'c-2001',
      channel: 'phone',
      category: 'advice_conduct',
      severity: 'high',
      description: '客户经理推荐高杠杆产品，未说明风险。',
    },
    'u-agent-sh',
  );
  await open(
    {
      clientId: 'c-2002',
      channel: 'web',
      category: 'deposit_withdrawal',
      severity: 'medium',
      description: 'Deposit via UnionPay not credited.',
    },
    'u-agent-sh',
  );
}

/** The sanctions lists the repository ships (reference/sanctions/), so that demo KYC reviews screen against real lists. */
async function importReferenceLists(prisma: PrismaClient): Promise<number> {
  const files = await Promise.all(REFERENCE_LIST_FILES.map(async (name) => ({ name, content: await readFile(referenceListPath(name)) })));
  let entries = 0;
  for (const list of parseListFiles(files)) entries += (await importList(prisma, list)).entryCount;
  return entries;
}

export async function seed(opts: { prisma: PrismaClient; pool: pg.Pool; temporal: Client; taskQueue: string }): Promise<boolean> {
  if ((await opts.prisma.user.count()) > 0) return false;
  await seedReferenceData(opts.prisma);
  console.log(`seed: ${await importReferenceLists(opts.prisma)} sanctions list entries imported (reference/sanctions)`);
  const history = await seedHistory(opts.prisma, opts.pool);
  console.log(`seed: ${history.complaints} complaints and ${history.kycReviews} KYC reviews of history written`);
  await seedComplaints(opts.prisma, opts.temporal, opts.taskQueue);
  await seedKycDemo(opts.prisma, opts.temporal, opts.taskQueue);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const env = parseEnv();
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set');
  const db = createDb(env.DATABASE_URL);
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  const temporal = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
  const seeded = await seed({ prisma: db.prisma, pool: db.pool, temporal, taskQueue: env.TEMPORAL_TASK_QUEUE });
  console.log(seeded ? 'seed: demo data created' : 'seed: database already has data; left as it is');
  await connection.close();
  await db.close();
}
