import type { RequestHandler } from 'express';
import type pg from 'pg';
import { credentialsOf, findSession } from './session';
import { forbidden } from '../http/errors';

declare module 'express-serve-static-core' {
  interface Request {
    /** the session behind req.user, when there is one */
    session?: { tokenHash: string; via: 'bearer' | 'cookie'; enrolmentOnly: boolean };
  }
}

/** What a session that must first enrol in two-factor authentication may reach (paths below /api). */
const ENROLMENT_PATHS = new Set([
  'GET /auth/me',
  'POST /auth/logout',
  'POST /auth/logout-all',
  'POST /auth/2fa/setup',
  'POST /auth/2fa/confirm',
]);
/** Routes that need no session at all. */
const PUBLIC_PATHS = new Set(['GET /health', 'POST /auth/login', 'POST /auth/login/code', 'GET /openapi.json']);

/**
 * Attaches the session's user when there is one; routes decide whether they need it. A session that
 * must enrol in two-factor authentication reaches only the enrolment endpoints (403
 * TWO_FACTOR_ENROLMENT_REQUIRED elsewhere).
 */
export function authenticate(pool: Pick<pg.Pool, 'query'>): RequestHandler {
  return async (req, _res, next) => {
    const credentials = credentialsOf(req.headers);
    const session = credentials ? await findSession(pool, credentials.token) : null;
    if (session) {
      const route = `${req.method === 'HEAD' ? 'GET' : req.method} ${req.path}`;
      if (session.enrolmentOnly && !ENROLMENT_PATHS.has(route)) {
        if (PUBLIC_PATHS.has(route) || req.path.startsWith('/docs')) return next();
        throw forbidden('Set up two-factor authentication first', 'TWO_FACTOR_ENROLMENT_REQUIRED');
      }
      req.user = session.user;
      req.session = { tokenHash: session.tokenHash, via: credentials!.via, enrolmentOnly: session.enrolmentOnly };
    }
    next();
  };
}
