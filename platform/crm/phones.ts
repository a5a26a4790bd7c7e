// Phone numbers to E.164 with libphonenumber-js (full metadata). Stored numbers keep their E.164 form and
// their national significant number, so a search typed in any national or international format finds them.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export interface NormalizedPhone {
  /** +<country code><national number> */
  e164: string;
  /** the national significant number (no trunk prefix), e.g. 2079460018 for 020 7946 0018 */
  national: string;
  /** ISO 3166-1 alpha-2, when the number tells */
  country: string | null;
  /** matches the numbering plan of its country (not only a possible length) */
  valid: boolean;
}

const PHONE_CHARS = /^[+\d\s().\-/]+$/;

const asCountry = (c: string | null | undefined): CountryCode | undefined =>
  c && /^[A-Z]{2}$/.test(c.toUpperCase()) ? (c.toUpperCase() as CountryCode) : undefined;

/** `00` is the international call prefix in most of the world: 0044… is +44… */
const international = (raw: string) => raw.trim().replace(/^00(?=[1-9])/, '+');

/**
 * A phone number in any format → E.164, or null when it cannot be a phone number. A national format needs
 * the country it was written in (`defaultCountry`); an international one (+… or 00…) does not.
 */
export function normalizePhone(raw: string, defaultCountry?: string | null): NormalizedPhone | null {
  const p = parsePhone(raw, defaultCountry);
  return p && { e164: p.number, national: p.nationalNumber, country: p.country ?? null, valid: p.isValid() };
}

/**
 * normalizePhone's E.164 and national number alone, for callers that store just those (imports): null for
 * the same texts, without the numbering-plan check behind `valid`, which costs about as much as the parse.
 */
export function phoneNumberOf(raw: string, defaultCountry?: string | null): Pick<NormalizedPhone, 'e164' | 'national'> | null {
  const p = parsePhone(raw, defaultCountry);
  return p && { e164: p.number, national: p.nationalNumber };
}

function parsePhone(raw: string, defaultCountry?: string | null) {
  const text = international(raw.replace(/[\u00a0\u2000-\u200b]/g, ' '));
  if (!text || !PHONE_CHARS.test(text) || text.replace(/\D/g, '').length < 6) return null;
  const p = parsePhoneNumberFromString(text, asCountry(defaultCountry));
  return p && p.isPossible() ? p : null;
}

export interface PhoneQuery {
  /** E.164 numbers the query can be */
  e164: string[];
  /** national significant numbers the query can be */
  national: string[];
}

/**
 * What a search text may be as a phone number, or null when it is not one. Without a + or 00 the country is
 * unknown: the text is tried in each of `countries` (the branches' countries), as an international number
 * without its +, and as a national significant number with or without its trunk 0.
 */
export function phoneQuery(q: string, countries: readonly string[] = []): PhoneQuery | null {
  const text = international(q);
  if (!PHONE_CHARS.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  if (digits.length < 6 || digits.length > 17) return null;
  const e164 = new Set<string>();
  const national = new Set<string>();
  const add = (p: NormalizedPhone | null) => {
    if (!p) return;
    e164.add(p.e164);
    national.add(p.national);
  };
  if (text.startsWith('+')) {
    add(normalizePhone(text));
  } else {
    for (const c of countries) add(normalizePhone(text, c));
    add(normalizePhone(`+${digits}`));
    national.add(digits);
    national.add(digits.replace(/^0+/, ''));
  }
  national.delete('');
  return e164.size || national.size ? { e164: [...e164], national: [...national] } : null;
}
