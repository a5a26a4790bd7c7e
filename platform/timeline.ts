import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { CaseEventInput } from '../workflows/engine/types';

export type { CaseEventInput };

/** Stable JSON: keys sorted, so the hash of an event does not depend on property order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function eventHash(prevHash: string | null, e: Omit<CaseEventInput, 'key'>): string {
  return createHash('sha256')
    .update(`${prevHash ?? ''}|${canonicalJson({ caseId: e.caseId, type: e.type, actorId: e.actorId, at: e.at, data: e.data })}`)
    .digest('hex');
}

/**
 * Appends events to their cases' hash chains inside the caller's transaction. Idempotent by key:
 * an activity retried after a lost acknowledgement writes nothing twice.
 */
export async function appendEvents(client: pg.PoolClient, events: CaseEventInput[]): Promise<void> {
  for (const e of events) {
    // serialises writers of one case so the chain has no forks
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [e.caseId]);
    const seen = await client.query('SELECT 1 FROM case_events WHERE key = $1', [e.key]);
    if (seen.rowCount) continue;
    const prev = await client.query<{ hash: string }>('SELECT hash FROM case_events WHERE case_id = $1 ORDER BY id DESC LIMIT 1', [
      e.caseId,
    ]);
    const prevHash = prev.rows[0]?.hash ?? null;
    await client.query(
      `INSERT INTO case_events (case_id, key, type, actor_id, at, data, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [e.caseId, e.key, e.type, e.actorId, new Date(e.at), JSON.stringify(e.data), prevHash, eventHash(prevHash, e)],
    );
  }
}

/** Recomputes a case's chain; returns the id of the first event that does not match, or null. */
export async function verifyChain(pool: pg.Pool, caseId: string): Promise<string | null> {
  const { rows } = await pool.query<{
    id: string;
    case_id: string;
    type: string;
    actor_id: string | null;
    at: Date;
    data: Record<string, unknown>;
    prev_hash: string | null;
    hash: string;
  }>('SELECT id, case_id, type, actor_id, at, data, prev_hash, hash FROM case_events WHERE case_id = $1 ORDER BY id', [caseId]);
  let prev: string | null = null;
  for (const r of rows) {
    const expected = eventHash(prev, { caseId: r.case_id, type: r.type, actorId: r.actor_id, at: r.at.getTime(), data: r.data });
    if (r.prev_hash !== prev || r.hash !== expected) return r.id;
    prev = r.hash;
  }
  return null;
}
