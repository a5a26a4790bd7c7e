import type { ImportKind } from './types';

// The fields a file's columns may map to, per kind, as the API names them (platform/imports/kinds.ts). A column
// left on "by its name" goes to the field of the same name, folded (case, spaces, dashes and underscores ignored:
// "First Name", first_name and firstName are one); the API refuses a file with a column it cannot place, so such a
// column must be mapped or left out.
export const IMPORT_FIELDS: Record<ImportKind, readonly string[]> = {
  leads: [
    'firstName',
    'lastName',
    'email',
    'phone',
    'country',
    'source',
    'campaign',
    'ib',
    'utmSource',
    'utmMedium',
    'utmCampaign',
    'utmTerm',
    'utmContent',
    'dateOfBirth',
    'language',
    'temperature',
  ],
  clients: [
    'id',
    'type',
    'firstName',
    'lastName',
    'legalName',
    'dateOfBirth',
    'nationality',
    'nationalId',
    'country',
    'branchId',
    'accountManagerId',
    'ib',
    'tier',
    'language',
    'segment',
    'email',
    'phone',
    'kycStatus',
  ],
  accounts: ['clientId', 'platform', 'login', 'currency', 'leverage', 'balance', 'equity', 'marginLevel', 'status', 'asOf'],
  transactions: [
    'clientId',
    'externalId',
    'type',
    'amount',
    'currency',
    'method',
    'status',
    'bookedAt',
    'platform',
    'login',
    'counterpartyName',
    'counterpartyCountry',
    'instrument',
    'pnl',
  ],
};

export const fold = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Names a file may use besides the field's own. */
const ALIASES: Record<string, string> = { introducingbrokerid: 'ib', introducingbroker: 'ib', accountlogin: 'login' };

/** The field a column goes to by its name, or undefined when the API would not know it. */
export const fieldByName = (kind: ImportKind, column: string): string | undefined => {
  const folded = fold(column);
  return IMPORT_FIELDS[kind].find((f) => fold(f) === folded || fold(f) === ALIASES[folded]);
};
