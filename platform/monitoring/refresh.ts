// Periodic KYC refresh in the database: which clients are due (clients.next_review_at), the overdue list,
// and a risk rise that pulls a client's review date forward. Starting the reviews (Temporal) is the
// worker's (activities/kyc-refresh).
import type pg from 'pg';
import { auditIn } from '../audit';
import { inTransaction } from '../db';
import type { Queryable } from './versions';

export interface DueClient {
  client_id: string;
  next_review_at: Date;
  risk_band: string | null;
  /** the latest finished KYC review: the next one's id derives from it (as the review itself schedules it) */
  last_case_id: string | null;
}

/** Clients whose review is due by `asOf` and who have no KYC review open, after `after` by id. */
export async function dueClients(
  db: Queryable,
  asOf: Date,
  after: string | null,
  limit: number,
  clientId: string | null = null,
): Promise<DueClient[]> {
  const { rows } = await db.query<DueClient>(
    `SELECT c.id AS client_id, c.next_review_at, c.risk_band,
            (SELECT k.id FROM cases k WHERE k.client_id = c.id AND k.type = 'kyc_review' AND k.status = 'closed' ORDER BY k.closed_at DESC NULLS LAST LIMIT 1) AS last_case_id
       FROM clients c
      WHERE c.next_review_at <= $1 AND ($2::text IS NULL OR c.id > $2) AND ($4::text IS NULL OR c.id = $4)
        AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.client_id = c.id AND k.type = 'kyc_review' AND k.status <> 'closed')
      ORDER BY c.id LIMIT $3`,
    [asOf, after, limit, clientId],
  );
  return rows;
}

export interface RiskRise {
  clientId: string;
  /** confirmed_alert | pep | country_band | sanctions_match */
  trigger: string;
  reason: string;
  actorId: string | null;
  /** an EDD flag to set on the KYC profile (the review then goes to enhanced due diligence) */
  eddFlag?: string;
}

/**
 * Pulls the client's next review to now (never later than it was) and sets the EDD flag. Audited.
 * Returns whether a review is open already (then nothing needs starting).
 */
export async function pullReviewForward(
  pool: pg.Pool,
  rise: RiskRise,
  now = new Date(),
): Promise<{ previous: Date | null; reviewOpen: boolean }> {
  return inTransaction(pool, async (db) => {
    const { rows } = await db.query<{ next_review_at: Date | null }>('SELECT next_review_at FROM clients WHERE id = $1 FOR UPDATE', [
      rise.clientId,
    ]);
    if (!rows.length) return { previous: null, reviewOpen: false };
    const previous = rows[0].next_review_at;
    await db.query('UPDATE clients SET next_review_at = LEAST(coalesce(next_review_at, $2), $2), updated_at = now() WHERE id = $1', [
      rise.clientId,
      now,
    ]);
    if (rise.eddFlag) {
      await db.query(
        `INSERT INTO kyc_profiles (client_id, edd_flags, products, updated_at) VALUES ($1, ARRAY[$2], '{}', now())
         ON CONFLICT (client_id) DO UPDATE SET edd_flags = CASE WHEN $2 = ANY(kyc_profiles.edd_flags) THEN kyc_profiles.edd_flags ELSE kyc_profiles.edd_flags || $2 END, updated_at = now()`,
        [rise.clientId, rise.eddFlag],
      );
    }
    await auditIn(db, {
      actorId: rise.actorId,
      action: 'kyc_review_pulled_forward',
      entity: 'client',
      entityId: rise.clientId,
      data: {
        trigger: rise.trigger,
        reason: rise.reason,
        previous: previous?.toISOString() ?? null,
        now: now.toISOString(),
        eddFlag: rise.eddFlag ?? null,
      },
    });
    const open = await db.query(`SELECT 1 FROM cases WHERE client_id = $1 AND type = 'kyc_review' AND status <> 'closed' LIMIT 1`, [
      rise.clientId,
    ]);
    return { previous, reviewOpen: !!open.rowCount };
  });
}

/** Overdue clients: review date passed, oldest first, with the open review if one runs. */
export async function overdueClients(db: Queryable, asOf: Date, offset: number, limit: number, branchIds: string[] | null) {
  const where = `c.next_review_at < $1 AND ($2::text[] IS NULL OR c.branch_id = ANY($2))`;
  const [{ rows }, total] = await Promise.all([
    db.query<{
      id: string;
      name: string;
      branch_id: string;
      risk_band: string | null;
      kyc_status: string;
      next_review_at: Date;
      open_case_id: string | null;
      open_case_reference: string | null;
    }>(
      `SELECT c.id, c.name, c.branch_id, c.risk_band, c.kyc_status, c.next_review_at, k.id AS open_case_id, k.reference AS open_case_reference
         FROM clients c LEFT JOIN LATERAL (SELECT id, reference FROM cases WHERE client_id = c.id AND type = 'kyc_review' AND status <> 'closed' LIMIT 1) k ON true
        WHERE ${where} ORDER BY c.next_review_at, c.id OFFSET $3 LIMIT $4`,
      [asOf, branchIds, offset, limit],
    ),
    db.query<{ n: string }>(`SELECT count(*) AS n FROM clients c WHERE ${where}`, [asOf, branchIds]),
  ]);
  return { rows, total: Number(total.rows[0].n) };
}
