import { createHash } from 'node:crypto';
import type { Address, Alias, BirthDate, Identifier, ParsedList, SanctionEntry } from '../types';
import { partialDate } from './dates';
import { ListFileError, type InputFile } from './files';
import { childrenNamed, textOf, XmlStream, type XmlNode } from './xml';

// UN Security Council Consolidated List XML: <CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>… and
// <ENTITIES><ENTITY>…, read as a stream: each INDIVIDUAL or ENTITY becomes an entry as soon as it closes.

const values = (node: XmlNode, name: string): string[] =>
  childrenNamed(node, name).flatMap((n) =>
    childrenNamed(n, 'VALUE')
      .map((v) => v.text.trim())
      .filter(Boolean),
  );

function aliases(node: XmlNode, tag: string): Alias[] {
  const out: Alias[] = [];
  for (const a of childrenNamed(node, tag)) {
    const name = textOf(a, 'ALIAS_NAME');
    if (!name) continue;
    const quality = (textOf(a, 'QUALITY') ?? '').toLowerCase();
    out.push({ name, kind: quality === 'low' ? 'weak' : quality === 'f.k.a.' ? 'fka' : 'aka' });
  }
  return out;
}

function addresses(node: XmlNode, tag: string): Address[] {
  return childrenNamed(node, tag)
    .map((a) => {
      const out: Address = {};
      const street = textOf(a, 'STREET');
      const city = textOf(a, 'CITY');
      const region = textOf(a, 'STATE_PROVINCE');
      const zip = textOf(a, 'ZIP_CODE');
      const country = textOf(a, 'COUNTRY');
      const note = textOf(a, 'NOTE');
      if (street) out.street = street;
      if (city) out.city = city;
      if (region) out.region = region;
      if (zip) out.postalCode = zip;
      if (country) out.country = country;
      if (note) out.note = note;
      return out;
    })
    .filter((a) => Object.keys(a).length > 0);
}

function birthDates(node: XmlNode): BirthDate[] {
  const out: BirthDate[] = [];
  for (const d of childrenNamed(node, 'INDIVIDUAL_DATE_OF_BIRTH')) {
    const type = textOf(d, 'TYPE_OF_DATE');
    const circa = type === 'APPROXIMATELY' ? { circa: true } : {};
    const date = textOf(d, 'DATE');
    const year = textOf(d, 'YEAR');
    const from = textOf(d, 'FROM_YEAR');
    const to = textOf(d, 'TO_YEAR');
    const exact = (date && partialDate(date.slice(0, 10))) || (year && partialDate(year));
    if (exact) out.push({ date: exact, ...circa });
    else if (from && to) out.push({ date: from, toYear: Number(to), ...circa });
  }
  return out;
}

function documents(node: XmlNode): Identifier[] {
  const out: Identifier[] = [];
  for (const d of childrenNamed(node, 'INDIVIDUAL_DOCUMENT')) {
    const number = textOf(d, 'NUMBER');
    if (!number) continue;
    const label = [textOf(d, 'TYPE_OF_DOCUMENT'), textOf(d, 'TYPE_OF_DOCUMENT2')].filter(Boolean).join(' / ') || 'Document';
    const type = /passport/i.test(label) ? 'passport' : /national|identi|id card/i.test(label) ? 'national_id' : 'other';
    const id: Identifier = { type, label, number };
    const country = textOf(d, 'ISSUING_COUNTRY') ?? textOf(d, 'COUNTRY_OF_ISSUE');
    if (country) id.country = country;
    const note = textOf(d, 'NOTE');
    if (note) id.note = note;
    out.push(id);
  }
  return out;
}

function birthPlaces(node: XmlNode): string[] {
  return childrenNamed(node, 'INDIVIDUAL_PLACE_OF_BIRTH')
    .map((p) => [textOf(p, 'CITY'), textOf(p, 'STATE_PROVINCE'), textOf(p, 'COUNTRY')].filter(Boolean).join(', '))
    .filter(Boolean);
}

function common(
  node: XmlNode,
  name: string,
): Omit<SanctionEntry, 'schema' | 'aliases' | 'birthDates' | 'birthPlaces' | 'nationalities' | 'identifiers' | 'addresses'> {
  const entry: ReturnType<typeof common> = {
    source: 'un_sc',
    entryId: textOf(node, 'REFERENCE_NUMBER') ?? textOf(node, 'DATAID') ?? name,
    name,
    programs: [textOf(node, 'UN_LIST_TYPE')].filter((p): p is string => !!p),
  };
  const remarks = textOf(node, 'COMMENTS1');
  if (remarks) entry.remarks = remarks;
  const listedOn = textOf(node, 'LISTED_ON');
  if (listedOn) entry.listedOn = listedOn;
  return entry;
}

