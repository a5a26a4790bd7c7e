// Who imports: the roles the API allows on /api/imports. The console offers what these allow; the API decides.
const rolesOf = (p: unknown): string[] => (p as { roles?: string[] } | undefined)?.roles ?? [];

export const IMPORT_ROLES = ['supervisor', 'branch_manager', 'entity_manager', 'admin'] as const;

/** Sees the imports and starts them. */
export const imports = (p: unknown): boolean => rolesOf(p).some((r) => (IMPORT_ROLES as readonly string[]).includes(r));
