// What a case type tells the rest of the product about itself. Each case type's folder exports one
// definition (`workflows/<case-type>/definition.ts`); the API, the activities and the console build on it.
// The engine itself knows no case type: roles, steps and references all come from here.
import type { Role } from './types';

/**
 * The memo every starter of a case workflow sets: the case engine's generation, which tells the workflow
 * which changes to live cases it was started with (workflows/engine/changes.ts).
 */
export const CASE_START_MEMO = { caseEngine: 3 } as const;

/** Which records a role sees: its own team's, its branch's, or every branch's. */
export type Scope = 'team' | 'branch' | 'all';

/**
 * Which clients a role sees in the CRM (client list, 360, search, leads, interactions): its own book (as
 * account manager), its team's, its branch's, its introducing-broker tree, its legal entity's, or all.
 * See api/access.ts (CLIENT_ACCESS) and docs/crm.md.
 */
export type ClientScope = 'own' | 'team' | 'branch' | 'ib_tree' | 'entity' | 'all';

/** How a role sees client data beyond which clients: masked national id, documents, edits. */
export interface ClientAccessRule {
  /** null: the role sees no client data (e.g. integrations, which only write) */
  scope: ClientScope | null;
  /** sees national ids in full (otherwise masked to the last characters) */
  nationalId?: boolean;
  /** sees the client's documents */
  documents?: boolean;
  /** edits client data (contacts, identity, tags), logs interactions, enters and merges leads */
  edits?: boolean;
  /** moves clients between account managers (book hand-over) and edits owner, branch and IB */
  supervises?: boolean;
}

export interface RoleDefinition {
  scope: Scope;
  /** may release and reassign other people's tasks of this case type */
  supervises?: boolean;
  /** the role's client-data access; default: its case scope (team counts as branch), everything visible */
  client?: ClientAccessRule;
}

export interface CaseTypeDefinition {
  /** stored in cases.type and tasks.case_type, e.g. `complaint` */
  type: string;
  /** the workflow function's name in the bundle, e.g. `complaintWorkflow` */
  workflowType: string;
  /** workflow ids are `<idPrefix>-<caseId>`, e.g. `complaint-…` */
  idPrefix: string;
  /** human references are `<referencePrefix>-<year>-<sequence>`, e.g. `CMP-2026-000123` */
  referencePrefix: string;
  /** the team (by name, in the client's branch) whose queue the case's tasks go to */
  teamName: string;
  /** the roles that work on this case type; a person with none of them does not see its cases */
  roles: Record<Role, RoleDefinition>;
  /**
   * A case type every staff member takes part in (requests between teams): the scope any person with a
   * case-type role has over it, besides the roles above. Administrators are not staff here.
   */
  everyone?: Scope;
  /** who is told at each escalation level: [level 1 (the team), level 2 (the branch)] */
  escalationRoles: [Role[], Role[]];
  /** the steps that are tasks for people */
  steps: readonly string[];
  /** every state of the case, and the statuses lists filter on */
  states: readonly string[];
  statuses: readonly string[];
  /** operator settings the case type reads (key → default) */
  settings: Record<string, number>;
}

export const defineCaseType = <T extends CaseTypeDefinition>(definition: T): T => definition;

export const workflowIdOf = (definition: Pick<CaseTypeDefinition, 'idPrefix'>, caseId: string): string =>
  `${definition.idPrefix}-${caseId}`;

/** Roles of a case type that supervise its work. */
export const supervisingRoles = (definition: Pick<CaseTypeDefinition, 'roles'>): Role[] =>
  Object.entries(definition.roles)
    .filter(([, r]) => r.supervises)
    .map(([name]) => name);
