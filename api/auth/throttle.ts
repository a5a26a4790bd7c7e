// Login throttling: counters in `login_attempts`, changed under row locks so parallel guesses all count.
//
// Three counters per try, each with its own allowance of failures within an hour:
//   acct-ip:<e-mail>|<address>  LOGIN_MAX_FAILURES              one address guessing one account
//   ip:<address>                LOGIN_MAX_FAILURES_PER_ADDRESS  one address guessing many accounts
//   acct:<e-mail>               LOGIN_MAX_FAILURES_PER_ACCOUNT  many addresses guessing one account; not
//                                                               counted from an address the account logged
//                                                               in from in the last 30 days (`known:`)
// Past its allowance a counter makes the next try wait 1 s, then 2 s, 4 s, ... up to
// LOGIN_BACKOFF_MAX_MINUTES: a delay, not a lock. Someone guessing from elsewhere cannot keep the owner
// out, because the owner's own address is counted apart. Counters are keyed by the e-mail as typed, so
// an e-mail without an account is answered exactly like one with an account.
//
// A try is counted when it starts (reserved) and refunded when it succeeds: twenty parallel guesses
// take twenty places, not one.
import type pg from 'pg';
import type { Env } from '../../platform/env';
import { inTransaction } from '../../platform/db';

const WINDOW_SECONDS = 3600;
const KNOWN_DAYS = 30;

interface Counter {
  key: string;
  limit: number;
}

export interface Ticket {
  email: string;
  ip: string;
  counters: Counter[];
}

export type Reservation = { ok: true; ticket: Ticket } | { ok: false; retryAfterSeconds: number };

export interface LoginThrottle {
  /** Counts a try before the password is checked; refuses it while any of its counters waits. */
  reserve(email: string, ip: string): Promise<Reservation>;
  /** The try was no failure (a right password, a second factor still to come): give back its places. */
  refund(ticket: Ticket): Promise<void>;
  /** The login succeeded: give back its places, forget this address's failures for the account, remember the address. */
  succeeded(ticket: Ticket): Promise<void>;
}

export function createLoginThrottle(pool: pg.Pool, env: Env): LoginThrottle {
  const maxDelaySeconds = Math.max(1, Math.round(env.LOGIN_BACKOFF_MAX_MINUTES * 60));
  const knownKey = (email: string, ip: string) => `known:${email}|${ip}`;

  async function giveBack(ticket: Ticket, succeeded: boolean): Promise<void> {
    const keys = ticket.counters.map((c) => c.key);
    await inTransaction(pool, async (client) => {
      // the same lock order as reserve()
      await client.query(`SELECT 1 FROM login_attempts WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE`, [keys]);
      await client.query(
        `UPDATE login_attempts a
            SET failures = greatest(a.failures - 1, 0),
                blocked_until = CASE WHEN a.failures - 1 < v.lim THEN NULL ELSE a.blocked_until END
           FROM unnest($1::text[], $2::int[]) AS v(key, lim)
          WHERE a.key = v.key`,
        [keys, ticket.counters.map((c) => c.limit)],
      );
      if (!succeeded) return;
      await client.query(`DELETE FROM login_attempts WHERE key = $1`, [keys.find((k) => k.startsWith('acct-ip:'))]);
      await client.query(
        `INSERT INTO login_attempts (key, updated_at) VALUES ($1, now()) ON CONFLICT (key) DO UPDATE SET updated_at = now()`,
        [knownKey(ticket.email, ticket.ip)],
      );
    });
  }

  return {
    async reserve(email, ip) {
      const known = await pool.query(`SELECT 1 FROM login_attempts WHERE key = $1 AND updated_at > now() - make_interval(days => $2)`, [
        knownKey(email, ip),
        KNOWN_DAYS,
      ]);
      const counters: Counter[] = [
        { key: `acct-ip:${email}|${ip}`, limit: env.LOGIN_MAX_FAILURES },
        { key: `ip:${ip}`, limit: env.LOGIN_MAX_FAILURES_PER_ADDRESS },
        ...(known.rowCount ? [] : [{ key: `acct:${email}`, limit: env.LOGIN_MAX_FAILURES_PER_ACCOUNT }]),
      ].sort((a, b) => (a.key < b.key ? -1 : 1)); // one lock order for every transaction
      const keys = counters.map((c) => c.key);
      const limits = counters.map((c) => c.limit);

      return inTransaction(pool, async (client) => {
        await client.query(`INSERT INTO login_attempts (key) SELECT unnest($1::text[]) ON CONFLICT (key) DO NOTHING`, [keys]);
        const { rows } = await client.query<{ wait: number | null }>(
          `SELECT ceil(extract(epoch FROM (blocked_until - now())))::int AS wait
             FROM login_attempts WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE`,
          [keys],
        );
        const wait = Math.max(0, ...rows.map((r) => r.wait ?? 0));
        if (wait > 0) return { ok: false as const, retryAfterSeconds: wait };
        // Count this try; a counter that reaches its allowance makes the next try wait 2^(n - allowance) s.
        await client.query(
          `WITH v AS (SELECT * FROM unnest($1::text[], $2::int[]) AS v(key, lim)),
                n AS (
                  SELECT a.key, v.lim, a.window_start < now() - make_interval(secs => $3) AS stale, a.failures
                    FROM login_attempts a JOIN v USING (key))
           UPDATE login_attempts a
              SET failures = CASE WHEN n.stale THEN 1 ELSE a.failures + 1 END,
                  window_start = CASE WHEN n.stale THEN now() ELSE a.window_start END,
                  blocked_until = CASE
                    WHEN (CASE WHEN n.stale THEN 1 ELSE a.failures + 1 END) >= n.lim
                    THEN now() + make_interval(secs => least(power(2, least((CASE WHEN n.stale THEN 1 ELSE a.failures + 1 END) - n.lim, 30)), $4))
                    ELSE NULL END,
                  updated_at = now()
             FROM n WHERE a.key = n.key`,
          [keys, limits, WINDOW_SECONDS, maxDelaySeconds],
        );
        return { ok: true as const, ticket: { email, ip, counters } };
      });
    },

    refund: (ticket) => giveBack(ticket, false),
    succeeded: (ticket) => giveBack(ticket, true),
  };
}
