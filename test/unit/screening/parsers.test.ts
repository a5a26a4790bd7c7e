import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from '../../../platform/screening/parse/csv';
import { parseRemarks } from '../../../platform/screening/parse/remarks';
import { parseUn, readUnList, UnListReader } from '../../../platform/screening/parse/un';
import { parseXml } from '../../../platform/screening/parse/xml';
import { listText, lists, SANCTIONS_DIR } from './lists';

// Counts are checked against what the README states or what a plain regex over the raw file finds.
const countMatches = (text: string, re: RegExp) => (text.match(re) ?? []).length;
const primaryRows = (name: string) =>
  listText(name)
    .split(/\r?\n/)
    .filter((l) => /^\d+,/.test(l)).length;

describe('OFAC CSV', () => {
  it('reads every SDN entry the README announces, and every consolidated row', () => {
    const { sdn, cons } = lists();
    expect(sdn.entries).toHaveLength(7379);
    expect(cons.entries).toHaveLength(primaryRows('cons_prim.csv'));
    expect(new Set(sdn.entries.map((e) => e.entryId)).size).toBe(sdn.entries.length);
  });

  it('maps -0- to empty and the SDN type column to a schema', () => {
    const { sdn } = lists();
    const raw = listText('sdn.csv');
    expect(sdn.entries.filter((e) => e.schema === 'Person')).toHaveLength(countMatches(raw, /^\d+,"[^"]*","individual"/gm));
    expect(sdn.entries.filter((e) => e.schema === 'Vessel')).toHaveLength(countMatches(raw, /^\d+,"[^"]*","vessel"/gm));
    expect(sdn.entries.some((e) => e.name.includes('-0-') || e.programs.includes('-0-'))).toBe(false);
  });

  it('attaches every alias row of alt.csv to its entry', () => {
    const { sdn } = lists();
    const byId = new Map(sdn.entries.map((e) => [e.entryId, e]));
    const rows = parseCsv(listText('alt.csv')).filter((r) => r.length === 5);
    for (const [ent, , , name] of rows) {
      const e = byId.get(ent)!;
      expect([e.name, ...e.aliases.map((a) => a.name)].map((n) => n.toLowerCase())).toContain(name.trim().toLowerCase());
    }
  });

  it('continues truncated remarks from sdn_comments.csv', () => {
    const { sdn } = lists();
    const byId = new Map(sdn.entries.map((e) => [e.entryId, e]));
    const continued = parseCsv(listText('sdn_comments.csv')).filter((r) => byId.has(r[0]));
    expect(continued.length).toBeGreaterThan(0);
    for (const [ent, rest] of continued) expect(byId.get(ent)!.remarks!.endsWith(rest.trim())).toBe(true);
  });

  it('extracts every "DOB dd Mon yyyy" and "Passport N" remark', () => {
    const { sdn } = lists();
    const months = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
    let dobs = 0;
    let passports = 0;
    for (const e of sdn.entries) {
      for (const m of (e.remarks ?? '').matchAll(/(?:^|; )(?:alt\. )?DOB (\d{2}) ([A-Z][a-z]{2}) (\d{4})(?=[;.]|$)/g)) {
        const iso = `${m[3]}-${String(months.indexOf(m[2]) + 1).padStart(2, '0')}-${m[1]}`;
        expect(e.birthDates.map((d) => d.date)).toContain(iso);
        dobs++;
      }
      for (const m of (e.remarks ?? '').matchAll(/(?:^|; )(?:alt\. )?Passport ([A-Z]*\d[A-Z0-9]*)(?: \(([^)]+)\))?(?=[;.]| |$)/g)) {
        const found = e.identifiers.find((i) => i.type === 'passport' && i.number.startsWith(m[1]));
        expect(found, `${e.entryId} passport ${m[1]}`).toBeDefined();
        if (m[2]) expect(found!.country).toBe(m[2]);
        passports++;
      }
    }
    expect(dobs).toBeGreaterThan(1000);
    expect(passports).toBeGreaterThan(500);
  });

  it('finds nationalities of remarks in the entries', () => {
    const { sdn } = lists();
    for (const e of sdn.entries) {
      for (const m of (e.remarks ?? '').matchAll(/(?:^|; )nationality ([^;]+?)(?=;|\.?$)/g)) expect(e.nationalities).toContain(m[1]);
    }
  });
});

describe('OFAC remarks', () => {
  it('splits facts, identifiers and quoted aliases', () => {
    const f = parseRemarks(
      "DOB 12 Mar 1960; alt. DOB circa 1958; POB Tikrit, Iraq; nationality Iran; Passport A123 (Iran); National ID No. 660000 73767 (Belgium); Tax ID No. 7707083893 (Russia); Vessel Registration Identification IMO 9187629; a.k.a. 'O'NEIL; TRADING'; Gender Male; Linked To: HAMAS.",
    );
    expect(f.birthDates).toEqual([{ date: '1960-03-12' }, { date: '1958', circa: true }]);
    expect(f.birthPlaces).toEqual(['Tikrit, Iraq']);
    expect(f.nationalities).toEqual(['Iran']);
    expect(f.identifiers.map((i) => [i.type, i.number, i.country])).toEqual([
      ['passport', 'A123', 'Iran'],
      ['national_id', '660000 73767', 'Belgium'],
      ['tax_id', '7707083893', 'Russia'],
      ['imo', '9187629', undefined],
    ]);
    expect(f.aliases).toEqual([{ name: "O'NEIL; TRADING", kind: 'aka' }]);
    expect(f.gender).toBe('Male');
  });

  it('reads ranges as a first date and a last year', () => {
    expect(parseRemarks('DOB 01 Jan 1946 to 31 Dec 1948').birthDates).toEqual([{ date: '1946', toYear: 1948 }]);
    expect(parseRemarks('DOB circa 1979-1982').birthDates).toEqual([{ date: '1979', toYear: 1982, circa: true }]);
  });
});

describe('UN XML', () => {
  it('reads 730 individuals and 273 entities', () => {
    const { un } = lists();
    expect(un.entries.filter((e) => e.schema === 'Person')).toHaveLength(730);
    expect(un.entries.filter((e) => e.schema === 'Organization')).toHaveLength(273);
    expect(un.publishedAt).toMatch(/^2026-02-27/);
  });

  it('keeps aliases, documents, nationalities, birth dates and addresses', () => {
    const { un } = lists();
    const raw = listText('UN_consolidated.xml');
    const named = countMatches(raw, /<ALIAS_NAME>[^<]+<\/ALIAS_NAME>/g);
    const originals = countMatches(raw, /<NAME_ORIGINAL_SCRIPT>[^<]+<\/NAME_ORIGINAL_SCRIPT>/g);
    expect(un.entries.reduce((n, e) => n + e.aliases.length, 0)).toBe(named + originals);
    expect(un.entries.reduce((n, e) => n + e.identifiers.length, 0)).toBe(countMatches(raw, /<NUMBER>[^<]+<\/NUMBER>/g));
    const withNationality = countMatches(raw, /<NATIONALITY>\s*<VALUE>(?!na<)[^<]+<\/VALUE>/g);
    expect(un.entries.filter((e) => e.nationalities.length > 0)).toHaveLength(withNationality);
    expect(un.entries.filter((e) => e.birthDates.length > 0).length).toBeGreaterThan(600);
    const addressCountries = countMatches(
      raw,
      /<(?:INDIVIDUAL|ENTITY)_ADDRESS>(?:(?!<\/(?:INDIVIDUAL|ENTITY)_ADDRESS>)[\s\S])*?<COUNTRY>[^<]+<\/COUNTRY>/g,
    );
    expect(un.entries.flatMap((e) => e.addresses).filter((a) => a.country)).toHaveLength(addressCountries);
  });
});

describe('CSV and XML primitives', () => {
  it('round-trips quotes, commas and newlines', () => {
    const rows = [['a', 'b,c', 'say "hi"', 'two\nlines', ' padded ']];
    expect(parseCsv(formatCsv(rows).trimEnd())).toEqual(rows);
  });

  it('decodes entities and CDATA and rejects unbalanced tags', () => {
    const doc = parseXml('<a x="1 &amp; 2"><b>&lt;Tom &#x26; Jerry&gt;</b><c><![CDATA[<raw>]]></c></a>');
    expect(doc.children[0].attrs.x).toBe('1 & 2');
    expect(doc.children[0].children.map((c) => c.text)).toEqual(['<Tom & Jerry>', '<raw>']);
    expect(() => parseXml('<a><b></a>')).toThrow(/unexpected close tag/);
    expect(() => parseXml('<a><b>')).toThrow(/unclosed tag/);
  });

  it('expands no DTD entities (no XXE, no entity bombs)', () => {
    expect(() => parseXml('<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>')).toThrow(/undefined entity/);
  });

  it('reads CSV bytes with a BOM, CRLF and a DOS end-of-file byte', () => {
    const bytes = Buffer.concat([Buffer.from('\uFEFF1,"a ""b""",-0-\r\n2,"x\r\ny",c\r\n'), Buffer.from([0x1a])]);
    expect(parseCsv(bytes)).toEqual([
      ['1', 'a "b"', '-0-'],
      ['2', 'x\r\ny', 'c'],
    ]);
    expect(parseCsv(bytes, { toLine: 1 })).toEqual([['1', 'a "b"', '-0-']]);
  });
});

describe('UN XML as a stream', () => {
  const file = path.join(SANCTIONS_DIR, 'UN_consolidated.xml');

  it('gives the same list from any chunking, split inside multi-byte characters too', async () => {
    const whole = lists().un;
    const content = readFileSync(file);
    const reader = new UnListReader('UN_consolidated.xml');
    for (let i = 0; i < content.length; i += 997) reader.write(content.subarray(i, i + 997));
    expect(reader.finish()).toEqual(whole);
    expect(await readUnList('UN_consolidated.xml', createReadStream(file, { highWaterMark: 4096 }))).toEqual(whole);
  });

  it('refuses other XML at its first element, and a list cut short', () => {
    expect(() => parseUn({ name: 'x.xml', content: Buffer.from('<OTHER><INDIVIDUALS/></OTHER>') })).toThrow(/not a UN consolidated list/);
    expect(() => parseUn({ name: 'cut.xml', content: readFileSync(file).subarray(0, 500_000) })).toThrow(/cut\.xml:\d+:\d+: unclosed tag/);
  });
});
