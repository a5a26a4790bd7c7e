// CRM demo data: an introducing-broker tree with partner users, identity and contacts of the demo clients,
// trading accounts, a few months of transactions, interactions, leads (one a duplicate) and an assignment
// rule per branch. Called from seedReferenceData, after the clients exist.
import type { Prisma, PrismaClient } from '@prisma/client';
import { contactRows, type ContactInput } from '../platform/crm/clients';
import { searchNameOf } from '../platform/crm/names';
import { normalizePhone } from '../platform/crm/phones';

const IBS = [
  { id: 'ib-apex', name: 'Apex Partners', parentId: null, branchId: 'london' },
  { id: 'ib-apex-north', name: 'Apex North', parentId: 'ib-apex', branchId: 'london' },
  { id: 'ib-apex-leeds', name: 'Apex North – Leeds desk', parentId: 'ib-apex-north', branchId: 'london' },
  { id: 'ib-orient', name: 'Orient Introducers', parentId: null, branchId: 'shanghai' },
];

export const CRM_STAFF = [
  {
    id: 'u-ib-apex',
    email: 'apex.partner@example.com',
    name: 'Paul Apex',
    roles: ['introducing_broker'],
    teamId: null,
    branchId: 'london',
    locale: 'en',
    ibId: 'ib-apex',
  },
  {
    id: 'u-ib-north',
    email: 'north.partner@example.com',
    name: 'Nora North',
    roles: ['introducing_broker'],
    teamId: null,
    branchId: 'london',
    locale: 'en',
    ibId: 'ib-apex-north',
  },
  {
    id: 'u-branch-manager',
    email: 'branch.manager@example.com',
    name: 'Bella Branch',
    roles: ['branch_manager'],
    teamId: null,
    branchId: 'london',
    locale: 'en',
    ibId: null,
  },
  {
    id: 'u-backoffice',
    email: 'backoffice@example.com',
    name: 'Bea Backoffice',
    roles: ['back_office'],
    teamId: null,
    branchId: 'london',
    locale: 'en',
    ibId: null,
  },
  {
    id: 'u-webforms',
    email: 'webforms@example.com',
    name: 'Website forms',
    roles: ['integration'],
    teamId: null,
    branchId: 'london',
    locale: 'en',
    ibId: null,
  },
];

interface Identity {
  firstName?: string;
  lastName?: string;
  legalName?: string;
  registrationNumber?: string;
  dateOfBirth?: string;
  nationality?: string;
  nationalId?: string;
  tier?: string;
  language?: string;
  introducingBrokerId?: string;
  accountManagerId?: string;
  tags?: string[];
  contacts?: ContactInput[];
}

const IDENTITY: Record<string, Identity> = {
  'c-1001': {
    firstName: 'Oliver',
    lastName: 'Bennett',
    dateOfBirth: '1985-04-12',
    nationality: 'GB',
    nationalId: 'QQ123456C',
    tier: 'gold',
    language: 'en',
    introducingBrokerId: 'ib-apex-north',
    tags: ['active-trader'],
    contacts: [
      { kind: 'phone', value: '+44 20 7946 0018' },
      { kind: 'phone', value: '07700 900461', label: 'mobile' },
    ],
  },
  'c-1002': {
    firstName: 'Amelia',
    lastName: 'Clarke',
    dateOfBirth: '1991-09-30',
    nationality: 'GB',
    nationalId: 'QQ654321A',
    tier: 'silver',
    language: 'en',
    introducingBrokerId: 'ib-apex-leeds',
    contacts: [{ kind: 'phone', value: '+44 7700 900123' }],
  },
  'c-1003': { legalName: 'Harbour Capital Ltd', registrationNumber: '09876543', tier: 'platinum', language: 'en', tags: ['corporate'] },
  'c-1004': {
    firstName: 'Dmitri',
    lastName: 'Volkov',
    dateOfBirth: '1979-11-03',
    nationality: 'RU',
    nationalId: '4509 123456',
    tier: 'gold',
    language: 'ru',
    introducingBrokerId: 'ib-apex',
    contacts: [{ kind: 'phone', value: '+357 99 123456' }],
  },
  'c-1005': { firstName: 'Lan', lastName: 'Nguyen Thi', dateOfBirth: '1995-06-18', nationality: 'VN', language: 'vi' },
  'c-1006': { firstName: 'Somchai', lastName: 'Prasert', nationality: 'TH', language: 'th', accountManagerId: 'u-agent2' },
  'c-1007': {
    firstName: 'Isabella',
    lastName: 'Rossi',
    dateOfBirth: '1972-01-25',
    nationality: 'IT',
    nationalId: 'RSSSBL72A65H501X',
    language: 'it',
    accountManagerId: 'u-agent2',
    tags: ['pep'],
  },
  'c-1008': { legalName: 'Northgate Trading LLP', registrationNumber: 'OC123456', accountManagerId: 'u-agent2' },
  'c-1009': { firstName: 'Farid', lastName: 'Haddad', dateOfBirth: '1988-08-08', nationality: 'AE' },
  'c-2001': {
    firstName: 'Fang',
    lastName: 'Wang',
    dateOfBirth: '1990-03-15',
    nationality: 'CN',
    nationalId: '110101199003150026',
    language: 'zh',
    introducingBrokerId: 'ib-orient',
    contacts: [{ kind: 'phone', value: '138 0013 8000' }],
  },
  'c-2002': { firstName: 'Jie', lastName: 'Chen', nationality: 'CN', language: 'zh' },
  'c-2003': { legalName: 'Huaxin Securities Co., Ltd.', tier: 'platinum', language: 'zh' },
  'c-2004': {
    firstName: 'Yang',
    lastName: 'Liu',
    nationality: 'CN',
    language: 'zh',
    contacts: [{ kind: 'phone', value: '+86 139 1234 5678' }],
  },
};

