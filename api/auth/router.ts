import { Router } from 'express';
import { z } from 'zod';
import { hash, verify } from '@node-rs/argon2';
import type { ApiDeps } from '../deps';
import { AppError, unauthenticated } from '../http/errors';
import { defineRoute, type RouteRegistry } from '../http/route';
import { createSession, deleteSession, toSessionUser, tokenFrom } from './session';
import { audit } from '../../platform/audit';

export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  roles: z.array(z.string()),
  teamId: z.string().nullable(),
  branchId: z.string(),
  locale: z.string(),
});

const LoginBody = z.object({ email: z.email().max(254), password: z.string().min(1).max(1024) });

export const hashPassword = (password: string) => hash(password);

// Verifying against a fixed hash when the e-mail is unknown keeps the answer time the same,
// so response timing does not tell which e-mails have accounts.
let dummyHash: Promise<string> | undefined;

export function authRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const { prisma } = deps.db;
  const router = Router();
  const cookie = (token: string, maxAgeMs: number) =>
    `sid=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${Math.floor(maxAgeMs / 1000)}${deps.env.COOKIE_SECURE ? '; Secure' : ''}`;

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/auth/login',
      summary: 'Log in; sets the session cookie and returns a bearer token',
      tag: 'auth',
      roles: 'public',
      body: LoginBody,
      response: z.object({ token: z.string(), user: UserSchema }),
      errors: { 401: 'Wrong e-mail or password', 429: 'Too many failures: locked for a while' },
    },
    async ({ body, req, res }) => {
      const email = body.email.toLowerCase();
      const user = await prisma.user.findUnique({ where: { email } });
      if (user?.lockedUntil && user.lockedUntil > new Date()) {
        await audit(prisma, { actorId: user.id, action: 'login_locked', entity: 'user', entityId: user.id, ip: req.ip });
        throw new AppError(429, 'RATE_LIMITED', 'Too many failed logins; try again later');
      }
      dummyHash ??= hash('not-a-password');
      const ok = await verify(user?.passwordHash ?? (await dummyHash), body.password).catch(() => false);
      if (!user || !ok || !user.active) {
        if (user) {
          const failures = user.failedLogins + 1;
          const lock = failures >= deps.env.LOGIN_MAX_FAILURES;
          await prisma.user.update({
            where: { id: user.id },
            data: {
              failedLogins: lock ? 0 : failures,
              lockedUntil: lock ? new Date(Date.now() + deps.env.LOGIN_LOCK_MINUTES * 60_000) : user.lockedUntil,
            },
          });
        }
        await audit(prisma, { actorId: user?.id ?? null, action: 'login_failed', entity: 'user', entityId: user?.id ?? null, ip: req.ip });
        throw new AppError(401, 'INVALID_CREDENTIALS', 'Wrong e-mail or password');
      }
      await prisma.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
      const token = await createSession(prisma, user.id, deps.env.SESSION_TTL_HOURS);
      await audit(prisma, { actorId: user.id, action: 'login', entity: 'user', entityId: user.id, ip: req.ip });
      res.setHeader('Set-Cookie', cookie(token, deps.env.SESSION_TTL_HOURS * 3_600_000));
      return { token, user: toSessionUser(user) };
    },
  );

  defineRoute(router, registry, { method: 'get', path: '/auth/me', summary: 'The logged-in user', tag: 'auth', response: UserSchema }, async ({ user }) => user);

  defineRoute(router, registry, { method: 'post', path: '/auth/logout', summary: 'End the session', tag: 'auth' }, async ({ req, res, user }) => {
    const token = tokenFrom(req.headers);
    if (!token) throw unauthenticated();
    await deleteSession(prisma, token);
    await audit(prisma, { actorId: user.id, action: 'logout', entity: 'user', entityId: user.id, ip: req.ip });
    res.setHeader('Set-Cookie', cookie('', 0));
    return undefined;
  });

  return router;
}
