// The feed's signature check (platform/integrations/signature.ts) and the adapters' secrets in the environment.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signFeed, verifyFeedSignature } from '../../platform/integrations/signature';
import { referenceAdapter } from '../../platform/integrations/reference';
import { FeedFormatError } from '../../platform/integrations/types';
import { parseEnv } from '../../platform/env';

const SECRET = 'a-feed-secret-of-at-least-32-characters';
const body = Buffer.from('{"events":[]}');
const NOW = 1_790_000_000_000;
const t = NOW / 1000;

describe('feed signatures', () => {
  it('signs "<t>.<body>" with HMAC-SHA256', () => {
    const mac = createHmac('sha256', SECRET).update(`${t}.${body.toString()}`).digest('hex');
    expect(signFeed(SECRET, body, t)).toBe(`t=${t},v1=${mac}`);
    expect(verifyFeedSignature(signFeed(SECRET, body, t), body, SECRET, NOW)).toEqual({ ok: true });
  });

  it('refuses a missing, malformed, expired or wrong signature', () => {
    expect(verifyFeedSignature(undefined, body, SECRET, NOW)).toEqual({ ok: false, reason: 'missing' });
    expect(verifyFeedSignature('v1=abc', body, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyFeedSignature(`t=${t}`, body, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyFeedSignature(signFeed(SECRET, body, t - 301), body, SECRET, NOW)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyFeedSignature(signFeed(SECRET, body, t + 301), body, SECRET, NOW)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyFeedSignature(signFeed(SECRET, body, t - 299), body, SECRET, NOW).ok).toBe(true);
    expect(verifyFeedSignature(signFeed(`${SECRET}x`, body, t), body, SECRET, NOW)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyFeedSignature(signFeed(SECRET, body, t), Buffer.from('{"events":[1]}'), SECRET, NOW)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    // the timestamp is signed: re-dating a captured delivery breaks it
    const [, mac] = signFeed(SECRET, body, t - 3600).split(',');
    expect(verifyFeedSignature(`t=${t},${mac}`, body, SECRET, NOW)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('accepts any of several v1 values (a sender rotating its secret)', () => {
    const [, good] = signFeed(SECRET, body, t).split(',');
    const [, old] = signFeed('an-older-secret-of-at-least-32-characters', body, t).split(',');
    expect(verifyFeedSignature(`t=${t},${old},${good}`, body, SECRET, NOW).ok).toBe(true);
  });
});

describe('the reference adapter', () => {
  it('reads the documented format and names the field at fault', () => {
    const events = referenceAdapter.parse(
      Buffer.from(
        JSON.stringify({
          events: [
            {
              id: 'e1',
              type: 'deposit',
              occurredAt: '2026-11-02T09:00:00Z',
              clientId: 'c-1',
              transactionId: 'p1',
              amount: 10.5,
              currency: 'eur',
              method: 'card',
              status: 'completed',
            },
          ],
        }),
      ),
    );
    expect(events[0]).toMatchObject({ type: 'deposit', amount: '10.5', currency: 'EUR', platform: null, login: null });
    expect((events[0].occurredAt as Date).toISOString()).toBe('2026-11-02T09:00:00.000Z');
    let err: unknown;
    try {
      referenceAdapter.parse(Buffer.from('{"events":[{"id":"e1","type":"bonus"}]}'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FeedFormatError);
    expect((err as FeedFormatError).fields[0].path).toBe('body.events.0.type');
  });
});

describe('adapter secrets in the environment', () => {
  it('reads INTEGRATION_SECRET_<ADAPTER> per adapter, and refuses a short one', () => {
    expect(parseEnv({}).INTEGRATION_SECRETS).toEqual({});
    expect(parseEnv({ INTEGRATION_SECRET_REFERENCE: SECRET }).INTEGRATION_SECRETS).toEqual({ reference: SECRET });
    expect(() => parseEnv({ INTEGRATION_SECRET_REFERENCE: 'short' })).toThrow(/at least 32/);
  });
});