const ACCOUNTS: {
  clientId: string;
  platform: string;
  login: string;
  currency: string;
  leverage: number;
  balance: number;
  equity: number;
  marginLevel: number | null;
}[] = [
  {
    clientId: 'c-1001',
    platform: 'mt5',
    login: '5001001',
    currency: 'GBP',
    leverage: 30,
    balance: 12_450.2,
    equity: 12_910.75,
    marginLevel: 842.1,
  },
  {
    clientId: 'c-1001',
    platform: 'mt5',
    login: '5001002',
    currency: 'USD',
    leverage: 30,
    balance: 3_100,
    equity: 3_100,
    marginLevel: null,
  },
  {
    clientId: 'c-1002',
    platform: 'mt4',
    login: '4002001',
    currency: 'GBP',
    leverage: 30,
    balance: 820.5,
    equity: 790.1,
    marginLevel: 310.4,
  },
  {
    clientId: 'c-1003',
    platform: 'ctrader',
    login: 'HC-77001',
    currency: 'USD',
    leverage: 100,
    balance: 1_250_000,
    equity: 1_262_340,
    marginLevel: 1450,
  },
  {
    clientId: 'c-1004',
    platform: 'mt5',
    login: '5004001',
    currency: 'EUR',
    leverage: 200,
    balance: 48_200,
    equity: 45_900,
    marginLevel: 180.2,
  },
  {
    clientId: 'c-2001',
    platform: 'mt5',
    login: '5201001',
    currency: 'CNH',
    leverage: 50,
    balance: 88_000,
    equity: 90_120,
    marginLevel: 620,
  },
];

