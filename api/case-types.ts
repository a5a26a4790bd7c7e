// Every case type's API: one line per case type. The generic routes (tasks, dashboards, access rules)
// learn the case types from this list.
import type { CaseTypeApi } from './cases/module';
import type { ApiDeps, Deps } from './deps';
import { createAccess } from './access';
import { complaintApi } from './complaints';
import { kycApi } from './kyc';

export const CASE_TYPES: CaseTypeApi[] = [complaintApi, kycApi];

/** The process's deps with the access rules and forms of the registered case types. */
export function apiDeps(deps: Deps): ApiDeps {
  const access = createAccess(CASE_TYPES.map((m) => m.definition));
  const forms = new Map(CASE_TYPES.map((m) => [m.definition.type, m.forms]));
  return { ...deps, access, formOf: (caseType, step) => forms.get(caseType)?.[step] };
}
