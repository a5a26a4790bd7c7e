import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { hash, verify } from '@node-rs/argon2';
import type { ApiDeps } from '../deps';
import { AppError, conflict, forbidden, notFound, unauthenticated } from '../http/errors';
import { defineRoute, type RouteRegistry } from '../http/route';
import { createSession, credentialsOf, deleteSession, hashToken, newToken, purgeExpired, toSessionUser, type SessionUser } from './session';
import { createLoginThrottle, type Ticket } from './throttle';
import { announceSessionsEnded } from './live';
import {
  TWO_FACTOR_ROLES_SETTING,
  checkSecondFactor,
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  requiresTwoFactor,
  totpStep,
  twoFactorRoles,
} from './two-factor';
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
const CodeBody = z.object({ challenge: z.string().min(1).max(128), code: z.string().min(1).max(64) });
const ConfirmBody = z.object({ code: z.string().min(1).max(64) });

const Session = z.object({
  token: z.string(),
  user: UserSchema,
  twoFactorEnrolmentRequired: z
    .boolean()
    .describe('true: this session reaches only /auth/me, /auth/2fa/setup, /auth/2fa/confirm and logout until enrolment is confirmed'),
});
const Challenge = z.object({ twoFactorRequired: z.literal(true), challenge: z.string() });
const TwoFactorStatus = z.object({ enabled: z.boolean(), required: z.boolean() });

const CHALLENGE_TTL_MS = 5 * 60_000;
const CHALLENGE_MAX_ATTEMPTS = 5;

export const hashPassword = (password: string) => hash(password);

// Verifying against a hash of the same parameters when the e-mail is unknown, and doing the same
// database work on both paths, keeps the answer time the same: timing does not tell which e-mails have accounts.
let dummyHash: Promise<string> | undefined;

const tooMany = (res: Response, seconds: number) => {
  res.setHeader('Retry-After', String(seconds));
  return new AppError(429, 'RATE_LIMITED', `Too many failed logins; try again in ${seconds} s`);
};
const wrongCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', 'Wrong e-mail or password');
const wrongCode = () => new AppError(401, 'INVALID_CODE', 'The code is wrong or has expired; log in again if it keeps failing');

