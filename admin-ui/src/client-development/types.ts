import type { RaRecord } from 'react-admin';
import type { SlaState, Task } from '../types';

interface Person {
  id: string;
  name: string;
}

/** GET /api/client-development/:id */
export interface DevelopmentCase extends RaRecord {
  id: string;
  reference: string;
  status: string;
  state: string;
  stage: string;
  lead: Person;
  client: Person | null;
  temperature: string;
  source: string;
  campaign: string | null;
  introducingBrokerId: string | null;
  accountManager: Person | null;
  stages: Record<string, string>;
  kycCaseId: string | null;
  depositedAt: string | null;
  tradedAt: string | null;
  followUpAt: string | null;
  lostReason: string | null;
  lostNote: string | null;
  lostFrom: string | null;
  reopenCount: number;
  dueAt: string | null;
  slaState: SlaState;
  openedAt: string;
  tasks?: Task[];
}

interface FunnelStage {
  reached: number;
  conversion: number | null;
  left: number;
  avgHours: number | null;
  medianHours: number | null;
}

/** GET /api/client-development/funnel */
export interface Funnel {
  from: string;
  to: string;
  by: string;
  stages: string[];
  total: { cases: number; lost: number; stages: Record<string, FunnelStage> };
  rows: { key: string | null; name: string | null; cases: number; lost: number; stages: Record<string, FunnelStage> }[];
}
