// What a case type tells the rest of the product about itself. Each case type's folder exports one
// definition (`workflows/<case-type>/definition.ts`); the API, the activities and the console build on it.
// The engine itself knows no case type: roles, steps and references all come from here.
import type { Role } from './types';

/** Which records a role sees: its own team's, its branch's, or every branch's. */
export type Scope = 'team' | 'branch' | 'all';

export interface RoleDefinition {
  scope: Scope;
  /** may release and reassign other people's tasks of this case type */
  supervises?: boolean;
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
