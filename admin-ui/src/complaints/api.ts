// The complaint API calls beyond react-admin's list/show/create (docs/api.md).
import type { Identifier } from 'react-admin';
import { http, post } from '../providers/dataProvider';
import type { Complaint, Dashboard } from '../types';

const id = (value: Identifier) => encodeURIComponent(String(value));

export const complaintApi = {
  dashboard: async (from: string, to: string): Promise<Dashboard> =>
    (await http(`/dashboard/complaints?${new URLSearchParams({ from, to })}`)).json,
  addComment: async (caseId: Identifier, text: string) => {
    await post(`/complaints/${id(caseId)}/comments`, { text });
  },
  recordClientResponse: async (caseId: Identifier, note: string): Promise<Complaint> =>
    (await post(`/complaints/${id(caseId)}/client-response`, { note })).json,
  reopen: async (caseId: Identifier, reason: string): Promise<Complaint> =>
    (await post(`/complaints/${id(caseId)}/reopen`, { reason })).json,
};
