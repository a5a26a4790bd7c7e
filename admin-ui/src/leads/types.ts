// A lead as GET /api/leads and GET /api/leads/:id answer it (api/leads/router.ts, LeadSchema).
export interface DuplicateFinding {
  /** the other lead's or client's id */
  id: string;
  kind: 'lead' | 'client';
  reason: 'email' | 'phone' | 'name_dob';
  score: number;
  /** on one lead: open, merged or dismissed (lists hold the open ones only) */
  status?: string;
  /** name findings: the matcher's explanation and the other record's name */
  detail?: { summary: string; matchedName: string };
}

export interface Lead {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  country: string | null;
  language: string | null;
  dateOfBirth: string | null;
  source: string;
  campaign: string | null;
  ib: string | null;
  utm: { source: string | null; medium: string | null; campaign: string | null; term: string | null; content: string | null };
  status: string;
  temperature: string;
  branchId: string | null;
  accountManagerId: string | null;
  accountManagerName?: string | null;
  assignedAt: string | null;
  duplicateOf: { id: string; kind: string } | null;
  /** on one lead: `name` when the user may see that lead or client, else null (the id only) */
  mergedInto: { id: string; kind: string; name?: string | null } | null;
  clientId: string | null;
  /** on one lead: the branch's, the introducing broker's and (in scope) the client's names */
  branchName?: string | null;
  ibName?: string | null;
  clientName?: string | null;
  lostReason: string | null;
  createdAt: string;
  duplicates: DuplicateFinding[];
}

/** What POST /api/leads answers (201): the lead, every duplicate found, and how it was assigned. */
export interface CreatedLead extends Lead {
  assignment: { assigneeId: string | null; ruleId: string | null; reason: string; startsAt?: string };
}

export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'converted', 'lost', 'merged'] as const;
export const TEMPERATURES = ['hot', 'warm', 'cold'] as const;
