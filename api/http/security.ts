// Response headers (helmet) and the defences of cookie-authenticated writes against cross-site requests.
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { Env } from '../../platform/env';
import { originAllowed, requestOrigin } from '../auth/origin';
import { credentialsOf } from '../auth/session';
import { AppError, forbidden } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// What an HTML form or a "simple" cross-site fetch can send without a CORS preflight.
const FORM_TYPES = new Set(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);
const HOST = /^[a-z0-9.-]+(:\d+)?$|^\[[0-9a-f:.]+\](:\d+)?$/i;

/**
 * Headers on every response: a CSP that fits the console Vite builds (scripts and connections from
 * this origin only; inline styles, which MUI's emotion injects at run time), no framing, no referrer
 * to other sites, nosniff; HSTS and upgrade-insecure-requests only when served over HTTPS (COOKIE_SECURE).
 */
export function securityHeaders(env: Env): RequestHandler {
  const tls = env.COOKIE_SECURE;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        // socket.io's WebSocket: 'self' covers ws: on the same host in current browsers; older ones need it named
        connectSrc: ["'self'", (req) => (HOST.test(req.headers.host ?? '') ? `ws://${req.headers.host} wss://${req.headers.host}` : '')],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(tls ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: tls ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' },
    // `same-origin`, not `no-referrer`: with no-referrer a browser sends `Origin: null` on its own POSTs,
    // and the cross-site check below needs the real origin.
    referrerPolicy: { policy: 'same-origin' },
  });
}

/**
 * Cross-site request forgery: a write that a browser could send from another site is refused.
 * Requests with `Authorization: Bearer` (API clients) are exempt: a browser never attaches that header
 * to a cross-site request without asking (CORS), which this API never allows. For the others, on
 * POST/PUT/PATCH/DELETE:
 * - a body of a type a form can send (text/plain, urlencoded, multipart), or a body with no type
 *   → 415. JSON endpoints take application/json; uploads their file's own type;
 * - an Origin (or Referer) of another site, or `null` → 403 CSRF_ORIGIN (login included);
 * - a write with the session cookie must say where it comes from: no Origin and no Referer → 403.
 */
export function crossSiteWrites(env: Env): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const credentials = credentialsOf(req.headers);
    if (credentials?.via === 'bearer') return next();
    const type = req.headers['content-type']?.split(';')[0].trim().toLowerCase();
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if ((type && FORM_TYPES.has(type)) || (!type && hasBody)) {
      throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json');
    }
    const origin = requestOrigin(req.headers);
    if (origin === undefined) {
      if (credentials?.via === 'cookie') throw forbidden('A write with the session cookie must carry an Origin header', 'CSRF_ORIGIN');
      return next();
    }
    if (!originAllowed(origin, req.headers, env.PUBLIC_ORIGIN)) throw forbidden('Requests from another site are refused', 'CSRF_ORIGIN');
    next();
  };
}
