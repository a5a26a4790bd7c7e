// The case types the API serves (registered one line each in ./registered-case-types.ts). The generic
// routes (tasks, users, access rules) learn the case types from this list.
import type { CaseTypeApi } from './cases/module';
import type { ApiDeps, Deps } from './deps';
import { createAccess } from './access';
import * as registered from './registered-case-types';

export const CASE_TYPES: CaseTypeApi[] = Object.values(registered);

/** The process's deps with the access rules and forms of the registered case types. */
export function apiDeps(deps: Deps): ApiDeps {
  const access = createAccess(CASE_TYPES.map((m) => m.definition));
  const forms = new Map(CASE_TYPES.map((m) => [m.definition.type, m.forms]));
  return { ...deps, access, formOf: (caseType, step) => forms.get(caseType)?.[step] };
}
