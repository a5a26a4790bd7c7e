import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../../platform/db';
import { searchName } from '../../../platform/screening/index';
import { parseOfac } from '../../../platform/screening/parse/ofac';
import { REFERENCE_SANCTIONS_DIR } from '../../../platform/screening/parse/reference';
import { parseUn } from '../../../platform/screening/parse/un';
import { importList, latestVersions, loadIndex } from '../../../platform/screening/store';
import { createTestDatabase } from '../../support/db';

// The list store against a real PostgreSQL, with the issuers' real files.
const DIR = REFERENCE_SANCTIONS_DIR;
const file = (name: string) => ({ name, content: readFileSync(path.join(DIR, name)) });
const cons = () => parseOfac('ofac_cons', { primary: file('cons_prim.csv'), alt: file('cons_alt.csv'), add: file('cons_add.csv') });
const un = () => parseUn(file('UN_consolidated.xml'));

let db: { url: string; drop(): Promise<void> };
let conn: Db;
let prisma: Db['prisma'];

beforeAll(async () => {
  db = await createTestDatabase();
  conn = createDb(db.url);
  prisma = conn.prisma;
});

afterAll(async () => {
  await conn?.close();
  await db?.drop();
});

describe('list store', () => {
  it('imports a list as one version with all its entries, and the same files again as nothing new', async () => {
    const list = cons();
    const first = await importList(prisma, list);
    expect(first).toMatchObject({ source: 'ofac_cons', created: true, entryCount: list.entries.length });
    const again = await Promise.all([importList(prisma, cons()), importList(prisma, cons())]);
    for (const r of again) expect(r).toMatchObject({ versionId: first.versionId, created: false });
    expect(await prisma.sanctionListVersion.count()).toBe(1);
    expect(await prisma.sanctionEntry.count({ where: { versionId: first.versionId } })).toBe(list.entries.length);
    const v = await prisma.sanctionListVersion.findUniqueOrThrow({ where: { id: first.versionId } });
    expect(v.files).toEqual(list.files);
  });

  it('gives back entries as parsed and screens the latest version of each list', async () => {
    const parsed = un();
    await importList(prisma, parsed);
    const index = await loadIndex(prisma);
    expect(index.versions.map((v) => v.source).sort()).toEqual(['ofac_cons', 'un_sc']);
    const stored = index.entries.find((e) => e.source === 'un_sc' && e.entryId === parsed.entries[10].entryId);
    expect(stored).toEqual(parsed.entries[10]);
    const withAlias = parsed.entries.find((e) => e.aliases.some((a) => a.kind === 'aka'))!;
    const hits = searchName(index, { name: withAlias.aliases.find((a) => a.kind === 'aka')!.name });
    expect(hits.some((h) => h.list === 'un_sc' && h.entryId === withAlias.entryId)).toBe(true);
  });

  it('moves screening to a newer version of a list', async () => {
    // a later publication: the same XML without its last individual
    const xml = readFileSync(path.join(DIR, 'UN_consolidated.xml'), 'utf8');
    const at = xml.lastIndexOf('<INDIVIDUAL>');
    const end = xml.indexOf('</INDIVIDUAL>', at) + '</INDIVIDUAL>'.length;
    const newer = parseUn({ name: 'UN_consolidated.xml', content: Buffer.from(xml.slice(0, at) + xml.slice(end)) });
    const removed = un().entries.find((e) => !newer.entries.some((n) => n.entryId === e.entryId))!;
    const r = await importList(prisma, newer);
    expect(r.created).toBe(true);
    const latest = await latestVersions(prisma);
    expect(latest.find((v) => v.source === 'un_sc')).toMatchObject({ versionId: r.versionId, entryCount: newer.entries.length });
    const index = await loadIndex(prisma);
    expect(index.entries.filter((e) => e.source === 'un_sc')).toHaveLength(newer.entries.length);
    expect(searchName(index, { name: removed.name }).some((h) => h.entryId === removed.entryId)).toBe(false);
  });
});
