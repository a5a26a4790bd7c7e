// The security-relevant defaults of the environment (issue 7, item 10).
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../platform/env';

describe('environment', () => {
  it('marks the session cookie Secure by default in production, and not in development, unless set', () => {
    expect(parseEnv({ NODE_ENV: 'production' }).COOKIE_SECURE).toBe(true);
    expect(parseEnv({ NODE_ENV: 'production', COOKIE_SECURE: 'false' }).COOKIE_SECURE).toBe(false);
    expect(parseEnv({}).COOKIE_SECURE).toBe(false);
    expect(parseEnv({ COOKIE_SECURE: 'true' }).COOKIE_SECURE).toBe(true);
  });

  it('reads PUBLIC_ORIGIN as a list of origins, http://localhost:3000 by default', () => {
    expect(parseEnv({}).PUBLIC_ORIGIN).toEqual(['http://localhost:3000']);
    expect(parseEnv({ PUBLIC_ORIGIN: 'https://crm.example.com/, https://crm2.example.com:8443' }).PUBLIC_ORIGIN).toEqual([
      'https://crm.example.com',
      'https://crm2.example.com:8443',
    ]);
    expect(() => parseEnv({ PUBLIC_ORIGIN: 'crm.example.com' })).toThrow(/PUBLIC_ORIGIN/);
  });

  it('has login throttling defaults', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      LOGIN_MAX_FAILURES: 5,
      LOGIN_MAX_FAILURES_PER_ACCOUNT: 20,
      LOGIN_MAX_FAILURES_PER_ADDRESS: 50,
      LOGIN_BACKOFF_MAX_MINUTES: 15,
    });
  });
});