/** Deterministic demo transactions: a first deposit, monthly top-ups, weekly trade summaries, one withdrawal. */
function demoTransactions(): Prisma.TransactionCreateManyInput[] {
  const rows: Prisma.TransactionCreateManyInput[] = [];
  const start = Date.UTC(2026, 7, 3, 9, 30);
  ACCOUNTS.forEach((a, i) => {
    const base = a.balance > 100_000 ? 100_000 : 1_000;
    const id = (n: string) => `${a.login}-${n}`;
    const at = (days: number) => new Date(start + (days + i) * 86_400_000);
    rows.push({
      clientId: a.clientId,
      accountId: `acc-${a.platform}-${a.login}`,
      source: 'demo-feed',
      externalId: id('dep-0'),
      type: 'deposit',
      amount: base * 5,
      currency: a.currency,
      method: i % 2 ? 'bank_transfer' : 'card',
      status: 'completed',
      bookedAt: at(0),
      counterpartyName: null,
      counterpartyCountry: null,
    });
    for (let m = 1; m <= 3; m++) {
      rows.push({
        clientId: a.clientId,
        accountId: `acc-${a.platform}-${a.login}`,
        source: 'demo-feed',
        externalId: id(`dep-${m}`),
        type: 'deposit',
        amount: base * (m + 1),
        currency: a.currency,
        method: 'bank_transfer',
        status: m === 3 && i === 2 ? 'failed' : 'completed',
        bookedAt: at(30 * m),
      });
    }
    for (let w = 1; w <= 12; w++) {
      rows.push({
        clientId: a.clientId,
        accountId: `acc-${a.platform}-${a.login}`,
        source: 'demo-feed',
        externalId: id(`trd-${w}`),
        type: 'trade',
        amount: base * 20 * (1 + (w % 4)),
        currency: a.currency,
        status: 'completed',
        bookedAt: at(7 * w),
        instrument: ['EURUSD', 'GBPUSD', 'XAUUSD', 'US500'][w % 4],
        pnl: (((w * 37 + i * 11) % 21) - 9) * base * 0.05,
      });
    }
    if (i % 3 === 0)
      rows.push({
        clientId: a.clientId,
        accountId: `acc-${a.platform}-${a.login}`,
        source: 'demo-feed',
        externalId: id('wd-1'),
        type: 'withdrawal',
        amount: base * 2,
        currency: a.currency,
        method: 'bank_transfer',
        status: 'completed',
        bookedAt: at(80),
      });
  });
  return rows;
}

