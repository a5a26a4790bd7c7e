// Who sees and works leads: the roles the API allows on /api/leads (api/leads/router.ts: READ and EDIT are the
// client-data roles of api/access.ts, CLIENT_ACCESS). Every staff role reads the leads of its client scope;
// introducing brokers read their tree's leads but change nothing; integrations (web forms, partners) only post
// leads through the API, and administrators see no client data. The console offers what these allow; the API decides.
const rolesOf = (p: unknown): string[] => (p as { roles?: string[] } | undefined)?.roles ?? [];

/** Roles without client data. */
const NO_CLIENT_DATA = ['integration', 'admin'];
/** Roles that read client data but change none. */
const READ_ONLY = ['introducing_broker'];

/** Sees the leads list, a lead's page and the duplicate review queue. */
export const readsLeads = (p: unknown): boolean => rolesOf(p).some((r) => !NO_CLIENT_DATA.includes(r));

/** Creates leads by hand, merges them and settles duplicate findings. */
export const editsLeads = (p: unknown): boolean => rolesOf(p).some((r) => !NO_CLIENT_DATA.includes(r) && !READ_ONLY.includes(r));
