// Who may see and do what, derived from the case types' role definitions. A role belongs to the case
// types that declare it; a person sees a case type's cases and tasks only through a role of that case
// type, within that role's scope (team, branch or all). `admin` administers (users, policies, lists,
// repairs) and sees and decides no case unless they also hold a case type's role.
import type { Prisma } from '@prisma/client';
import type { SessionUser } from './auth/session';
import type { CaseTypeDefinition, ClientAccessRule, ClientScope, Scope } from '../workflows/engine/case-type';
import { ADMIN_ROLE, type Role } from '../workflows/engine/types';

/**
 * Client-data access of roles (docs/crm.md, "Scopes"). Roles not listed get their case scope (a team scope
 * counts as the branch: a team member answers any client of the branch) with nothing masked; a case type's
 * role definition may declare `client` itself, which wins over this table.
 * - agent: only the clients they manage (account manager), national id masked, no documents;
 * - introducing_broker: the clients of its IB and every sub-IB (users.ib_id), read only, masked;
 * - integration: telephony, e-mail and web-form systems and partners: post leads and interactions, read nothing;
 * - branch_manager / entity_manager: the branch / legal entity, and hand over client books;
 * - supervisor: the branch, and hands over client books;
 * - back_office: operations and payments staff who load and correct the company's data: every client, with
 *   edits (imports of clients, accounts, transactions and leads), no hand-overs, no case-type role (decides no case).
 */
export const CLIENT_ACCESS: Record<Role, ClientAccessRule> = {
  agent: { scope: 'own', nationalId: false, documents: false, edits: true },
  supervisor: { scope: 'branch', nationalId: true, documents: true, edits: true, supervises: true },
  introducing_broker: { scope: 'ib_tree', nationalId: false, documents: false, edits: false },
  integration: { scope: null },
  branch_manager: { scope: 'branch', nationalId: true, documents: true, edits: true, supervises: true },
  entity_manager: { scope: 'entity', nationalId: true, documents: true, edits: true, supervises: true },
  back_office: { scope: 'all', nationalId: true, documents: true, edits: true },
};

/** Roles that belong to no case type: declared here so that users may hold them. */
export const PLATFORM_ROLES: Role[] = ['introducing_broker', 'integration', 'branch_manager', 'entity_manager', 'back_office'];

/** What one user may see and do with client data: the union over their roles. */
export interface ClientGrant {
  /** the scopes the user's roles give (empty: no client data) */
  scopes: ClientScope[];
  nationalId: boolean;
  documents: boolean;
  edits: boolean;
  supervises: boolean;
}

const FROM_CASE_SCOPE: Record<Scope, ClientScope> = { team: 'branch', branch: 'branch', all: 'all' };

const WIDTH: Record<Scope, number> = { team: 0, branch: 1, all: 2 };
const widest = (scopes: Scope[]): Scope | null => scopes.sort((a, b) => WIDTH[b] - WIDTH[a])[0] ?? null;

export interface Access {
  /** every role a user may hold: the case types' roles and `admin` */
  readonly roles: readonly Role[];
  readonly definitions: readonly CaseTypeDefinition[];
  definition(caseType: string): CaseTypeDefinition | undefined;
  /** the roles of a case type (for route declarations); every staff role when everyone takes part */
  rolesOf(caseType: string): Role[];
  /** the roles that supervise a case type */
  supervisingRolesOf(caseType: string): Role[];
  isAdmin(user: SessionUser): boolean;
  /** the user's scope over a case type's records, or null when they have no role in it */
  scopeFor(user: SessionUser, caseType: string): Scope | null;
  supervises(user: SessionUser, caseType: string): boolean;
  /** the case types whose work the user supervises */
  supervisedTypes(user: SessionUser): string[];
  /** the widest scope the user has over any case type (for clients, which every case type shares) */
  widestScope(user: SessionUser): Scope | null;
  /** cases of one type the user may see; `null` when none */
  caseWhere(user: SessionUser, caseType: string): Prisma.CaseWhereInput | null;
  /** the same as caseWhere for raw SQL over `cases` (alias c): [clause, params], or null when none */
  caseScopeSql(user: SessionUser, caseType: string, firstParam: number): [string, unknown[]] | null;
  /** tasks the user may see: per case type, within the scope of their role in it */
  taskWhere(user: SessionUser): Prisma.TaskWhereInput;
  /**
   * clients a case role may open a case for and see on its cases (case intake: a complaint may come from any
   * client of the branch). With `caseType`, the user's scope in that case type: a case must be one its opener
   * then sees (an MLRO, firm-wide in AML, asks another branch's team nothing through an internal request,
   * whose scope for them is their own branch); without, the widest over every case type. Client data itself
   * (list, 360, search) follows clientGrant. An administrator without a case role sees none: no need to know.
   */
  clientWhere(user: SessionUser, caseType?: string): Prisma.ClientWhereInput;
  /** the same as clientWhere(user, caseType) for raw SQL over `clients` (alias cl): [clause, params] */
  clientScopeSql(user: SessionUser, caseType: string, firstParam: number): [string, unknown[]];
  /** staff the user may see and assign work to */
  staffWhere(user: SessionUser): Prisma.UserWhereInput;
  /** the user's client-data access (CRM): scopes and masking, see CLIENT_ACCESS */
  clientGrant(user: SessionUser): ClientGrant;
  /** the roles whose client grant allows `what` (for route declarations) */
  clientRoles(what: 'read' | 'edits' | 'supervises'): Role[];
}

