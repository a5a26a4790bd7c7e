import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import type { Role } from '../../workflows/engine/types';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
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
  const { id, email, name, role, teamId, branchId, locale } = session.user;
  return { id, email, name, role, teamId, branchId, locale };
}

export async function deleteSession(prisma: PrismaClient, token: string): Promise<void> {
  await prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}

/** The token from `Authorization: Bearer` or the `sid` cookie. */
export function tokenFrom(headers: { authorization?: string; cookie?: string }): string | null {
  const bearer = headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return bearer;
  const cookie = headers.cookie?.split(';').map((c) => c.trim()).find((c) => c.startsWith('sid='));
  return cookie ? decodeURIComponent(cookie.slice(4)) : null;
}
