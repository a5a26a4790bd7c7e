import type { Address, Alias, EntrySchema, ParsedList, SanctionEntry } from '../types';
import { parseCsv } from './csv';
import { describe, ListFileError, type InputFile } from './files';
import { parseRemarks } from './remarks';

// OFAC's legacy CSV (sdn.csv/add.csv/alt.csv/sdn_comments.csv and the cons_* twins): no header, `-0-`
// for empty, a DOS EOF byte at the end. Remarks longer than 1,000 characters continue in sdn_comments.csv.

export interface OfacFiles {
  primary: InputFile;
  alt?: InputFile;
  add?: InputFile;
  comments?: InputFile;
}

const SCHEMAS: Record<string, EntrySchema> = { individual: 'Person', vessel: 'Vessel', aircraft: 'Airplane' };

function rows(file: InputFile | undefined): string[][] {
  if (!file) return [];
  let parsed: string[][];
  try {
    parsed = parseCsv(file.content);
  } catch (err) {
    throw new ListFileError(`${file.name}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  return parsed.map((r) => r.map((f) => (f.trim() === '-0-' ? '' : f.trim()))).filter((r) => r.length > 1 && /^\d+$/.test(r[0]));
}

function byEntry(file: InputFile | undefined): Map<string, string[][]> {
  const map = new Map<string, string[][]>();
  for (const r of rows(file)) {
    const list = map.get(r[0]);
    if (list) list.push(r);
    else map.set(r[0], [r]);
  }
  return map;
}

function programs(field: string): string[] {
  // "SDGT] [NS-PLC" is how OFAC flattens several bracketed programs into one column
  return field
    .split(/\]\s*\[/)
    .map((p) => p.replace(/[[\]]/g, '').trim())
    .filter(Boolean);
}

function address(r: string[]): Address | undefined {
  const [, , street, cityLine, country, note] = r;
  const a: Address = {};
  if (street) a.street = street;
  if (cityLine) a.city = cityLine;
  if (country) a.country = country;
  if (note) a.note = note;
  return Object.keys(a).length ? a : undefined;
}

export function parseOfac(source: 'ofac_sdn' | 'ofac_cons', files: OfacFiles): ParsedList {
  const alts = byEntry(files.alt);
  const adds = byEntry(files.add);
  const comments = new Map(rows(files.comments).map((r) => [r[0], r[1] ?? '']));
  const entries: SanctionEntry[] = rows(files.primary).map((r) => {
    const [entNum, name, type, program, title, , , , , , , remarksField] = r;
    const remarks = (remarksField ?? '') + (comments.get(entNum) ?? '');
    const facts = parseRemarks(remarks);
    const aliases: Alias[] = [];
    const seen = new Set([name.toLowerCase()]);
    const addAlias = (alias: Alias) => {
      const k = alias.name.toLowerCase();
      if (alias.name && !seen.has(k)) {
        seen.add(k);
        aliases.push(alias);
      }
    };
    for (const a of alts.get(entNum) ?? []) {
      const kind = a[2]?.toLowerCase();
      const weak = /weak/i.test(a[4] ?? '');
      addAlias({ name: a[3], kind: weak ? 'weak' : kind === 'fka' || kind === 'nka' ? kind : 'aka' });
    }
    for (const a of facts.aliases) addAlias(a);
    const entry: SanctionEntry = {
      source,
      entryId: entNum,
      schema: SCHEMAS[type?.toLowerCase()] ?? 'Organization',
      name,
      aliases,
      birthDates: facts.birthDates,
      birthPlaces: facts.birthPlaces,
      nationalities: facts.nationalities,
      identifiers: facts.identifiers,
      addresses: (adds.get(entNum) ?? []).map(address).filter((a): a is Address => !!a),
      programs: programs(program ?? ''),
    };
    if (facts.gender) entry.gender = facts.gender;
    if (title) entry.title = title;
    if (remarks) entry.remarks = remarks;
    return entry;
  });
  const described = [
    describe('primary', files.primary),
    ...(files.alt ? [describe('alt', files.alt)] : []),
    ...(files.add ? [describe('add', files.add)] : []),
    ...(files.comments ? [describe('comments', files.comments)] : []),
  ];
  return { source, files: described, entries };
}
