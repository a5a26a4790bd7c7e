// Who may do what with client data beyond reading it, as the API decides it (api/access.ts, CLIENT_ACCESS): whether a
// user may edit a given client comes with the client itself (the 360's `mayEdit`); the owner fields (account manager,
// branch, introducing broker) only roles that supervise client books change. The console offers what these allow;
// the API decides.
const rolesOf = (p: unknown): string[] => (p as { roles?: string[] } | undefined)?.roles ?? [];

/** Roles that supervise client books (CLIENT_ACCESS `supervises`). */
const SUPERVISING = ['supervisor', 'branch_manager', 'entity_manager'];

/** Changes a client's account manager, branch and introducing broker. */
export const supervisesClients = (p: unknown): boolean => rolesOf(p).some((r) => SUPERVISING.includes(r));

/** Roles without client data (integrations post through the API; administrators need not know). */
const NO_CLIENT_DATA = ['integration', 'admin'];

/** Reads client data: the client list and the cross-client lists of interactions, accounts and transactions. */
export const readsClientData = (p: unknown): boolean => rolesOf(p).some((r) => !NO_CLIENT_DATA.includes(r));
