import type pg from 'pg';
import { LIVE_CHANNEL } from '../../platform/live';

/** Which sessions ended: by token hash (logout) or every session of a user (logout everywhere, 2FA reset). */
export type SessionsEnded = { kind: 'session_ended'; tokenHashes: string[] } | { kind: 'session_ended'; userId: string };

/**
 * Tells every API replica (each LISTENs on LIVE_CHANNEL) that sessions ended, so each disconnects the
 * sockets those sessions opened on it.
 */
export async function announceSessionsEnded(pool: pg.Pool, ended: { tokenHashes: string[] } | { userId: string }): Promise<void> {
  const msg: SessionsEnded = { kind: 'session_ended', ...ended };
  await pool.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, JSON.stringify(msg)]);
}
