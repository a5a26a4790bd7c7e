// The client 360 as GET /api/clients/:id answers it (api/clients/views.ts, Client360Schema). Before the 360
// arrives the page may hold the list's row: every part beyond the list's fields is optional here.
export interface ClientDocument {
  id: string;
  kind: string;
  docType: string | null;
  fileName: string;
  number: string | null;
  expiresAt: string | null;
}

export interface TradingAccount {
  id: string;
  platform: string;
  login: string;
  currency: string;
  leverage: number | null;
  balance: string;
  equity: string;
  marginLevel: string | null;
  status: string;
}

export interface CurrencySummary {
  currency: string;
  trades: number;
  volume: string;
  pnl: string;
  deposits: string;
  withdrawals: string;
  lastTradeAt: string | null;
}

export interface Transaction {
  id: string;
  type: string;
  amount: string;
  currency: string;
  method: string | null;
  status: string;
  bookedAt: string;
}

export interface OpenCase {
  id: string;
  caseType: string;
  reference: string;
  state: string;
  status: string;
  summary: string | null;
  assigneeId: string | null;
  dueAt: string | null;
}

export interface OpenTask {
  id: string;
  caseId: string;
  caseType: string;
  step: string;
  status: string;
  assigneeId: string | null;
  dueAt: string;
}

export interface TimelineItem {
  id: string;
  at: string;
  source: 'interaction' | 'case' | 'audit';
  type: string;
  actor: { id: string; name: string } | null;
  caseId: string | null;
  caseType: string | null;
  reference: string | null;
  data: Record<string, unknown>;
}

export interface RelatedPerson {
  id: string;
  role: string;
  firstName: string | null;
  lastName: string | null;
  name: string;
  dateOfBirth: string | null;
  nationality: string | null;
  sharePercent: number | null;
}

export interface ClientContact {
  kind: 'email' | 'phone';
  value: string;
  normalized: string;
  label: string | null;
  primary: boolean;
}

export interface Client360 {
  id: string;
  name: string;
  type?: string;
  firstName?: string | null;
  lastName?: string | null;
  legalName?: string | null;
  registrationNumber?: string | null;
  dateOfBirth?: string | null;
  nationality?: string | null;
  country?: string | null;
  language?: string | null;
  segment?: string | null;
  contacts?: ClientContact[];
  branch?: { id: string; name: string };
  accountManager?: { id: string; name: string } | null;
  tier?: string;
  tags?: string[];
  nationalId: string | null;
  /** null: the user's role does not see documents */
  documents?: ClientDocument[] | null;
  masked?: ('nationalId' | 'documents')[];
  kyc?: { status: string; riskBand: string | null; nextReviewAt: string | null };
  introducingBroker?: { id: string; name: string } | null;
  relatedPersons?: RelatedPerson[];
  accounts?: TradingAccount[];
  tradingSummary?: { byCurrency: CurrencySummary[]; lastTradeAt: string | null };
  transactions?: { items: Transaction[]; total: number };
  openCases?: OpenCase[];
  openTasks?: OpenTask[];
  timeline?: TimelineItem[];
  /** the user may edit the client and log interactions with it */
  mayEdit?: boolean;
}
