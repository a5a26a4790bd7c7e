import type { RequestHandler } from 'express';
import type { PrismaClient } from '@prisma/client';
import { findSessionUser, tokenFrom } from './session';

/** Attaches the session's user when there is one; routes decide whether they need it. */
export function authenticate(prisma: PrismaClient): RequestHandler {
  return async (req, _res, next) => {
    const token = tokenFrom(req.headers);
    if (token) req.user = (await findSessionUser(prisma, token)) ?? undefined;
    next();
  };
}
