import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The issuers' list files shipped with the product (reference/sanctions/, see its README): fixed
// snapshots that tests, benches and the demo seed import. Screening in production imports current files.

export const REFERENCE_SANCTIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../reference/sanctions');

export const REFERENCE_LIST_FILES = [
  'sdn.csv',
  'alt.csv',
  'add.csv',
  'sdn_comments.csv',
  'cons_prim.csv',
  'cons_alt.csv',
  'cons_add.csv',
  'UN_consolidated.xml',
] as const;

export const referenceListPath = (name: (typeof REFERENCE_LIST_FILES)[number]) => path.join(REFERENCE_SANCTIONS_DIR, name);
