// Machine-readable zone of a passport (ICAO Doc 9303 part 4, TD3: two lines of 44 characters).
// Pure: used by the KYC checks activity and testable on the ICAO specimen.

const WEIGHTS = [7, 3, 1];

function charValue(c: string): number {
  if (c === '<') return 0;
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  if (c >= 'A' && c <= 'Z') return c.charCodeAt(0) - 55; // A = 10 … Z = 35
  throw new RangeError(`Character "${c}" is not allowed in an MRZ`);
}

/** ICAO 9303 check digit: values weighted 7, 3, 1 repeating, summed, modulo 10. */
export function checkDigit(field: string): number {
  let sum = 0;
  for (let i = 0; i < field.length; i++) sum += charValue(field[i]) * WEIGHTS[i % 3];
  return sum % 10;
}

export interface MrzCheck {
  field: 'document_number' | 'birth_date' | 'expiry_date' | 'personal_number' | 'composite';
  expected: number;
  found: string;
  ok: boolean;
}

export interface Td3 {
  documentCode: string;
  issuingState: string;
  surname: string;
  givenNames: string;
  documentNumber: string;
  nationality: string;
  /** YYMMDD as printed */
  birthDate: string;
  sex: string;
  expiryDate: string;
  personalNumber: string;
}

export interface MrzResult {
  valid: boolean;
  /** why the lines could not be read at all (wrong length, characters); checks are empty then */
  error?: string;
  checks: MrzCheck[];
  fields?: Td3;
}

const trimFiller = (s: string) => s.replace(/<+$/, '');

/** Accepts the two lines separated by a newline, or as an array. Spaces around lines are ignored. */
export function parseTd3(input: string | string[]): MrzResult {
  const lines = (Array.isArray(input) ? input : input.split(/\r?\n/)).map((l) => l.trim().toUpperCase()).filter((l) => l.length > 0);
  if (lines.length !== 2 || lines.some((l) => l.length !== 44)) {
    return { valid: false, error: 'A TD3 MRZ has two lines of 44 characters', checks: [] };
  }
  const [l1, l2] = lines;
  if (!/^[A-Z0-9<]{44}$/.test(l1) || !/^[A-Z0-9<]{44}$/.test(l2)) {
    return { valid: false, error: 'Only A–Z, 0–9 and < are allowed in an MRZ', checks: [] };
  }
  const check = (field: MrzCheck['field'], data: string, digit: string): MrzCheck => {
    const expected = checkDigit(data);
    // an empty optional personal number may carry a filler instead of 0
    const ok = digit === String(expected) || (field === 'personal_number' && /^<+$/.test(data) && digit === '<');
    return { field, expected, found: digit, ok };
  };
  const checks = [
    check('document_number', l2.slice(0, 9), l2[9]),
    check('birth_date', l2.slice(13, 19), l2[19]),
    check('expiry_date', l2.slice(21, 27), l2[27]),
    check('personal_number', l2.slice(28, 42), l2[42]),
    check('composite', l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43), l2[43]),
  ];
  const [surname, given = ''] = l1.slice(5).split('<<');
  return {
    valid: checks.every((c) => c.ok),
    checks,
    fields: {
      documentCode: trimFiller(l1.slice(0, 2)),
      issuingState: trimFiller(l1.slice(2, 5)),
      surname: surname.replace(/</g, ' ').trim(),
      givenNames: given.replace(/</g, ' ').trim(),
      documentNumber: trimFiller(l2.slice(0, 9)),
      nationality: trimFiller(l2.slice(10, 13)),
      birthDate: l2.slice(13, 19),
      sex: l2[20],
      expiryDate: l2.slice(21, 27),
      personalNumber: trimFiller(l2.slice(28, 42)),
    },
  };
}

/**
 * YYMMDD → YYYY-MM-DD. The MRZ has two-digit years: a birth date is in the past (so "74" is 1974 in
 * 2026), an expiry date within the next 50 years.
 */
export function mrzDate(yymmdd: string, kind: 'birth' | 'expiry', now: number): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  const year = new Date(now).getUTCFullYear();
  const century = Math.floor(year / 100) * 100;
  let full = century + yy;
  if (kind === 'birth' && full > year) full -= 100;
  if (kind === 'expiry' && full < year - 50) full += 100;
  const iso = `${full}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}
