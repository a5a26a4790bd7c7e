// Staff two-factor authentication: TOTP (RFC 6238: SHA-1, 6 digits, 30 s, as every authenticator app
// reads from an otpauth:// URI) and one-time recovery codes. Secrets and codes are never logged or audited.
import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { Secret, TOTP } from 'otpauth';

const ISSUER = 'Broker CRM';
export const RECOVERY_CODE_COUNT = 10;
/** the settings row holding the roles that must use two-factor authentication */
export const TWO_FACTOR_ROLES_SETTING = 'auth.twoFactorRoles';

const totpOf = (secret: string, label = '') =>
  new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });

export function newTotpSecret(email: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totpOf(secret, email).toString() };
}

/** The time step of a valid code (the current one or one either side, for clock drift), or null. */
export function totpStep(secret: string, code: string): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const totp = totpOf(secret);
  const delta = totp.validate({ token: code, window: 1 });
  return delta === null ? null : totp.counter() + delta;
}

// 16 characters of base32 (80 random bits): enough that a plain SHA-256 of the code cannot be reversed.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(16);
    const chars = Array.from(bytes, (b) => ALPHABET[b % 32]).join('');
    return chars.match(/.{4}/g)!.join('-');
  });
}

/** Hash of a recovery code as typed: case, spaces and dashes do not matter. */
export const hashRecoveryCode = (code: string) => createHash('sha256').update(code.toLowerCase().replace(/[\s-]/g, '')).digest('hex');

export const looksLikeRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '').length === 16;

/**
 * Checks a second factor: a TOTP code (each time step accepted once: a code seen on a shoulder cannot
 * be replayed) or an unused recovery code (spent by this call). Answers how it was proved, or null.
 */
export async function checkSecondFactor(
  prisma: PrismaClient,
  user: { id: string; totpSecret: string | null },
  code: string,
): Promise<'totp' | 'recovery' | null> {
  if (!user.totpSecret) return null;
  const trimmed = code.trim();
  const step = totpStep(user.totpSecret, trimmed);
  if (step !== null) {
    const { count } = await prisma.user.updateMany({
      where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return count === 1 ? 'totp' : null;
  }
  if (looksLikeRecoveryCode(trimmed)) {
    const { count } = await prisma.recoveryCode.updateMany({
      where: { userId: user.id, codeHash: hashRecoveryCode(trimmed), usedAt: null },
      data: { usedAt: new Date() },
    });
    return count === 1 ? 'recovery' : null;
  }
  return null;
}

/** Roles an administrator requires two-factor authentication for. */
export async function twoFactorRoles(prisma: PrismaClient): Promise<string[]> {
  const row = await prisma.setting.findUnique({ where: { key: TWO_FACTOR_ROLES_SETTING } });
  return Array.isArray(row?.value) ? row.value.filter((r): r is string => typeof r === 'string') : [];
}

export const requiresTwoFactor = (roles: readonly string[], required: readonly string[]) => roles.some((r) => required.includes(r));
