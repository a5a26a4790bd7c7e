// Who sees imports in the menu: the roles the API allows on /api/imports (api/imports/router.ts), that is every role
// that edits client data (every staff role but introducing brokers and integrations) and admins. The kinds offered
// on New import are those GET /api/imports/kinds gives the user (clients, trading accounts and transactions:
// back_office and admins); the API decides.

const rolesOf = (p: unknown): string[] => (p as { roles?: string[] } | undefined)?.roles ?? [];

/** Roles that neither edit client data nor administer. */
const NO_IMPORTS = ['introducing_broker', 'integration'];

/** Sees imports (their own, their branch's for supervisors, all for admins) and imports leads. */
export const imports = (p: unknown): boolean => rolesOf(p).some((r) => !NO_IMPORTS.includes(r));
