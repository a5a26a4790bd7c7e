import { post } from '../providers/dataProvider';

export const leadPath = (id: string) => `/leads/${encodeURIComponent(id)}/show`;
export const clientPath = (id: string) => `/clients/${encodeURIComponent(id)}/show`;
export const recordPath = (kind: string, id: string) => (kind === 'client' ? clientPath(id) : leadPath(id));

/** POST /api/leads/:id/merge: the lead ends merged into the other lead or the client. */
export const mergeLead = async (leadId: string, into: { kind: string; id: string }) =>
  (await post(`/leads/${encodeURIComponent(leadId)}/merge`, { into })).json as {
    merged: string;
    into: { kind: string; id: string };
    filled: string[];
  };

/** POST /api/leads/:id/not-duplicate: settles the findings about one lead or client as not duplicates. */
export const dismissDuplicate = async (leadId: string, other: { kind: string; id: string }) =>
  (await post(`/leads/${encodeURIComponent(leadId)}/not-duplicate`, other)).json as { dismissed: number };
