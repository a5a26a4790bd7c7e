import type { RaRecord } from 'react-admin';

/** A transaction as an alert's evidence records it (amounts as decimal strings). */
export interface EvidenceTransaction {
  id: string;
  externalId?: string;
  type?: string;
  method?: string;
  status?: string;
  amount?: string;
  currency?: string;
  usdAmount?: string;
  bookedAt?: string;
  counterpartyName?: string | null;
  counterpartyCountry?: string | null;
}

/** Why an alert fired: the red flag, the band and parameters used, what was computed, the transactions. */
export interface Evidence {
  scenario?: string;
  scenarioName?: string;
  redFlag?: string;
  version?: number;
  band?: string | null;
  thresholds?: Record<string, unknown> | null;
  aggregates?: Record<string, unknown> | null;
  currency?: string;
  window?: { start: string; end: string };
  anchorTransactionId?: string;
  transactions?: EvidenceTransaction[];
}

/** GET /api/alerts (docs/monitoring.md). */
export interface Alert extends RaRecord {
  id: string;
  scenario: string;
  scenarioName: string;
  scenarioVersion: number;
  scenarioVersionId: string;
  clientId: string;
  clientName: string | null;
  status: string;
  source: string;
  caseId: string | null;
  caseReference: string | null;
  windowStart: string;
  windowEnd: string;
  transactionIds: string[];
  evidence: Evidence;
  /** the red flag as a message code and parameters (GET /api/alerts); `text`: English */
  redFlag?: { code: string; params: Record<string, unknown>; text: string } | null;
  sweepId: string | null;
  createdAt: string;
}

export interface ScenarioVersion {
  id: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  parameters: { default: Record<string, unknown>; bands?: Record<string, Record<string, unknown>> };
  note: string | null;
  createdAt: string;
  publishedAt: string | null;
  retiredAt: string | null;
}

/** A JSON Schema node of a parameter (what GET /api/monitoring/scenarios gives as parametersSchema). */
export interface ParamSchema {
  type?: string;
  minimum?: number;
  maximum?: number;
  items?: { enum?: string[] };
  enum?: string[];
}

export interface Scenario {
  id: string;
  name: string;
  template: string;
  execution: string;
  description: string;
  enabled: boolean;
  inForce: ScenarioVersion | null;
  draft: ScenarioVersion | null;
  parametersSchema: { properties?: { default?: { properties?: Record<string, ParamSchema>; required?: string[] } } } | null;
  versions?: ScenarioVersion[];
}

export interface BacktestResult {
  versions: { versionId: string; version: number | null; alerts: number; clients: number }[];
  both: number | null;
  onlyDraft: { count: number; sample: { clientId: string; windowKey: string; windowStart: string; windowEnd: string }[] } | null;
  onlyPublished: { count: number; sample: { clientId: string; windowKey: string; windowStart: string; windowEnd: string }[] } | null;
}

export interface Sweep {
  id: string;
  kind: string;
  status: 'running' | 'completed' | 'failed';
  versionIds: string[];
  progress: { percent: number };
  result: BacktestResult | null;
  error: string | null;
}

/** GET /api/kyc-refresh/overdue (id: the client's, added by the data provider). */
export interface OverdueClient extends RaRecord {
  clientId: string;
  name: string;
  branchId: string;
  riskBand: string | null;
  kycStatus: string;
  nextReviewAt: string;
  daysOverdue: number;
  openReview: { id: string; reference: string } | null;
}

/** GET /api/monitoring/snoozes: no alert of the scenario (every scenario when null) for the client until `until`. */
export interface Snooze {
  id: string;
  clientId: string;
  scenarioId: string | null;
  until: string;
  reason: string;
  createdById: string;
  createdAt: string;
  liftedAt: string | null;
  liftedById: string | null;
}

/** GET /api/monitoring/whitelist: a counterparty of a client that raises no third-party or jurisdiction alert. */
export interface WhitelistEntry {
  id: string;
  clientId: string;
  counterpartyName: string;
  reason: string;
  expiresAt: string | null;
  createdById: string;
  createdAt: string;
}

export type RunStatus = 'running' | 'completed' | 'failed';

/** GET /api/monitoring/sweeps/:id (a sweep of the rules, scheduled or on demand). */
export interface SweepRun {
  id: string;
  kind: string;
  status: RunStatus;
  from: string;
  to: string;
  clientIds: string[] | null;
  progress: { clientsDone: number; totalClients: number; batchesDone: number; percent: number };
  alertsCreated: number;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

/** GET /api/monitoring/rescreens/:id. */
export interface RescreenRun {
  id: string;
  kind: 'delta' | 'full';
  versionId: string | null;
  status: RunStatus;
  progress: { done: number; total: number; percent: number };
  matchesNew: number;
  matchesWithdrawn: number;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

/** GET /api/kyc-refresh/runs/:id. */
export interface KycRefreshRun {
  id: string;
  asOf: string;
  status: RunStatus;
  started: number;
  alreadyOpen: number;
  startedAt: string;
  finishedAt: string | null;
}
