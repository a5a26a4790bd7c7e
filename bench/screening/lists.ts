import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { InputFile } from '../../platform/screening/parse/files';
import { parseOfac } from '../../platform/screening/parse/ofac';
import { REFERENCE_SANCTIONS_DIR } from '../../platform/screening/parse/reference';
import { parseUn } from '../../platform/screening/parse/un';
import type { ParsedList } from '../../platform/screening/types';

// Benches read the issuers' real files shipped in reference/sanctions/.
export const SANCTIONS_DIR = REFERENCE_SANCTIONS_DIR;

export const file = (name: string): InputFile => ({ name, content: readFileSync(path.join(SANCTIONS_DIR, name)) });

export const LIST_FILES = [
  'sdn.csv',
  'alt.csv',
  'add.csv',
  'sdn_comments.csv',
  'cons_prim.csv',
  'cons_alt.csv',
  'cons_add.csv',
  'UN_consolidated.xml',
];

export function parseAll(): ParsedList[] {
  return [
    parseOfac('ofac_sdn', { primary: file('sdn.csv'), alt: file('alt.csv'), add: file('add.csv'), comments: file('sdn_comments.csv') }),
    parseOfac('ofac_cons', { primary: file('cons_prim.csv'), alt: file('cons_alt.csv'), add: file('cons_add.csv') }),
    parseUn(file('UN_consolidated.xml')),
  ];
}
