// Who imports what: the roles the API allows on /api/imports (api/imports/router.ts). Leads: every role that edits
// client data (every staff role but introducing brokers and integrations) and admins; clients, trading accounts
// and transactions: back_office and admins. The console offers what these allow; the API decides.
import type { ImportKind } from './types';

const rolesOf = (p: unknown): string[] => (p as { roles?: string[] } | undefined)?.roles ?? [];

/** Roles that neither edit client data nor administer. */
const NO_IMPORTS = ['introducing_broker', 'integration'];

/** Import clients, accounts and transactions (back-office data loads). */
const BULK_ROLES = ['back_office', 'admin'];

/** Sees imports (their own, their branch's for supervisors, all for admins) and imports leads. */
export const imports = (p: unknown): boolean => rolesOf(p).some((r) => !NO_IMPORTS.includes(r));

/** The kinds the user may import. */
export const importsKind = (p: unknown, kind: ImportKind): boolean =>
  kind === 'leads' ? imports(p) : rolesOf(p).some((r) => BULK_ROLES.includes(r));
