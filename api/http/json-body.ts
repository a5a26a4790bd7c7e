import type { IncomingMessage } from 'node:http';
import express from 'express';

declare module 'express-serve-static-core' {
  interface Request {
    /** the body's bytes as sent, kept for the routes that check a signature over them (feed deliveries) */
    rawBody?: Buffer;
  }
}

/** Where a body is signed: its exact bytes are kept, as JSON.stringify of the parsed value may differ. */
const SIGNED_BODIES = /^\/api\/integrations\//;
import { badRequest } from './errors';

/** No request of this API nests deeper than a few levels; 32 leaves room and keeps every walk over a body cheap. */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether JSON text nests objects and arrays deeper than `max`. A byte scan, before JSON.parse: a body of
 * 100 000 brackets is refused without building it, and nothing later (validation, logging, a workflow's
 * payload) ever walks a deep value. Brackets inside strings do not count.
 */
export function nestsDeeperThan(buf: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next byte is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** Where a body may be large: an import's file (api/imports/router.ts), up to 30 MB of JSON. */
const LARGE_BODIES = /^\/api\/imports\/?$/;

const verify = (req: IncomingMessage, _res: unknown, buf: Buffer) => {
  if (nestsDeeperThan(buf, MAX_JSON_DEPTH)) {
    throw badRequest([{ path: 'body', message: `must not nest objects or arrays more than ${MAX_JSON_DEPTH} levels deep` }]);
  }
  if (SIGNED_BODIES.test(req.url ?? '')) (req as express.Request).rawBody = buf;
};
const small = express.json({ limit: '256kb', verify });
const large = express.json({ limit: '30mb', verify });

/** express.json with the API's size limit (256 kB; 30 MB for POST /api/imports only) and the depth limit (a 400 naming the body). */
export const jsonBody: express.RequestHandler = (req, res, next) =>
  (req.method === 'POST' && LARGE_BODIES.test(req.path) ? large : small)(req, res, next);
