// Monitoring reference data: the AML team of each branch, AML staff, and the default scenarios (version 1
// published). Called from seedReferenceData, so tests get them too.
import type { PrismaClient } from '@prisma/client';
import { installDefaultScenarios } from '../platform/monitoring/versions';

const AML_STAFF = [
  {
    id: 'u-aml1',
    email: 'aml1@example.com',
    name: 'Anna Analyst',
    roles: ['aml_analyst'],
    teamId: 'london-aml',
    branchId: 'london',
    locale: 'en',
  },
  {
    id: 'u-aml2',
    email: 'aml2@example.com',
    name: 'Aaron Analyst',
    roles: ['aml_analyst'],
    teamId: 'london-aml',
    branchId: 'london',
    locale: 'en',
  },
  {
    id: 'u-mlro',
    email: 'mlro@example.com',
    name: 'Morgan Reporting-Officer',
    roles: ['mlro'],
    teamId: 'london-aml',
    branchId: 'london',
    locale: 'en',
  },
  {
    id: 'u-aml-sh',
    email: 'wu.aml@example.com',
    name: 'Wu Jing',
    roles: ['aml_analyst'],
    teamId: 'shanghai-aml',
    branchId: 'shanghai',
    locale: 'zh',
  },
];

export async function seedMonitoringReferenceData(prisma: PrismaClient, passwordHash: string): Promise<void> {
  await prisma.$transaction([
    prisma.team.create({ data: { id: 'london-aml', name: 'AML', branchId: 'london' } }),
    prisma.team.create({ data: { id: 'shanghai-aml', name: 'AML', branchId: 'shanghai' } }),
    ...AML_STAFF.map((s) => prisma.user.create({ data: { ...s, passwordHash } })),
  ]);
  await installDefaultScenarios(prisma);
}