export function authRouter(deps: ApiDeps, registry: RouteRegistry): Router {
  const { prisma, pool } = deps.db;
  const router = Router();
  const throttle = createLoginThrottle(pool, deps.env);
  const cookie = (token: string, maxAgeMs: number) =>
    `sid=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${Math.floor(maxAgeMs / 1000)}${deps.env.COOKIE_SECURE ? '; Secure' : ''}`;
  const ipOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

  /** A new session after a proved login; the session the request came with (if any) ends: no fixation. */
  async function startSession(
    req: Request,
    res: Response,
    user: Parameters<typeof toSessionUser>[0] & { id: string; roles: string[]; totpSecret: string | null },
    method: 'password' | 'totp' | 'recovery',
    ticket: Ticket,
  ): Promise<z.infer<typeof Session>> {
    await throttle.succeeded(ticket);
    const enrolmentOnly = !user.totpSecret && requiresTwoFactor(user.roles, await twoFactorRoles(prisma));
    const previous = credentialsOf(req.headers);
    if (previous) await announceSessionsEnded(pool, { tokenHashes: [await deleteSession(prisma, previous.token)] });
    await purgeExpired(prisma, user.id);
    const { token } = await createSession(prisma, user.id, deps.env.SESSION_TTL_HOURS, { enrolmentOnly });
    await audit(prisma, {
      actorId: user.id,
      action: 'login',
      entity: 'user',
      entityId: user.id,
      data: { method, enrolmentOnly },
      ip: req.ip,
    });
    res.setHeader('Set-Cookie', cookie(token, deps.env.SESSION_TTL_HOURS * 3_600_000));
    return { token, user: toSessionUser(user), twoFactorEnrolmentRequired: enrolmentOnly };
  }

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/auth/login',
      summary:
        'Log in. Answers a session (sets the cookie, returns a bearer token), or for a user with two-factor authentication a challenge to answer at /auth/login/code',
      tag: 'auth',
      roles: 'public',
      body: LoginBody,
      response: z.union([Session, Challenge]),
      errors: { 401: 'Wrong e-mail or password', 429: 'Too many failures from this address or for this e-mail: wait Retry-After seconds' },
    },
    async ({ body, req, res }) => {
      const email = body.email.toLowerCase();
      const user = await prisma.user.findUnique({ where: { email } });
      const reservation = await throttle.reserve(email, ipOf(req));
      if (!reservation.ok) {
        await audit(prisma, {
          actorId: user?.id ?? null,
          action: 'login_throttled',
          entity: 'user',
          entityId: user?.id ?? null,
          ip: req.ip,
        });
        throw tooMany(res, reservation.retryAfterSeconds);
      }
      dummyHash ??= hash('not-a-password');
      const ok = await verify(user?.passwordHash ?? (await dummyHash), body.password).catch(() => false);
      if (!user || !ok || !user.active) {
        await audit(prisma, { actorId: user?.id ?? null, action: 'login_failed', entity: 'user', entityId: user?.id ?? null, ip: req.ip });
        throw wrongCredentials();
      }
      if (user.totpSecret) {
        // The password was right, so this try was no failure; the login completes with the second factor,
        // whose wrong codes count in the same throttle (and at most CHALLENGE_MAX_ATTEMPTS per challenge).
        await throttle.refund(reservation.ticket);
        const challenge = newToken();
        await prisma.loginChallenge.create({
          data: { tokenHash: hashToken(challenge), userId: user.id, expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS) },
        });
        await audit(prisma, { actorId: user.id, action: 'login_challenge', entity: 'user', entityId: user.id, ip: req.ip });
        return { twoFactorRequired: true as const, challenge };
      }
      return startSession(req, res, user, 'password', reservation.ticket);
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/auth/login/code',
      summary:
        'Second step of a login with two-factor authentication: the challenge and a code from the authenticator app (or a recovery code)',
      tag: 'auth',
      roles: 'public',
      body: CodeBody,
      response: Session,
      errors: { 401: 'Wrong or expired code or challenge (INVALID_CODE)', 429: 'Too many failures: wait Retry-After seconds' },
    },
    async ({ body, req, res }) => {
      const tokenHash = hashToken(body.challenge);
      // Each challenge takes CHALLENGE_MAX_ATTEMPTS codes at most, counted atomically.
      const counted = await pool.query<{ user_id: string }>(
        `UPDATE login_challenges SET attempts = attempts + 1
          WHERE token_hash = $1 AND attempts < $2 AND expires_at > $3 RETURNING user_id`,
        [tokenHash, CHALLENGE_MAX_ATTEMPTS, new Date()],
      );
      const userId = counted.rows[0]?.user_id;
      const user = userId ? await prisma.user.findUnique({ where: { id: userId } }) : null;
      if (!user || !user.active) throw wrongCode();
      const reservation = await throttle.reserve(user.email, ipOf(req));
      if (!reservation.ok) {
        await audit(prisma, { actorId: user.id, action: 'login_throttled', entity: 'user', entityId: user.id, ip: req.ip });
        throw tooMany(res, reservation.retryAfterSeconds);
      }
      const method = await checkSecondFactor(prisma, user, body.code);
      if (!method) {
        await audit(prisma, { actorId: user.id, action: 'login_code_failed', entity: 'user', entityId: user.id, ip: req.ip });
        throw wrongCode();
      }
      await prisma.loginChallenge.deleteMany({ where: { tokenHash } });
      if (method === 'recovery') {
        const left = await prisma.recoveryCode.count({ where: { userId: user.id, usedAt: null } });
        await audit(prisma, {
          actorId: user.id,
          action: 'recovery_code_used',
          entity: 'user',
          entityId: user.id,
          data: { left },
          ip: req.ip,
        });
      }
      return startSession(req, res, user, method, reservation.ticket);
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/auth/me',
      summary: 'The logged-in user, with their two-factor state',
      tag: 'auth',
      response: UserSchema.extend({ twoFactor: TwoFactorStatus }),
    },
    async ({ user }) => ({ ...user, twoFactor: await twoFactorStatus(user) }),
  );

  async function twoFactorStatus(user: SessionUser) {
    const [row, required] = await Promise.all([
      prisma.user.findUnique({ where: { id: user.id }, select: { totpSecret: true } }),
      twoFactorRoles(prisma),
    ]);
    return { enabled: !!row?.totpSecret, required: requiresTwoFactor(user.roles, required) };
  }

  defineRoute(
    router,
    registry,
    { method: 'post', path: '/auth/logout', summary: 'End this session (its sockets disconnect)', tag: 'auth' },
    async ({ req, res, user }) => {
      const credentials = credentialsOf(req.headers);
      if (!credentials) throw unauthenticated();
      const tokenHash = await deleteSession(prisma, credentials.token);
      await announceSessionsEnded(pool, { tokenHashes: [tokenHash] });
      await audit(prisma, { actorId: user.id, action: 'logout', entity: 'user', entityId: user.id, ip: req.ip });
      res.setHeader('Set-Cookie', cookie('', 0));
      return undefined;
    },
  );

  defineRoute(
    router,
    registry,
    { method: 'post', path: '/auth/logout-all', summary: 'End every session of the logged-in user, on every device', tag: 'auth' },
    async ({ req, res, user }) => {
      const { count } = await prisma.session.deleteMany({ where: { userId: user.id } });
      await announceSessionsEnded(pool, { userId: user.id });
      await audit(prisma, {
        actorId: user.id,
        action: 'logout_all',
        entity: 'user',
        entityId: user.id,
        data: { sessions: count },
        ip: req.ip,
      });
      res.setHeader('Set-Cookie', cookie('', 0));
      return undefined;
    },
  );

  // --- two-factor enrolment -------------------------------------------------------------------------

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/auth/2fa/setup',
      summary: 'Start enrolment: a new TOTP secret and its otpauth:// URI (show it as a QR code); confirm with a code',
      tag: 'auth',
      response: z.object({ secret: z.string(), uri: z.string() }),
      errors: { 409: 'Already enrolled (ALREADY_ENROLLED): disable first' },
    },
    async ({ req, user }) => {
      const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true } });
      if (row.totpSecret) throw conflict('ALREADY_ENROLLED', 'Two-factor authentication is already set up');
      const { secret, uri } = newTotpSecret(user.email);
      await prisma.user.update({ where: { id: user.id }, data: { totpPendingSecret: secret } });
      await audit(prisma, { actorId: user.id, action: '2fa_setup', entity: 'user', entityId: user.id, ip: req.ip });
      return { secret, uri };
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/auth/2fa/confirm',
      summary: 'Finish enrolment with a code from the app; answers the recovery codes, shown once',
      tag: 'auth',
      body: ConfirmBody,
      response: z.object({ recoveryCodes: z.array(z.string()) }),
      errors: { 401: 'Wrong code (INVALID_CODE)', 409: 'No enrolment started (NO_ENROLMENT)' },
    },
    async ({ body, req, user }) => {
      const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpPendingSecret: true } });
      if (!row.totpPendingSecret) throw conflict('NO_ENROLMENT', 'Start with POST /api/auth/2fa/setup');
      const step = totpStep(row.totpPendingSecret, body.code.trim());
      if (step === null) {
        await audit(prisma, { actorId: user.id, action: '2fa_confirm_failed', entity: 'user', entityId: user.id, ip: req.ip });
        throw wrongCode();
      }
      const codes = newRecoveryCodes();
      await prisma.$transaction([
        prisma.user.update({
          where: { id: user.id },
          data: { totpSecret: row.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: step },
        }),
        prisma.recoveryCode.deleteMany({ where: { userId: user.id } }),
        prisma.recoveryCode.createMany({ data: codes.map((c) => ({ userId: user.id, codeHash: hashRecoveryCode(c) })) }),
        // this session has now proved both factors
        prisma.session.updateMany({ where: { tokenHash: req.session!.tokenHash }, data: { enrolmentOnly: false } }),
      ]);
      await audit(prisma, { actorId: user.id, action: '2fa_enabled', entity: 'user', entityId: user.id, ip: req.ip });
      return { recoveryCodes: codes };
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/auth/2fa/recovery-codes',
      summary: 'New recovery codes (the old ones stop working); needs a current code',
      tag: 'auth',
      body: ConfirmBody,
      response: z.object({ recoveryCodes: z.array(z.string()) }),
      errors: { 401: 'Wrong code (INVALID_CODE)' },
    },
    async ({ body, req, user }) => {
      const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      if (!(await checkSecondFactor(prisma, row, body.code))) throw wrongCode();
      const codes = newRecoveryCodes();
      await prisma.$transaction([
        prisma.recoveryCode.deleteMany({ where: { userId: user.id } }),
        prisma.recoveryCode.createMany({ data: codes.map((c) => ({ userId: user.id, codeHash: hashRecoveryCode(c) })) }),
      ]);
      await audit(prisma, { actorId: user.id, action: '2fa_recovery_codes_renewed', entity: 'user', entityId: user.id, ip: req.ip });
      return { recoveryCodes: codes };
    },
  );

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/auth/2fa/disable',
      summary: 'Turn two-factor authentication off (needs a current code; refused while a role of the user requires it)',
      tag: 'auth',
      body: ConfirmBody,
      errors: { 401: 'Wrong code (INVALID_CODE)', 403: 'A role of the user requires two-factor authentication (TWO_FACTOR_REQUIRED)' },
    },
    async ({ body, req, user }) => {
      if (requiresTwoFactor(user.roles, await twoFactorRoles(prisma)))
        throw forbidden('Your role requires two-factor authentication', 'TWO_FACTOR_REQUIRED');
      const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      if (!(await checkSecondFactor(prisma, row, body.code))) throw wrongCode();
      await clearTwoFactor(user.id);
      await audit(prisma, { actorId: user.id, action: '2fa_disabled', entity: 'user', entityId: user.id, ip: req.ip });
      return undefined;
    },
  );

  async function clearTwoFactor(userId: string) {
    await prisma.$transaction([
      prisma.user.update({
        where: { id: userId },
        data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null },
      }),
      prisma.recoveryCode.deleteMany({ where: { userId } }),
      prisma.loginChallenge.deleteMany({ where: { userId } }),
    ]);
  }

  // --- administration -------------------------------------------------------------------------------

  defineRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/auth/2fa/reset',
      summary: 'Administrator: remove a user’s two-factor enrolment (lost device) and end their sessions; they enrol again at next login',
      tag: 'auth',
      roles: ['admin'],
      body: z.object({ userId: z.string().min(1).max(200) }),
      errors: { 404: 'No such user' },
    },
    async ({ body, req, user }) => {
      const target = await prisma.user.findUnique({ where: { id: body.userId }, select: { id: true } });
      if (!target) throw notFound('User');
      await clearTwoFactor(target.id);
      await prisma.session.deleteMany({ where: { userId: target.id } });
      await announceSessionsEnded(pool, { userId: target.id });
      await audit(prisma, { actorId: user.id, action: '2fa_reset', entity: 'user', entityId: target.id, ip: req.ip });
      return undefined;
    },
  );

  const Policy = z.object({ roles: z.array(z.string().max(100)).max(100) });
  defineRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/auth/2fa/policy',
      summary: 'Administrator: the roles that must use two-factor authentication',
      tag: 'auth',
      roles: ['admin'],
      response: Policy,
    },
    async () => ({ roles: await twoFactorRoles(prisma) }),
  );
  defineRoute(
    router,
    registry,
    {
      method: 'put',
      path: '/auth/2fa/policy',
      summary:
        'Administrator: require two-factor authentication for these roles (users of them not enrolled are sent to enrolment at their next login)',
      tag: 'auth',
      roles: ['admin'],
      body: Policy,
      response: Policy,
    },
    async ({ body, req, user }) => {
      const unknown = body.roles.filter((r) => !deps.access.roles.includes(r));
      if (unknown.length)
        throw new AppError(400, 'VALIDATION_FAILED', 'Unknown roles', {
          fields: [{ path: 'body.roles', message: `unknown: ${unknown.join(', ')}` }],
        });
      const roles = [...new Set(body.roles)].sort();
      await prisma.setting.upsert({
        where: { key: TWO_FACTOR_ROLES_SETTING },
        create: { key: TWO_FACTOR_ROLES_SETTING, value: roles },
        update: { value: roles },
      });
      await audit(prisma, {
        actorId: user.id,
        action: '2fa_policy_changed',
        entity: 'setting',
        entityId: TWO_FACTOR_ROLES_SETTING,
        data: { roles },
        ip: req.ip,
      });
      return { roles };
    },
  );

  return router;
}