const NOTHING = { id: { in: [] as string[] } };

export function createAccess(definitions: readonly CaseTypeDefinition[]): Access {
  const byType = new Map(definitions.map((d) => [d.type, d]));
  const roleScopes = new Map<Role, Scope>();
  for (const d of definitions) {
    for (const [role, def] of Object.entries(d.roles)) {
      const known = roleScopes.get(role);
      if (known && known !== def.scope) throw new Error(`Role ${role} is declared with scopes ${known} and ${def.scope}`);
      roleScopes.set(role, def.scope);
    }
  }
  const isStaff = (user: SessionUser) => user.roles.some((r) => roleScopes.has(r));
  // client-data access per role: a case type's own declaration, else the table, else the case scope
  const clientRules = new Map<Role, ClientAccessRule>();
  for (const role of [...roleScopes.keys(), ...PLATFORM_ROLES]) {
    const declared = definitions.map((d) => d.roles[role]?.client).find(Boolean);
    const scope = roleScopes.get(role);
    clientRules.set(
      role,
      declared ?? CLIENT_ACCESS[role] ?? { scope: scope ? FROM_CASE_SCOPE[scope] : null, nationalId: true, documents: true, edits: true },
    );
  }
  const clientGrant = (user: SessionUser): ClientGrant => {
    const rules = user.roles.flatMap((r) => clientRules.get(r) ?? []);
    return {
      scopes: [...new Set(rules.flatMap((r) => r.scope ?? []))],
      nationalId: rules.some((r) => r.scope && r.nationalId),
      documents: rules.some((r) => r.scope && r.documents),
      edits: rules.some((r) => r.scope && r.edits),
      supervises: rules.some((r) => r.scope && r.supervises),
    };
  };

  const scopeFor = (user: SessionUser, caseType: string): Scope | null => {
    const d = byType.get(caseType);
    if (!d) return null;
    const scopes = user.roles.filter((r) => d.roles[r]).map((r) => d.roles[r].scope);
    if (d.everyone && isStaff(user)) scopes.push(d.everyone);
    return widest(scopes);
  };
  const supervises = (user: SessionUser, caseType: string) => user.roles.some((r) => byType.get(caseType)?.roles[r]?.supervises);

  const caseWhere = (user: SessionUser, caseType: string): Prisma.CaseWhereInput | null => {
    const scope = scopeFor(user, caseType);
    // a team member sees the branch's cases (to answer a client about any of them), and works the team's tasks
    if (scope === null) return null;
    return scope === 'all' ? { type: caseType } : { type: caseType, branchId: user.branchId };
  };

  return {
    roles: [...new Set([...roleScopes.keys(), ...PLATFORM_ROLES]), ADMIN_ROLE],
    definitions,
    definition: (caseType) => byType.get(caseType),
    rolesOf: (caseType) => (byType.get(caseType)?.everyone ? [...roleScopes.keys()] : Object.keys(byType.get(caseType)?.roles ?? {})),
    supervisingRolesOf: (caseType) =>
      Object.entries(byType.get(caseType)?.roles ?? {})
        .filter(([, r]) => r.supervises)
        .map(([name]) => name),
    isAdmin: (user) => user.roles.includes(ADMIN_ROLE),
    scopeFor,
    supervises,
    supervisedTypes: (user) => definitions.filter((d) => supervises(user, d.type)).map((d) => d.type),
    widestScope: (user) => widest(user.roles.flatMap((r) => roleScopes.get(r) ?? [])),
    caseWhere,
    caseScopeSql(user, caseType, firstParam) {
      const scope = scopeFor(user, caseType);
      if (scope === null) return null;
      return scope === 'all' ? ['TRUE', []] : [`c.branch_id = $${firstParam}`, [user.branchId]];
    },
    taskWhere(user) {
      const parts: Prisma.TaskWhereInput[] = [];
      for (const d of definitions) {
        const scope = scopeFor(user, d.type);
        if (scope === 'all') parts.push({ caseType: d.type });
        else if (scope === 'branch' || (scope === 'team' && !user.teamId)) parts.push({ caseType: d.type, branchId: user.branchId });
        else if (scope === 'team') parts.push({ caseType: d.type, teamId: user.teamId! });
      }
      return parts.length ? { OR: parts } : NOTHING;
    },
    clientWhere(user, caseType) {
      const scope = caseType ? scopeFor(user, caseType) : widest(user.roles.flatMap((r) => roleScopes.get(r) ?? []));
      if (scope === 'all') return {};
      return scope ? { branchId: user.branchId } : NOTHING;
    },
    clientScopeSql(user, caseType, firstParam) {
      const scope = scopeFor(user, caseType);
      if (scope === 'all') return ['TRUE', []];
      return scope ? [`cl.branch_id = $${firstParam}`, [user.branchId]] : ['FALSE', []];
    },
    staffWhere(user) {
      const scope = widest(user.roles.flatMap((r) => roleScopes.get(r) ?? []));
      return scope === 'all' || user.roles.includes(ADMIN_ROLE) ? { active: true } : { active: true, branchId: user.branchId };
    },
    clientGrant,
    clientRoles: (what) => [...clientRules.entries()].filter(([, r]) => r.scope && (what === 'read' || r[what])).map(([role]) => role),
  };
}
