// Feed deliveries are signed with the adapter's shared secret (docs/integrations.md):
//   X-Feed-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">
// The timestamp is inside the MAC, so a captured delivery cannot be re-dated; one older (or further in the
// future) than the tolerance is refused, and within it a replay is only a duplicate (events apply once).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-feed-signature';
export const SIGNATURE_TOLERANCE_MS = 5 * 60_000;

export function signFeed(secret: string, raw: Buffer | string, t = Math.floor(Date.now() / 1000)): string {
  const mac = createHmac('sha256', secret).update(`${t}.`).update(raw).digest('hex');
  return `t=${t},v1=${mac}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'expired' | 'mismatch' };

export function verifyFeedSignature(
  header: string | undefined,
  raw: Buffer,
  secret: string,
  now = Date.now(),
  toleranceMs = SIGNATURE_TOLERANCE_MS,
): SignatureCheck {
  if (!header) return { ok: false, reason: 'missing' };
  const parts = new Map<string, string[]>();
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return { ok: false, reason: 'malformed' };
    const key = part.slice(0, eq).trim();
    parts.set(key, [...(parts.get(key) ?? []), part.slice(eq + 1).trim()]);
  }
  const t = parts.get('t');
  const macs = (parts.get('v1') ?? []).filter((m) => /^[0-9a-f]{64}$/i.test(m));
  if (t?.length !== 1 || !/^\d{1,12}$/.test(t[0]) || !macs.length) return { ok: false, reason: 'malformed' };
  if (Math.abs(now - Number(t[0]) * 1000) > toleranceMs) return { ok: false, reason: 'expired' };
  const want = createHmac('sha256', secret).update(`${t[0]}.`).update(raw).digest();
  // every candidate is compared in full (several v1 values: a sender rotating its secret)
  let match = false;
  for (const m of macs) if (timingSafeEqual(want, Buffer.from(m, 'hex'))) match = true;
  return match ? { ok: true } : { ok: false, reason: 'mismatch' };
}
