// The automated KYC checks over one client's profile and documents. Pure: the activity loads the facts.
import { mrzDate, parseTd3 } from '../../workflows/kyc-review/mrz';

export type CheckStatus = 'pass' | 'fail' | 'warn' | 'not_applicable';

export interface CheckResult {
  check: string;
  status: CheckStatus;
  /** a blocking failure takes approval off the decision form: new documents or a rejection are needed */
  blocking: boolean;
  detail: Record<string, unknown>;
}

export interface DocumentFacts {
  id: string;
  kind: string;
  docType: string | null;
  number: string | null;
  issuedAt: Date | null;
  expiresAt: Date | null;
  mrz: string | null;
  uploadedAt: Date;
}

export interface CheckFacts {
  clientType: 'individual' | 'corporate';
  dateOfBirth: Date | null;
  documents: DocumentFacts[];
  /** other clients holding an identity document with the same number */
  sameDocumentNumber: string[];
  /** other clients with the same name and date of birth */
  sameNameAndBirthDate: string[];
}

export interface CheckSettings {
  ageOfMajority: number;
  proofOfAddressMaxMonths: number;
  expiryWarningDays: number;
}

const DAY = 86_400_000;
const iso = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;
const result = (check: string, status: CheckStatus, detail: Record<string, unknown>, blocking = status === 'fail'): CheckResult => ({
  check,
  status,
  blocking,
  detail,
});

export const REQUIRED_KINDS = {
  individual: ['identity', 'proof_of_address'],
  corporate: ['identity', 'proof_of_address', 'registration', 'beneficial_owners'],
} as const;

/** The newest document of a kind: a re-upload after a request for information replaces the old one. */
const newest = (docs: DocumentFacts[], kind: string) =>
  docs.filter((d) => d.kind === kind).sort((a, b) => b.uploadedAt.getTime() - a.uploadedAt.getTime())[0];

export const normaliseDocNumber = (n: string) => n.toUpperCase().replace(/[^A-Z0-9]/g, '');

function ageOn(birth: Date, now: number): number {
  const d = new Date(now);
  const age = d.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday =
    d.getUTCMonth() < birth.getUTCMonth() || (d.getUTCMonth() === birth.getUTCMonth() && d.getUTCDate() < birth.getUTCDate());
  return beforeBirthday ? age - 1 : age;
}

function monthsBefore(now: number, months: number): number {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, d.getUTCDate());
}

export function documentChecks(f: CheckFacts, s: CheckSettings, now: number): CheckResult[] {
  const out: CheckResult[] = [];
  const missing = REQUIRED_KINDS[f.clientType].filter((k) => !f.documents.some((d) => d.kind === k));
  out.push(result('documents_required', missing.length ? 'fail' : 'pass', { required: REQUIRED_KINDS[f.clientType], missing }));

  const id = newest(f.documents, 'identity');
  if (!id) out.push(result('document_expiry', 'fail', { reason: 'no identity document' }));
  else if (!id.expiresAt) out.push(result('document_expiry', 'warn', { documentId: id.id, reason: 'no expiry date recorded' }));
  else {
    const daysLeft = Math.floor((id.expiresAt.getTime() - now) / DAY);
    const status = daysLeft < 0 ? 'fail' : daysLeft < s.expiryWarningDays ? 'warn' : 'pass';
    out.push(result('document_expiry', status, { documentId: id.id, expiresAt: iso(id.expiresAt), daysLeft }));
  }

  if (f.clientType === 'corporate') out.push(result('age_of_majority', 'not_applicable', { reason: 'corporate client' }));
  else if (!f.dateOfBirth) out.push(result('age_of_majority', 'fail', { reason: 'date of birth not recorded' }));
  else {
    const age = ageOn(f.dateOfBirth, now);
    out.push(result('age_of_majority', age >= s.ageOfMajority ? 'pass' : 'fail', { age, minimum: s.ageOfMajority }));
  }

  out.push(mrzCheck(id, f.dateOfBirth, now));

  const poa = newest(f.documents, 'proof_of_address');
  if (!poa) out.push(result('proof_of_address_age', 'fail', { reason: 'no proof of address' }));
  else if (!poa.issuedAt) out.push(result('proof_of_address_age', 'warn', { documentId: poa.id, reason: 'no issue date recorded' }));
  else {
    const oldest = monthsBefore(now, s.proofOfAddressMaxMonths);
    out.push(
      result('proof_of_address_age', poa.issuedAt.getTime() >= oldest ? 'pass' : 'fail', {
        documentId: poa.id,
        issuedAt: iso(poa.issuedAt),
        maxMonths: s.proofOfAddressMaxMonths,
      }),
    );
  }

  // A duplicate is shown, not blocking: one person may hold two client records (personal and joint).
  const dup = [...new Set([...f.sameDocumentNumber, ...f.sameNameAndBirthDate])];
  out.push(
    result(
      'duplicate_identity',
      dup.length ? 'fail' : 'pass',
      {
        sameDocumentNumber: f.sameDocumentNumber,
        sameNameAndBirthDate: f.sameNameAndBirthDate,
      },
      false,
    ),
  );
  return out;
}

function mrzCheck(id: DocumentFacts | undefined, birth: Date | null, now: number): CheckResult {
  if (!id || id.docType !== 'passport') return result('passport_mrz', 'not_applicable', { reason: 'no passport' });
  if (!id.mrz) return result('passport_mrz', 'warn', { documentId: id.id, reason: 'MRZ not recorded' });
  const mrz = parseTd3(id.mrz);
  if (!mrz.fields) return result('passport_mrz', 'fail', { documentId: id.id, reason: mrz.error });
  const mismatches: string[] = [];
  if (id.number && normaliseDocNumber(id.number) !== normaliseDocNumber(mrz.fields.documentNumber)) mismatches.push('document_number');
  if (birth && mrzDate(mrz.fields.birthDate, 'birth', now) !== iso(birth)) mismatches.push('birth_date');
  if (id.expiresAt && mrzDate(mrz.fields.expiryDate, 'expiry', now) !== iso(id.expiresAt)) mismatches.push('expiry_date');
  const badDigits = mrz.checks.filter((c) => !c.ok).map((c) => c.field);
  return result('passport_mrz', mrz.valid && mismatches.length === 0 ? 'pass' : 'fail', {
    documentId: id.id,
    badCheckDigits: badDigits,
    mismatches,
    checks: mrz.checks,
  });
}
