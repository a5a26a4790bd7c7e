// The leads list's filters (GET /api/leads and its CSV export): one reading of the filter and one SQL for both,
// so the export holds exactly what the list selects.
import { z } from 'zod';
import { searchNameOf } from '../../platform/crm/names';
import { phoneQuery } from '../../platform/crm/phones';
import { scopeSql, type ClientScopeSet } from '../clients/scope';

export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'converted', 'lost', 'merged'] as const;

export const LeadFilter = z
  .object({
    q: z.string().max(200).optional(),
    /** true: the duplicate review queue (leads with open findings) */
    duplicate: z.boolean().optional(),
    /** false: leads nobody is assigned to */
    assigned: z.boolean().optional(),
    status: z.enum(LEAD_STATUSES).optional(),
    accountManagerId: z.string().max(100).optional(),
    branchId: z.string().max(100).optional(),
    source: z.string().max(60).optional(),
    campaign: z.string().max(120).optional(),
    ib: z.string().max(100).optional(),
    id: z.array(z.string()).max(200).optional(),
  })
  .strict();
export type LeadFilter = z.infer<typeof LeadFilter>;

export const LEAD_SORTS = ['createdAt', 'lastName'] as const;
export type LeadSort = [(typeof LEAD_SORTS)[number], 'ASC' | 'DESC'];

/** The filter as SQL over leads `l`, the user's scope first; `params` receives the values. */
export function leadFilterSql(scope: ClientScopeSet, f: LeadFilter, params: unknown[]): string {
  const where = [scopeSql(scope, 'l', params)];
  const add = (clause: (n: string) => string, v: unknown) => {
    params.push(v);
    where.push(clause(`$${params.length}`));
  };
  if (f.status) add((n) => `l.status = ${n}`, f.status);
  if (f.accountManagerId) add((n) => `l.account_manager_id = ${n}`, f.accountManagerId);
  if (f.branchId) add((n) => `l.branch_id = ${n}`, f.branchId);
  if (f.source) add((n) => `l.source = ${n}`, f.source);
  if (f.campaign) add((n) => `l.campaign = ${n}`, f.campaign);
  if (f.ib) add((n) => `l.introducing_broker_id = ${n}`, f.ib);
  if (f.id) add((n) => `l.id::text = ANY(${n}::text[])`, f.id);
  if (f.assigned !== undefined) where.push(`l.account_manager_id IS ${f.assigned ? 'NOT ' : ''}NULL`);
  if (f.duplicate !== undefined) {
    where.push(`${f.duplicate ? '' : 'NOT '}EXISTS (SELECT 1 FROM lead_duplicates d WHERE d.lead_id = l.id AND d.status = 'open')`);
  }
  if (f.q?.trim()) {
    const q = f.q.trim();
    const parts: string[] = [];
    if (q.includes('@')) {
      params.push(q.toLowerCase());
      parts.push(`l.email_norm = $${params.length}`);
    }
    const phone = phoneQuery(q, []);
    if (phone) {
      params.push(phone.e164, phone.national);
      parts.push(`l.phone_e164 = ANY($${params.length - 1}::text[]) OR l.phone_national = ANY($${params.length}::text[])`);
    }
    if (/\p{L}/u.test(q)) {
      params.push(searchNameOf(q));
      parts.push(`$${params.length} <% l.search_name`);
    }
    where.push(parts.length ? `(${parts.join(' OR ')})` : 'FALSE');
  }
  return where.join(' AND ');
}

/** ORDER BY of a sort, ties broken by id. */
export const leadOrderSql = ([field, dir]: LeadSort): string =>
  `${field === 'lastName' ? 'l.last_name' : 'l.created_at'} ${dir === 'ASC' ? 'ASC' : 'DESC'}, l.id`;
