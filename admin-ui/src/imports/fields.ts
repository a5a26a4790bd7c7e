import type { ImportKind } from './types';

// The fields a file's columns may map to, per kind, as the API names them (api/imports). A column left on
// "by its name" goes to the field of the same name (case, spaces, dashes and underscores ignored).
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
  clients: [],
  accounts: [],
  transactions: [],
};
