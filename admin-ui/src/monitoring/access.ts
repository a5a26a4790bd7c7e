// Who sees the monitoring screens: the roles the API allows (api/monitoring/roles.ts, api/monitoring/kyc-refresh.ts).
// The console offers what these allow; the API decides.
const rolesOf = (p: unknown): string[] => (p as { roles?: string[] } | undefined)?.roles ?? [];
const anyOf = (roles: readonly string[]) => (p: unknown) => rolesOf(p).some((r) => roles.includes(r));

/** Alerts, scenarios and backtests are read by AML staff; administrators read what they may post. */
export const readsMonitoring = anyOf(['aml_analyst', 'mlro', 'compliance_manager', 'admin']);
/** Scenario drafts, publication and backtests. */
export const editsRules = anyOf(['compliance_manager']);
/** The KYC refresh overdue list. */
export const readsOverdue = anyOf(['kyc_officer', 'senior_compliance_officer', 'compliance_manager', 'mlro']);
/** Snoozes and whitelisted counterparties: MLRO and compliance managers (others read them). */
export const suppresses = anyOf(['mlro', 'compliance_manager']);
/** On-demand sweeps and re-screens. */
export const startsRuns = anyOf(['mlro', 'compliance_manager', 'admin']);
/** The KYC refresh runs list (GET /api/kyc-refresh/runs; of those who see the runs page, MLRO besides the starters). */
export const readsKycRefreshRuns = anyOf(['kyc_officer', 'senior_compliance_officer', 'compliance_manager', 'mlro', 'admin']);
/** A KYC refresh run now (as the daily schedule does). */
export const startsKycRefresh = anyOf(['compliance_manager', 'admin']);
