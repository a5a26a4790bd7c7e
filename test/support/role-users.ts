// Users for every role the product knows, generated from the case types' definitions (api/access.ts
// roles): one user per role, plus users holding several roles at once. The permission matrix and the
// fuzz run log in as each of them. A new role or case type adds its users here without a change.
import type { PrismaClient } from '@prisma/client';
import { createAccess } from '../../api/access';
import { CASE_TYPES } from '../../api/case-types';
import { createSession } from '../../api/auth/session';
import type { CaseTypeDefinition, Scope } from '../../workflows/engine/case-type';
import { ADMIN_ROLE, type Role } from '../../workflows/engine/types';

export const DEFINITIONS: readonly CaseTypeDefinition[] = CASE_TYPES.map((m) => m.definition);
/** Every role a user may hold: the case types' roles, the platform's own roles and admin. */
export const ALL_ROLES: readonly Role[] = createAccess(DEFINITIONS).roles;

/** Roles held together, to check that grants add up and do not leak (e.g. a supervisor of one case type who works another). */
export const ROLE_COMBINATIONS: Role[][] = [
  ['agent', 'kyc_officer'],
  ['supervisor', 'admin'],
  ['kyc_officer', 'supervisor'],
  ['complaints_manager', 'compliance_manager'],
];

export interface RoleUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  teamId: string | null;
  branchId: string;
  /** a bearer token, once logged in */
  token?: string;
}

/** The team a user of these roles works in: the team of the first case type that declares one of them, in the branch. */
function homeTeam(roles: Role[], branchId: string, teams: { id: string; name: string; branchId: string }[]): string | null {
  for (const role of roles) {
    const d = DEFINITIONS.find((def) => def.roles[role]);
    const team = d && teams.find((t) => t.branchId === branchId && t.name === d.teamName);
    if (team) return team.id;
  }
  return null;
}

/**
 * Creates (once) a user for each role and each combination, in `branchId`, with a session each.
 * Roles a combination names that the product does not know are left out of it.
 */
export async function createRoleUsers(prisma: PrismaClient, opts: { branchId?: string; prefix?: string } = {}): Promise<RoleUser[]> {
  const branchId = opts.branchId ?? 'london';
  const prefix = opts.prefix ?? 'rx';
  const teams = await prisma.team.findMany();
  const template = await prisma.user.findFirstOrThrow({ select: { passwordHash: true } });
  const sets = [
    ...ALL_ROLES.map((r) => [r]),
    ...ROLE_COMBINATIONS.map((c) => c.filter((r) => ALL_ROLES.includes(r))).filter((c) => c.length > 1),
  ];
  const users: RoleUser[] = sets.map((roles) => {
    const slug = roles.join('+');
    return {
      id: `${prefix}-${slug}-${branchId}`,
      email: `${prefix}.${roles.join('.')}.${branchId}@matrix.test`.replace(/_/g, '-'),
      name: `${slug} (${branchId})`,
      roles,
      teamId: homeTeam(roles, branchId, teams),
      branchId,
    };
  });
  await prisma.user.createMany({
    data: users.map(({ token: _t, ...u }) => ({ ...u, locale: 'en', passwordHash: template.passwordHash })),
    skipDuplicates: true,
  });
  for (const u of users) u.token = (await createSession(prisma, u.id, 8)).token;
  return users;
}

// ---- The access rules as a specification, written from the definitions independently of api/access.ts.

/** client scopes of the roles docs/crm.md names; the others take their case scope */
const CLIENT_SCOPE: Record<string, 'own' | 'branch' | 'entity' | 'ib_tree' | 'all' | null> = {
  agent: 'own',
  supervisor: 'branch',
  introducing_broker: 'ib_tree',
  integration: null,
  branch_manager: 'branch',
  entity_manager: 'entity',
  back_office: 'all',
  admin: null,
};

const WIDTH: Record<Scope, number> = { team: 0, branch: 1, all: 2 };
const widest = (scopes: Scope[]): Scope | null => [...scopes].sort((a, b) => WIDTH[b] - WIDTH[a])[0] ?? null;
const caseRoleScope = (role: Role): Scope | null => widest(DEFINITIONS.flatMap((d) => (d.roles[role] ? [d.roles[role].scope] : [])));

export type Who = Pick<RoleUser, 'roles' | 'branchId' | 'teamId' | 'id'>;

