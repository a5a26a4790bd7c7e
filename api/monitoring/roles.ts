import type { Role } from '../../workflows/engine/types';

/** Who does what in monitoring (the AML case type declares aml_analyst and mlro). */
export const FEED: Role[] = ['compliance_manager', 'mlro', 'admin', 'integration'];
/** Alerts, scenarios, sweeps and suppressions are read by AML staff; admin reads what it may post. */
export const READERS: Role[] = ['aml_analyst', 'mlro', 'compliance_manager', 'admin'];
/** Scenario parameters, versions and backtests. */
export const RULE_EDITORS: Role[] = ['compliance_manager'];
/** Snoozes, whitelist, on-demand sweeps and re-screens. */
export const OPERATORS: Role[] = ['mlro', 'compliance_manager'];
