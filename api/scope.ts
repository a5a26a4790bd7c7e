import type { Prisma } from '@prisma/client';
import type { SessionUser } from './auth/session';
import type { Role } from '../workflows/engine/types';

// Data scope by role: agents work in their team and see their branch; supervisors and KYC staff see
// their branch; managers and admins see every branch. Out-of-scope records read as "not found".
const BRANCH_WIDE: Role[] = ['supervisor', 'kyc_officer', 'senior_compliance_officer'];
const EVERYWHERE: Role[] = ['complaints_manager', 'compliance_manager', 'admin'];

export const SUPERVISING: Role[] = ['supervisor', 'complaints_manager', 'compliance_manager', 'admin'];

export function seesEverything(user: SessionUser): boolean {
  return EVERYWHERE.includes(user.role);
}

export function branchWhere(user: SessionUser): { branchId?: string } {
  return seesEverything(user) ? {} : { branchId: user.branchId };
}

export function taskWhere(user: SessionUser): Prisma.TaskWhereInput {
  if (seesEverything(user)) return {};
  if (BRANCH_WIDE.includes(user.role) || !user.teamId) return { branchId: user.branchId };
  return { teamId: user.teamId };
}

/** SQL fragment for raw queries over `cases` (alias c): returns [clause, params]. */
export function caseScopeSql(user: SessionUser, firstParam: number): [string, unknown[]] {
  return seesEverything(user) ? ['TRUE', []] : [`c.branch_id = $${firstParam}`, [user.branchId]];
}
