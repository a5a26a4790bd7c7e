// CRM test data on top of the demo reference data: clients in several scripts, accounts, documents and
// users of each client-data role.
import type pg from 'pg';
import { hashPassword } from '../../api/auth/router';
import { DEMO_PASSWORD } from '../../prisma/seed';
import { insertClient, type NewClient } from '../../platform/crm/clients';

export async function addUser(
  pool: pg.Pool,
  u: { id: string; email: string; name?: string; roles: string[]; branchId: string; teamId?: string | null; ibId?: string | null },
): Promise<void> {
  await pool.query(
    `INSERT INTO users (id, email, name, password_hash, roles, team_id, branch_id, ib_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [u.id, u.email, u.name ?? u.id, await hashPassword(DEMO_PASSWORD), u.roles, u.teamId ?? null, u.branchId, u.ibId ?? null],
  );
}

export const addClient = (pool: pg.Pool, c: NewClient) => insertClient(pool, c);

export async function addAccount(
  pool: pg.Pool,
  a: { id: string; clientId: string; platform?: string; login: string; currency?: string },
): Promise<void> {
  await pool.query(
    `INSERT INTO trading_accounts (id, client_id, platform, login, currency, leverage, balance, equity) VALUES ($1, $2, $3, $4, $5, 30, 1000, 1000)`,
    [a.id, a.clientId, a.platform ?? 'mt5', a.login, a.currency ?? 'USD'],
  );
}

export async function addDocument(pool: pg.Pool, d: { clientId: string; number: string; caseId?: string }): Promise<void> {
  await pool.query(
    `INSERT INTO kyc_documents (id, case_id, client_id, kind, doc_type, file_name, mime_type, size, sha256, content, number, uploaded_by_id)
     VALUES (gen_random_uuid(), $1, $2, 'identity', 'passport', 'passport.pdf', 'application/pdf', 3, 'x', '\\x000102', $3, 'u-kyc1')`,
    [d.caseId ?? 'no-case', d.clientId, d.number],
  );
}

/** Sets a branch's calendar so that `now` is inside (or outside) its working hours. */
export async function setHours(pool: pg.Pool, branchId: string, open: boolean, timezone = 'UTC'): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  await pool.query(
    `UPDATE branches SET timezone = $2, workdays = '{1,2,3,4,5,6,7}', work_start = '00:00', work_end = '24:00', holidays = $3 WHERE id = $1`,
    [branchId, timezone, open ? [] : [today]],
  );
}

/** Leads as a CSV with one of each kind of row an import meets: valid, no first name, a bad phone, the same e-mail or phone
 * as an earlier line, a client's e-mail, an empty line and a quoted comma. */
export const MIXED_LEADS_CSV = [
  'First Name,last_name,Email,Phone,Country,temperature,Date of birth',
  'Maya,Okafor,maya.okafor@example.org,07700 900411,GB,hot,1988-02-03',
  'Tom,Reyes,tom.reyes@example.org,,GB,,',
  ',Nameless,nameless@example.org,,GB,,',
  'Bad,Phone,bad.phone@example.org,12,GB,,',
  'Maya,Okafor-Smith,MAYA.OKAFOR@example.org,,GB,,',
  'Same,Phone,same.phone@example.org,+44 7700 900411,,,',
  'Olly,Client,c-1001@clients.example.com,,GB,lukewarm,',
  '',
  '"Quoted, Name",Line,quoted@example.org,,GB,,',
].join('\n');
