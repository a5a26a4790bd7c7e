import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { PrismaClient } from '@prisma/client';
import type { Role } from '../../workflows/engine/types';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  /** the first of `roles`, shown as the person's role */
  role: Role;
  /** every role the person holds; access checks use these */
  roles: Role[];
  teamId: string | null;
  branchId: string;
  locale: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    user?: SessionUser;
  }
}

// Only the hash of a token is stored: a leaked sessions table gives no working tokens.
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const newToken = () => randomBytes(32).toString('base64url');

export async function createSession(
  prisma: PrismaClient,
  userId: string,
  ttlHours: number,
  opts: { enrolmentOnly?: boolean } = {},
): Promise<{ token: string; tokenHash: string; expiresAt: Date }> {
  const token = newToken();
  const tokenHash = hashToken(token);
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  await prisma.session.create({ data: { tokenHash, userId, expiresAt, enrolmentOnly: opts.enrolmentOnly ?? false } });
  return { token, tokenHash, expiresAt };
}

export interface ActiveSession {
  user: SessionUser;
  tokenHash: string;
  expiresAt: Date;
  /** the user must enrol in two-factor authentication before anything else */
  enrolmentOnly: boolean;
}

/**
 * The live session of a token: not expired, of an active user; else null. One plain statement: it runs
 * for every request and socket connection.
 */
export async function findSession(pool: Pick<pg.Pool, 'query'>, token: string): Promise<ActiveSession | null> {
  const tokenHash = hashToken(token);
  const { rows } = await pool.query<{
    expires_at: Date;
    enrolment_only: boolean;
    id: string;
    email: string;
    name: string;
    roles: string[];
    team_id: string | null;
    branch_id: string;
    locale: string;
  }>(
    `SELECT s.expires_at, s.enrolment_only, u.id, u.email, u.name, u.roles, u.team_id, u.branch_id, u.locale
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return null;
  const user = toSessionUser({ ...row, teamId: row.team_id, branchId: row.branch_id });
  return { user, tokenHash, expiresAt: row.expires_at, enrolmentOnly: row.enrolment_only };
}

export function toSessionUser(u: {
  id: string;
  email: string;
  name: string;
  roles: string[];
  teamId: string | null;
  branchId: string;
  locale: string;
}): SessionUser {
  const { id, email, name, roles, teamId, branchId, locale } = u;
  return { id, email, name, role: roles[0], roles, teamId, branchId, locale };
}

/** The actor a workflow sees for this user. */
export const actorOf = (user: SessionUser) => ({ id: user.id, roles: user.roles, teamId: user.teamId });

/** Ends one session; answers its token hash (for disconnecting its sockets). */
export async function deleteSession(prisma: PrismaClient, token: string): Promise<string> {
  const tokenHash = hashToken(token);
  await prisma.session.deleteMany({ where: { tokenHash } });
  return tokenHash;
}

/**
 * Deletes what has expired: sessions, unanswered login challenges, login counters idle for a day
 * (addresses a user logged in from are remembered for 30 days). Answers the number of sessions deleted.
 */
export async function purgeExpired(prisma: PrismaClient, userId?: string): Promise<number> {
  const now = new Date();
  const { count } = await prisma.session.deleteMany({ where: { expiresAt: { lte: now }, ...(userId ? { userId } : {}) } });
  await prisma.loginChallenge.deleteMany({ where: { expiresAt: { lte: now }, ...(userId ? { userId } : {}) } });
  if (!userId) {
    await prisma.loginAttempt.deleteMany({
      where: {
        OR: [
          { key: { startsWith: 'known:' }, updatedAt: { lt: new Date(now.getTime() - 30 * 86_400_000) } },
          {
            NOT: { key: { startsWith: 'known:' } },
            updatedAt: { lt: new Date(now.getTime() - 86_400_000) },
            OR: [{ blockedUntil: null }, { blockedUntil: { lt: now } }],
          },
        ],
      },
    });
  }
  return count;
}

/** How a request authenticates: `Authorization: Bearer`, the `sid` cookie, or not at all. */
export function credentialsOf(headers: { authorization?: string; cookie?: string }): { token: string; via: 'bearer' | 'cookie' } | null {
  const bearer = headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return { token: bearer, via: 'bearer' };
  const cookie = headers.cookie
    ?.split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith('sid='));
  if (!cookie) return null;
  // A malformed cookie (`sid=%`) is no token, not an error: decoding it must never throw into a handler.
  try {
    const token = decodeURIComponent(cookie.slice(4));
    return token ? { token, via: 'cookie' } : null;
  } catch {
    return null;
  }
}

/** The token from `Authorization: Bearer` or the `sid` cookie; a malformed cookie is no token. */
export function tokenFrom(headers: { authorization?: string; cookie?: string }): string | null {
  return credentialsOf(headers)?.token ?? null;
}
