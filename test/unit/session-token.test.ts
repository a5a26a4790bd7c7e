import { describe, expect, it } from 'vitest';
import { tokenFrom } from '../../api/auth/session';

describe('tokenFrom', () => {
  it('reads the bearer token, then the sid cookie', () => {
    expect(tokenFrom({ authorization: 'Bearer abc' })).toBe('abc');
    expect(tokenFrom({ cookie: 'theme=dark; sid=a%2Bb' })).toBe('a+b');
  });

  it('treats a cookie that is not valid percent-encoding as no token instead of throwing', () => {
    for (const cookie of ['sid=%', 'sid=%E0%A4%A', 'x=1; sid=%ZZ']) expect(tokenFrom({ cookie })).toBeNull();
  });
});
