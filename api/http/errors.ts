import type { ErrorRequestHandler } from 'express';
import type { ErrorCode } from './schemas';

export interface FieldError {
  path: string;
  message: string;
}

/** An error the client caused or may act on; rendered by `errorMiddleware` with its status. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly extra: { fields?: FieldError[]; reason?: string } = {},
  ) {
    super(message);
  }
}

export const badRequest = (fields: FieldError[], message = 'The request is not valid') =>
  new AppError(400, 'VALIDATION_FAILED', message, { fields });
export const unauthenticated = (message = 'Log in first') => new AppError(401, 'UNAUTHENTICATED', message);
export const forbidden = (message = 'Your role does not allow this', reason?: string) =>
  new AppError(403, 'FORBIDDEN', message, { reason });
export const notFound = (what: string) => new AppError(404, 'NOT_FOUND', `${what} not found`);
export const conflict = (reason: string, message: string) => new AppError(409, 'CONFLICT', message, { reason });

/** The one place errors become responses. Unknown errors are logged (without request bodies) and hidden. */
export function errorMiddleware(log: (msg: string, err: unknown) => void): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (err instanceof AppError) {
      res.status(err.status).json({ error: { code: err.code, message: err.message, ...err.extra } });
      return;
    }
    // body-parser: malformed JSON or a body over the limit is the client's mistake
    const status = (err as { status?: number; type?: string }).status;
    if (status && status >= 400 && status < 500) {
      res.status(status).json({ error: { code: 'VALIDATION_FAILED', message: (err as Error).message, fields: [] } });
      return;
    }
    log('unhandled error', err);
    res.status(500).json({ error: { code: 'INTERNAL', message: 'Something went wrong on our side' } });
  };
}
