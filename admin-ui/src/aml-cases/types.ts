import type { RaRecord } from 'react-admin';
import type { Alert } from '../monitoring/types';
import type { SlaState, Task } from '../types';

/** GET /api/aml-cases/:id (docs/case-types/aml-case.md). */
export interface AmlCase extends RaRecord {
  id: string;
  reference: string;
  clientId: string;
  client: { id: string; name: string };
  status: string;
  state: string;
  summary: string | null;
  priority: number;
  assignee: { id: string; name: string } | null;
  dueAt: string | null;
  slaState: SlaState;
  openedAt: string;
  closedAt: string | null;
  alertIds: string[];
  scenarios: string[];
  findings: string | null;
  decision: string | null;
  decisionReason: string | null;
  closure: string | null;
  sarReference: string | null;
  reopenCount: number;
  alerts?: Alert[];
  tasks?: Task[];
}

/** GET /api/aml-cases/:id/sar: the report (before a draft is stored, the narrative generated now, `preview`). */
export interface Sar {
  status: string;
  narrative: string;
  generatedNarrative: string;
  preparedBy: { id: string; name: string } | null;
  submittedAt: string | null;
  approvedBy: { id: string; name: string } | null;
  approvedAt: string | null;
  filedAt: string | null;
  filingReference: string | null;
  preview: boolean;
}

/** The case's attributes on its tasks (task.case.attributes). */
export interface AmlAttributes {
  alertIds?: string[];
  scenarios?: string[];
  findings?: string;
  decision?: string;
  decisionReason?: string;
  closure?: string;
  sarReference?: string;
  reopenCount?: number;
}
