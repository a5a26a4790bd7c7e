import path from 'node:path';
import { parseCsv } from './parse/csv';
import type { InputFile } from './parse/files';
import { parseOfac, type OfacFiles } from './parse/ofac';
import { isUnConsolidatedList, parseUn } from './parse/un';
import type { ParsedList } from './types';

// Which list each file belongs to, from its content first and its name second: the UN list is XML with a
// CONSOLIDATED_LIST root; OFAC's files are told apart by column count (12 primary, 5 alias, 6 address,
// 2 remarks continuation) and SDN from consolidated by the "cons" in the issuer's file names.

type OfacRole = keyof OfacFiles;

export class ListFormatError extends Error {}

function ofacRole(file: InputFile): OfacRole {
  let head: string[][];
  try {
    head = parseCsv(file.content, { toLine: 40 });
  } catch (err) {
    throw new ListFormatError(`${file.name}: not an OFAC list file (${err instanceof Error ? err.message : String(err)})`);
  }
  const rows = head.filter((r) => r.length > 1 && /^\d+$/.test(r[0].trim()));
  const widths = new Set(rows.slice(0, 20).map((r) => r.length));
  const width = widths.size === 1 ? [...widths][0] : undefined;
  const roles: Record<number, OfacRole> = { 12: 'primary', 5: 'alt', 6: 'add', 2: 'comments' };
  const role = width ? roles[width] : undefined;
  if (!role)
    throw new ListFormatError(
      `${file.name}: not an OFAC list file (expected 12, 5, 6 or 2 columns, found ${[...widths].join('/') || 'none'})`,
    );
  return role;
}

/** Groups files into list imports and parses them. */
export function parseListFiles(files: InputFile[]): ParsedList[] {
  const lists: ParsedList[] = [];
  const ofac: Record<'ofac_sdn' | 'ofac_cons', Partial<OfacFiles>> = { ofac_sdn: {}, ofac_cons: {} };
  for (const file of files) {
    const head = file.content.subarray(0, 2000).toString('utf8');
    if (isUnConsolidatedList(head)) {
      lists.push(parseUn(file));
      continue;
    }
    if (/^\s*</.test(head)) throw new ListFormatError(`${file.name}: XML, but not the UN consolidated list`);
    const source = /(^|[^a-z])cons/i.test(path.basename(file.name)) ? 'ofac_cons' : 'ofac_sdn';
    const role = ofacRole(file);
    if (ofac[source][role]) throw new ListFormatError(`${file.name}: a second ${role} file for ${source}`);
    ofac[source][role] = file;
  }
  for (const source of ['ofac_sdn', 'ofac_cons'] as const) {
    const group = ofac[source];
    if (Object.keys(group).length === 0) continue;
    if (!group.primary) {
      const given = Object.values(group)
        .map((f) => f!.name)
        .join(', ');
      throw new ListFormatError(
        `${given}: ${source} needs its primary file (${source === 'ofac_sdn' ? 'sdn.csv' : 'cons_prim.csv'}) in the same import`,
      );
    }
    lists.push(parseOfac(source, group as OfacFiles));
  }
  return lists;
}
