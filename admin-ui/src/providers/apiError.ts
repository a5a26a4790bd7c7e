import { HttpError, useTranslate } from 'react-admin';
import { en } from '../i18n/en';

interface ApiErrorBody {
  error?: {
    code?: string;
    message?: string;
    reason?: string;
    fields?: { path: string; message: string }[];
  };
}

// The message becomes a translation key when we have one, so react-admin's notifications
// show it in the user's language; otherwise the server's own text is shown as is.
// A refusal with a reason says that reason (never the generic "changed in the meantime" of a 409).
const messageFor = (status: number, error: NonNullable<ApiErrorBody['error']>): string => {
  if (error.reason && error.reason in en.errors.reason) return `errors.reason.${error.reason}`;
  if (error.reason && error.message) return error.message;
  if (error.code && error.code in en.errors.code) return `errors.code.${error.code}`;
  return error.message ?? `HTTP ${status}`;
};

/** A refusal's reason (e.g. from a bulk action's results) in the user's language, else the server's words. */
export const useReasonText = () => {
  const translate = useTranslate();
  return (reason: string | undefined, message: string | undefined): string =>
    reason && reason in en.errors.reason ? translate(`errors.reason.${reason}`) : (message ?? reason ?? translate('errors.code.INTERNAL'));
};

/** Turns the API's `{ error: { code, message, fields, reason } }` into a react-admin HttpError.
 * `body.errors` is the shape react-admin uses to put server-side validation messages on form fields. */
export const toHttpError = (cause: unknown): unknown => {
  if (!(cause instanceof HttpError)) return cause;
  const error = (cause.body as ApiErrorBody | null)?.error;
  if (!error) return cause;
  const message = messageFor(cause.status, error);
  const errors = error.fields?.length
    ? Object.fromEntries([
        // `body.findings` is the form's `findings` input.
        ...error.fields.map((f) => [f.path.replace(/^body\./, ''), f.message]),
        ['root', { serverError: message }],
      ])
    : undefined;
  return new HttpError(message, cause.status, { ...error, errors });
};
