import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildIndex, type ScreeningIndex } from '../../../platform/screening/index';
import { parseOfac } from '../../../platform/screening/parse/ofac';
import { REFERENCE_SANCTIONS_DIR } from '../../../platform/screening/parse/reference';
import { parseUn } from '../../../platform/screening/parse/un';
import type { ParsedList } from '../../../platform/screening/types';

// The issuers' real files, shipped in reference/sanctions/.
export const SANCTIONS_DIR = REFERENCE_SANCTIONS_DIR;

export const listFile = (name: string) => ({ name, content: readFileSync(path.join(SANCTIONS_DIR, name)) });
export const listText = (name: string) => readFileSync(path.join(SANCTIONS_DIR, name), 'utf8');

let cache: { sdn: ParsedList; cons: ParsedList; un: ParsedList; index: ScreeningIndex } | undefined;

export function lists() {
  if (!cache) {
    const sdn = parseOfac('ofac_sdn', {
      primary: listFile('sdn.csv'),
      alt: listFile('alt.csv'),
      add: listFile('add.csv'),
      comments: listFile('sdn_comments.csv'),
    });
    const cons = parseOfac('ofac_cons', {
      primary: listFile('cons_prim.csv'),
      alt: listFile('cons_alt.csv'),
      add: listFile('cons_add.csv'),
    });
    const un = parseUn(listFile('UN_consolidated.xml'));
    cache = { sdn, cons, un, index: buildIndex([...sdn.entries, ...cons.entries, ...un.entries]) };
  }
  return cache;
}

/** Every n-th element, so large lists are sampled the same way on every run. */
export const every = <T>(items: T[], n: number): T[] => items.filter((_, i) => i % n === 0);
