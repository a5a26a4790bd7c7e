import { createHash, randomBytes } from 'node:crypto';
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
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(prisma: PrismaClient, userId: string, ttlHours: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await prisma.session.create({
    data: { tokenHash: hashToken(token), userId, expiresAt: new Date(Date.now() + ttlHours * 3_600_000) },
  });
  return token;
}

export async function findSessionUser(prisma: PrismaClient, token: string): Promise<SessionUser | null> {
  const session = await prisma.session.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!session || session.expiresAt < new Date() || !session.user.active) return null;
  return toSessionUser(session.user);
}

export function toSessionUser(u: { id: string; email: string; name: string; roles: string[]; teamId: string | null; branchId: string; locale: string }): SessionUser {
  const { id, email, name, roles, teamId, branchId, locale } = u;
  return { id, email, name, role: roles[0], roles, teamId, branchId, locale };
}

/** The actor a workflow sees for this user. */
export const actorOf = (user: SessionUser) => ({ id: user.id, roles: user.roles, teamId: user.teamId });

export async function deleteSession(prisma: PrismaClient, token: string): Promise<void> {
  await prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}

/** The token from `Authorization: Bearer` or the `sid` cookie. */
export function tokenFrom(headers: { authorization?: string; cookie?: string }): string | null {
  const bearer = headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return bearer;
  const cookie = headers.cookie?.split(';').map((c) => c.trim()).find((c) => c.startsWith('sid='));
  if (!cookie) return null;
  try {
    return decodeURIComponent(cookie.slice(4));
  } catch {
    // not valid percent-encoding (`sid=%`): no token we issued looks like that, so it is no session
    return null;
  }
}