export const spec = {
  isAdmin: (u: Who) => u.roles.includes(ADMIN_ROLE),
  /** holds a role of some case type */
  isStaff: (u: Who) => u.roles.some((r) => caseRoleScope(r) !== null),
  definition: (type: string) => {
    const d = DEFINITIONS.find((x) => x.type === type);
    if (!d) throw new Error(`no case type ${type}`);
    return d;
  },
  /** the roles that take part in a case type (every staff role when everyone does) */
  rolesOf(type: string): Role[] {
    const d = spec.definition(type);
    return d.everyone ? ALL_ROLES.filter((r) => caseRoleScope(r) !== null) : Object.keys(d.roles);
  },
  scope(u: Who, type: string): Scope | null {
    const d = spec.definition(type);
    const scopes = u.roles.flatMap((r) => (d.roles[r] ? [d.roles[r].scope] : []));
    if (d.everyone && spec.isStaff(u)) scopes.push(d.everyone);
    return widest(scopes);
  },
  supervises: (u: Who, type: string) => u.roles.some((r) => spec.definition(type).roles[r]?.supervises === true),
  supervisesAny: (u: Who) => DEFINITIONS.some((d) => spec.supervises(u, d.type)),
  /** a case: the branch's for a team or branch scope (a team member answers about any case of the branch) */
  seesCase(u: Who, c: { type: string; branchId: string }): boolean {
    const scope = spec.scope(u, c.type);
    return scope === 'all' || (scope !== null && c.branchId === u.branchId);
  },
  /** a task: the team's for a team scope */
  seesTask(u: Who, t: { caseType: string; branchId: string; teamId: string }): boolean {
    const scope = spec.scope(u, t.caseType);
    if (scope === 'all') return true;
    if (scope === 'branch' || (scope === 'team' && !u.teamId)) return t.branchId === u.branchId;
    return scope === 'team' && t.teamId === u.teamId;
  },
  /** a client a user may open a case for (case intake and the KYC profile): the widest case scope over any case type (team counts as branch) */
  takesCasesFor(u: Who, c: { branchId: string }): boolean {
    const scope = widest(u.roles.flatMap((r) => caseRoleScope(r) ?? []));
    return scope === 'all' || (scope !== null && c.branchId === u.branchId);
  },
  /**
   * client data (clients, leads, their 360 and sub-resources), from docs/crm.md "Scopes": agent own book,
   * introducing_broker its IB tree, integration and admin nothing, branch_manager and supervisor the branch,
   * entity_manager the legal entity's branches, any other role its case scope (team counts as branch); the union.
   * A lead with no branch, manager or IB is seen by company-wide roles only.
   */
  seesClient(
    u: Who & { ibIds?: string[] },
    c: { branchId: string | null; accountManagerId: string | null; introducingBrokerId: string | null },
    entityOf: (branchId: string) => string | undefined,
  ): boolean {
    return u.roles.some((r) => {
      const scope = CLIENT_SCOPE[r] ?? (caseRoleScope(r) === 'all' ? 'all' : caseRoleScope(r) ? 'branch' : null);
      switch (scope) {
        case 'all':
          return true;
        case 'own':
          return c.accountManagerId === u.id;
        case 'branch':
          return c.branchId === u.branchId;
        case 'entity':
          return c.branchId !== null && entityOf(c.branchId) === entityOf(u.branchId);
        case 'ib_tree':
          return c.introducingBrokerId !== null && (u.ibIds ?? []).includes(c.introducingBrokerId);
        default:
          return false;
      }
    });
  },
  /** holds a role that sees client data at all */
  hasClientData: (u: Who) => u.roles.some((r) => (r in CLIENT_SCOPE ? CLIENT_SCOPE[r] !== null : caseRoleScope(r) !== null)),
  /** sees national ids unmasked: a role with client data other than agent and introducing_broker (docs/crm.md, field masking) */
  seesNationalIds: (u: Who) =>
    u.roles.some(
      (r) => !['agent', 'introducing_broker'].includes(r) && (r in CLIENT_SCOPE ? CLIENT_SCOPE[r] !== null : caseRoleScope(r) !== null),
    ),
  /** may edit client data (introducing brokers read only) */
  editsClients: (u: Who) =>
    u.roles.some((r) => r !== 'introducing_broker' && (r in CLIENT_SCOPE ? CLIENT_SCOPE[r] !== null : caseRoleScope(r) !== null)),
  /** hands over client books and sets owners: supervisor, branch_manager, entity_manager */
  supervisesClients: (u: Who) => u.roles.some((r) => ['supervisor', 'branch_manager', 'entity_manager'].includes(r)),
  /** staff a user may see and assign work to */
  seesStaff(u: Who, s: { branchId: string; active: boolean }): boolean {
    if (!s.active) return false;
    return widest(u.roles.flatMap((r) => caseRoleScope(r) ?? [])) === 'all' || spec.isAdmin(u) || s.branchId === u.branchId;
  },
  /** may claim a task (given it sees it): a role of the step, or any member of the team when the step names none */
  mayWorkOn: (u: Who, t: { requiredRole: string[]; teamId: string }) =>
    t.requiredRole.length ? u.roles.some((r) => t.requiredRole.includes(r)) : u.teamId === t.teamId,
};
