import type { RaRecord } from 'react-admin';
import type { SlaState, Task } from '../types';

export interface InternalRequest extends RaRecord {
  id: string;
  reference: string;
  client: { id: string; name: string };
  status: string;
  state: string;
  kind: string;
  subject: string;
  details: string;
  urgent: boolean;
  team: { id: string; name: string };
  requestedBy: { id: string; name: string };
  question: string | null;
  answer: string | null;
  reply: string | null;
  declineReason: string | null;
  dueAt: string | null;
  slaState: SlaState;
  openedAt: string;
  tasks?: Task[];
}
