import type { Address, Alias, BirthDate, Identifier, ParsedList, SanctionEntry } from '../types';
import { partialDate } from './dates';
import { describe, text, type InputFile } from './files';
import { child, childrenNamed, parseXml, textOf, type XmlNode } from './xml';

// UN Security Council Consolidated List XML: <INDIVIDUALS><INDIVIDUAL>… and <ENTITIES><ENTITY>…

const values = (node: XmlNode, name: string): string[] =>
  childrenNamed(node, name).flatMap((n) => childrenNamed(n, 'VALUE').map((v) => v.text.trim()).filter(Boolean));

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

function common(node: XmlNode, name: string): Omit<SanctionEntry, 'schema' | 'aliases' | 'birthDates' | 'birthPlaces' | 'nationalities' | 'identifiers' | 'addresses'> {
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

export function parseUn(file: InputFile): ParsedList {
  const doc = parseXml(text(file));
  const list = child(doc, 'CONSOLIDATED_LIST');
  if (!list) throw new Error(`${file.name}: not a UN consolidated list (no CONSOLIDATED_LIST element)`);
  const entries = [
    ...childrenNamed(child(list, 'INDIVIDUALS'), 'INDIVIDUAL').map(individual),
    ...childrenNamed(child(list, 'ENTITIES'), 'ENTITY').map(entity),
  ];
  const publishedAt = list.attrs.dateGenerated;
  return { source: 'un_sc', files: [describe('xml', file)], entries, ...(publishedAt ? { publishedAt } : {}) };
}
