// Who maintains introducing brokers: the roles the API allows on POST and PATCH /api/introducing-brokers
// (api/leads/rules.ts: the roles that supervise client books, within their branches, and administrators).
// The console offers what these allow; the API decides.
import { supervisesClients } from '../clients/access';
import { isAdmin } from '../providers/permissions';

export const maintainsIbs = (p: unknown): boolean => supervisesClients(p) || isAdmin(p);