export async function seedCrmReferenceData(prisma: PrismaClient, passwordHash: string): Promise<void> {
  for (const ib of IBS) await prisma.introducingBroker.create({ data: ib });
  await prisma.user.createMany({ data: CRM_STAFF.map((s) => ({ ...s, passwordHash })) });

  const clients = await prisma.client.findMany({ include: { branch: { select: { country: true } } } });
  for (const c of clients) {
    const idn = IDENTITY[c.id] ?? {};
    const { rows: contacts } = contactRows(
      [...(c.email ? [{ kind: 'email' as const, value: c.email }] : []), ...(idn.contacts ?? [])],
      c.country ?? c.branch.country,
    );
    await prisma.client.update({
      where: { id: c.id },
      data: {
        firstName: idn.firstName,
        lastName: idn.lastName,
        legalName: idn.legalName ?? (c.type === 'corporate' ? c.name : undefined),
        registrationNumber: idn.registrationNumber,
        dateOfBirth: idn.dateOfBirth ? new Date(idn.dateOfBirth) : undefined,
        nationality: idn.nationality,
        nationalId: idn.nationalId,
        tier: idn.tier,
        language: idn.language,
        introducingBrokerId: idn.introducingBrokerId,
        tags: idn.tags,
        accountManagerId: idn.accountManagerId,
        searchName: searchNameOf(c.name),
        email: contacts.find((r) => r.kind === 'email' && r.isPrimary)?.normalized ?? null,
        phone: contacts.find((r) => r.kind === 'phone' && r.isPrimary)?.normalized ?? null,
      },
    });
    await prisma.clientContact.deleteMany({ where: { clientId: c.id } });
    await prisma.clientContact.createMany({
      data: contacts.map((r) => ({
        clientId: c.id,
        kind: r.kind,
        value: r.value,
        normalized: r.normalized,
        nationalNumber: r.nationalNumber,
        label: r.label,
        isPrimary: r.isPrimary,
      })),
    });
  }
  await prisma.clientRelatedPerson.createMany({
    data: [
      {
        clientId: 'c-1003',
        role: 'director',
        firstName: 'Edward',
        lastName: 'Harbour',
        name: 'Edward Harbour',
        dateOfBirth: new Date('1968-02-01'),
        nationality: 'GB',
      },
      {
        clientId: 'c-1003',
        role: 'beneficial_owner',
        firstName: 'Edward',
        lastName: 'Harbour',
        name: 'Edward Harbour',
        dateOfBirth: new Date('1968-02-01'),
        nationality: 'GB',
        sharePercent: 60,
      },
      {
        clientId: 'c-1003',
        role: 'beneficial_owner',
        firstName: 'Lucy',
        lastName: 'Harbour',
        name: 'Lucy Harbour',
        nationality: 'GB',
        sharePercent: 40,
      },
      { clientId: 'c-2003', role: 'director', name: '张伟', nationality: 'CN' },
    ],
  });
  await prisma.tradingAccount.createMany({
    data: ACCOUNTS.map((a) => ({
      id: `acc-${a.platform}-${a.login}`,
      clientId: a.clientId,
      platform: a.platform,
      login: a.login,
      currency: a.currency,
      leverage: a.leverage,
      balance: a.balance,
      equity: a.equity,
      marginLevel: a.marginLevel,
      openedAt: new Date('2026-08-01T10:00:00Z'),
    })),
  });
  await prisma.transaction.createMany({ data: demoTransactions() });
  await prisma.interaction.createMany({
    data: [
      {
        clientId: 'c-1001',
        kind: 'call',
        direction: 'outbound',
        channel: 'phone',
        agentId: 'u-agent1',
        durationSeconds: 420,
        outcome: 'interested',
        subject: 'Quarterly review',
        source: 'demo',
        externalId: 'demo-call-1',
        occurredAt: new Date('2026-11-20T10:15:00Z'),
        createdById: 'u-agent1',
      },
      {
        clientId: 'c-1001',
        kind: 'email',
        direction: 'inbound',
        channel: 'email',
        agentId: 'u-agent1',
        subject: 'Question about swap fees',
        link: 'https://mail.example.com/m/8812',
        source: 'demo',
        externalId: 'demo-mail-1',
        occurredAt: new Date('2026-11-24T08:02:00Z'),
      },
      {
        clientId: 'c-1004',
        kind: 'note',
        direction: 'internal',
        agentId: 'u-agent1',
        body: 'Prefers calls in Russian after 17:00 CET.',
        source: 'demo',
        externalId: 'demo-note-1',
        occurredAt: new Date('2026-11-10T16:40:00Z'),
        createdById: 'u-agent1',
      },
      {
        clientId: 'c-2001',
        kind: 'chat',
        direction: 'inbound',
        channel: 'wechat',
        agentId: 'u-agent-sh',
        outcome: 'answered',
        source: 'demo',
        externalId: 'demo-chat-1',
        occurredAt: new Date('2026-11-26T02:30:00Z'),
      },
    ],
  });
  await prisma.assignmentRule.createMany({
    data: [
      {
        id: 'london-default',
        name: 'London: web and partner leads',
        priority: 100,
        branchId: 'london',
        strategy: 'round_robin',
        accountManagerIds: ['u-agent1', 'u-agent2'],
        outsideHours: 'next_available',
      },
      {
        id: 'china',
        name: 'Leads from China',
        priority: 50,
        country: 'CN',
        branchId: 'shanghai',
        strategy: 'least_loaded',
        accountManagerIds: ['u-agent-sh'],
        outsideHours: 'next_available',
      },
    ],
  });
  const lead = (id: string, d: Omit<Prisma.LeadCreateManyInput, 'id' | 'searchName'>): Prisma.LeadCreateManyInput => {
    const phone = d.phone ? normalizePhone(d.phone, d.country) : null;
    return {
      id,
      searchName: searchNameOf(`${d.firstName} ${d.lastName}`),
      emailNorm: d.email?.toLowerCase(),
      phoneE164: phone?.e164,
      phoneNational: phone?.national,
      ...d,
    };
  };
  await prisma.lead.createMany({
    data: [
      lead('00000000-0000-4000-8000-000000000001', {
        firstName: 'George',
        lastName: 'Miller',
        email: 'george.miller@example.net',
        phone: '07700 900777',
        country: 'GB',
        source: 'web',
        campaign: 'autumn-fx',
        utmSource: 'google',
        utmMedium: 'cpc',
        branchId: 'london',
        accountManagerId: 'u-agent1',
        assignedAt: new Date('2026-11-27T10:00:00Z'),
        assignmentRuleId: 'london-default',
        createdById: 'u-webforms',
      }),
      lead('00000000-0000-4000-8000-000000000002', {
        firstName: 'Olly',
        lastName: 'Bennett',
        email: 'C-1001@clients.example.com',
        country: 'GB',
        source: 'partner',
        introducingBrokerId: 'ib-apex-north',
        branchId: 'london',
        duplicateOfId: 'c-1001',
        duplicateOfKind: 'client',
        createdById: 'u-webforms',
      }),
    ],
  });
  await prisma.leadDuplicate.create({
    data: { leadId: '00000000-0000-4000-8000-000000000002', otherKind: 'client', otherId: 'c-1001', reason: 'email', score: 1 },
  });
}