function individual(node: XmlNode): SanctionEntry {
  const name = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME']
    .map((t) => textOf(node, t))
    .filter(Boolean)
    .join(' ');
  const original = textOf(node, 'NAME_ORIGINAL_SCRIPT');
  const entry: SanctionEntry = {
    ...common(node, name),
    schema: 'Person',
    aliases: [...(original ? [{ name: original, kind: 'original_script' as const }] : []), ...aliases(node, 'INDIVIDUAL_ALIAS')],
    birthDates: birthDates(node),
    birthPlaces: birthPlaces(node),
    nationalities: values(node, 'NATIONALITY').filter((n) => n.toLowerCase() !== 'na'),
    identifiers: documents(node),
    addresses: addresses(node, 'INDIVIDUAL_ADDRESS'),
  };
  const gender = textOf(node, 'GENDER');
  if (gender) entry.gender = gender;
  const title = values(node, 'TITLE').join('; ');
  if (title) entry.title = title;
  return entry;
}

function entity(node: XmlNode): SanctionEntry {
  const original = textOf(node, 'NAME_ORIGINAL_SCRIPT');
  return {
    ...common(node, textOf(node, 'FIRST_NAME') ?? ''),
    schema: 'Organization',
    aliases: [...(original ? [{ name: original, kind: 'original_script' as const }] : []), ...aliases(node, 'ENTITY_ALIAS')],
    birthDates: [],
    birthPlaces: [],
    nationalities: [],
    identifiers: [],
    addresses: addresses(node, 'ENTITY_ADDRESS'),
  };
}

/** True when the start of a file (its first 2 KB or so) is the UN consolidated list's XML. */
export function isUnConsolidatedList(head: string): boolean {
  return /<CONSOLIDATED_LIST[\s>]/.test(head);
}

/** Reads the UN list piece by piece (`write` bytes as they arrive, then `finish`), hashing as it goes. */
export class UnListReader {
  private readonly entries: SanctionEntry[] = [];
  private readonly hash = createHash('sha256');
  private readonly xml: XmlStream;
  private publishedAt: string | undefined;

  constructor(private readonly name: string) {
    this.xml = new XmlStream({
      fileName: name,
      records: new Set(['INDIVIDUAL', 'ENTITY']),
      onRoot: (root) => {
        if (root.name !== 'CONSOLIDATED_LIST')
          throw new ListFileError(`${name}: not a UN consolidated list (no CONSOLIDATED_LIST element)`);
        this.publishedAt = root.attrs.dateGenerated;
      },
      onRecord: (node, path) => {
        if (path.length !== 2) return;
        if (node.name === 'INDIVIDUAL' && path[1] === 'INDIVIDUALS') this.entries.push(individual(node));
        else if (node.name === 'ENTITY' && path[1] === 'ENTITIES') this.entries.push(entity(node));
      },
    });
  }

  write(chunk: Buffer): this {
    this.hash.update(chunk);
    this.readOrFail(() => this.xml.write(chunk));
    return this;
  }

  finish(): ParsedList {
    const doc = this.readOrFail(() => this.xml.close());
    if (doc.children[0]?.name !== 'CONSOLIDATED_LIST')
      throw new ListFileError(`${this.name}: not a UN consolidated list (no CONSOLIDATED_LIST element)`);
    // individuals, then entities: the order of the file, and of the entries of earlier imports
    const entries = [...this.entries.filter((e) => e.schema === 'Person'), ...this.entries.filter((e) => e.schema !== 'Person')];
    return {
      source: 'un_sc',
      files: [{ role: 'xml', name: this.name, sha256: this.hash.digest('hex') }],
      entries,
      ...(this.publishedAt ? { publishedAt: this.publishedAt } : {}),
    };
  }

  /** saxes' errors ("UN.xml:12:5: unexpected close tag.") already name the file and place. */
  private readOrFail<T>(read: () => T): T {
    try {
      return read();
    } catch (err) {
      if (err instanceof ListFileError) throw err;
      throw new ListFileError(err instanceof Error ? err.message : String(err), { cause: err });
    }
  }
}

const CHUNK = 64 * 1024;

/** The UN list from a file already in memory, fed to the stream reader in 64 KB pieces (never one string). */
export function parseUn(file: InputFile): ParsedList {
  const reader = new UnListReader(file.name);
  for (let i = 0; i < file.content.length; i += CHUNK) reader.write(file.content.subarray(i, i + CHUNK));
  return reader.finish();
}

/** The UN list from a stream (a file read with fs.createReadStream, an upload): never whole in memory. */
export async function readUnList(name: string, chunks: AsyncIterable<Buffer>): Promise<ParsedList> {
  const reader = new UnListReader(name);
  for await (const chunk of chunks) reader.write(chunk);
  return reader.finish();
}
