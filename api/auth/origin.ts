import type { IncomingHttpHeaders } from 'node:http';

/**
 * Whether a browser request's Origin (or Referer) is one the console is served at: one of
 * PUBLIC_ORIGIN, or the very host the request was sent to (same-host: the console and API are one
 * origin, on any port or name an operator reaches them by). `null`, a missing value and any other
 * site are refused.
 */
export function originAllowed(value: string | undefined, headers: IncomingHttpHeaders, publicOrigins: readonly string[]): boolean {
  if (!value || value === 'null') return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (publicOrigins.includes(url.origin)) return true;
  const host = headers.host?.toLowerCase();
  return !!host && url.host === host;
}

/** The origin a browser says a request comes from: Origin, else the origin of Referer, else undefined. */
export function requestOrigin(headers: IncomingHttpHeaders): string | undefined {
  const origin = headers.origin;
  if (origin) return origin;
  const referer = headers.referer;
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}
