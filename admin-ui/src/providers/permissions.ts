// What the signed-in user may do, as the API tells it (react-admin's permissions): their roles, and the case
// types they take part in with their scope and whether they supervise its work (GET /api/case-types). The
// console offers what these allow; the API decides.
import { usePermissions } from 'react-admin';

export interface CaseTypeAccess {
  type: string;
  resource: string;
  referencePrefix: string;
  steps: string[];
  states: string[];
  statuses: string[];
  scope: 'team' | 'branch' | 'all';
  supervises: boolean;
}

export interface Permissions {
  roles: string[];
  caseTypes: CaseTypeAccess[];
}

const ADMIN = 'admin';

const caseTypesOf = (p: unknown): CaseTypeAccess[] => (p as Permissions | undefined)?.caseTypes ?? [];

/** Takes part in the case type (holds one of its roles, or it is one every staff member takes part in). */
export const takesPart = (p: unknown, caseType: string): boolean => caseTypesOf(p).some((t) => t.type === caseType);

/** Supervises the case type's work (reassigns, releases others' tasks); without a case type: any. */
export const supervises = (p: unknown, caseType?: string): boolean =>
  caseTypesOf(p).some((t) => t.supervises && (caseType === undefined || t.type === caseType));

/** Administers the system (incidents, SLA policies, settings): decides no case by that role. */
export const isAdmin = (p: unknown): boolean => ((p as Permissions | undefined)?.roles ?? []).includes(ADMIN);

/** react-admin's usePermissions, typed. */
export const usePerms = () => {
  const { permissions, isPending } = usePermissions<Permissions>();
  return { permissions, isPending };
};
