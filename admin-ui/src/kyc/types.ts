import type { RaRecord } from 'react-admin';
import type { SlaState, Task } from '../types';

export interface RiskFactor {
  factor: string;
  value: unknown;
  points: number;
  note: string;
}

export interface KycReview extends RaRecord {
  id: string;
  reference: string;
  kind: string | null;
  client: { id: string; name: string; type: string; kycStatus: string; riskBand: string | null; nextReviewAt: string | null };
  status: string;
  state: string;
  riskBand: string | null;
  slaState: SlaState;
  dueAt: string | null;
  openedAt: string;
  closedAt: string | null;
  decision: string | null;
  tasks?: Task[];
  checks?: { check: string; status: string; blocking: boolean; detail: Record<string, unknown> }[];
  risk?: {
    score: number;
    band: string;
    computedBand: string;
    factors: RiskFactor[];
    floors: { band: string; reason: string }[];
    override: { band: string; reason: string; by: { name: string }; at: string } | null;
  } | null;
  hits?: { id: string; subject: string; list: string; entryName: string; score: number; decision: string | null; reason: string | null }[];
  documents?: {
    id: string;
    kind: string;
    fileName: string;
    mimeType: string;
    size: number;
    sha256: string;
    uploadedAt: string;
    expiresAt: string | null;
  }[];
  nextReview?: { caseId: string; startsAt: string } | null;
}

export interface ComplianceDashboard {
  byStep: { state: string; slaState: SlaState; count: number }[];
  byBand: { band: string | null; count: number }[];
  approvalsWaiting: number;
  overduePeriodicReviews: { count: number; clients: { id: string; name: string; riskBand: string | null; nextReviewAt: string }[] };
}
