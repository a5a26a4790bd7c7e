import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../platform/db';
import { searchName } from '../../platform/screening/index';
import { parseCsv } from '../../platform/screening/parse/csv';
import { referenceListPath } from '../../platform/screening/parse/reference';
import { parseUn } from '../../platform/screening/parse/un';
import { importList, loadIndex } from '../../platform/screening/store';
import type { ScreeningIndex } from '../../platform/screening/index';
import { createTestDatabase } from '../support/db';

// `broker-crm screening screen` on a client book with dates as people write them and rows that cannot
// be screened: it screens the rows it can, writes the others with line and reason to a rejects file,
// says how many of each, and exits 3 when there are rejects.

const repo = path.resolve(__dirname, '../..');
// the package bin, run by the machine's own node (20) when there is one: it must re-exec itself on Node 24
const node = existsSync('/usr/bin/node') ? '/usr/bin/node' : process.execPath;

let db: { url: string; drop(): Promise<void> };
let conn: Db;
let index: ScreeningIndex;

beforeAll(async () => {
  db = await createTestDatabase();
  conn = createDb(db.url);
  await importList(conn.prisma, parseUn({ name: 'UN_consolidated.xml', content: readFileSync(referenceListPath('UN_consolidated.xml')) }));
  index = await loadIndex(conn.prisma);
});

afterAll(async () => {
  await conn?.close();
  await db?.drop();
});

function cli(dir: string, ...args: string[]) {
  const r = spawnSync(node, [path.join(repo, 'scripts/broker-crm.mjs'), 'screening', 'screen', ...args], {
    cwd: dir,
    env: { ...process.env, DATABASE_URL: db.url },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const csv = (file: string) => parseCsv(readFileSync(file, 'utf8'));

// Line 1 header; a quoted name over two lines (5-6) so that later line numbers are checked too.
const BOOK = [
  'id,name,birth_date,nationality',
  'c1,PAK TO CHUN,1944-3-9,', // UN KPi.050, born 1944-03-09: unpadded, the case
  'c2,Jane Ordinary,03/04/1975,', // day and month order unknown
  'c3,,1980,', // no name
  'c4,"Anna',
  'Maria Example",1975-3-9,',
  'c5,ZAKARYA ESSABAR,3.4.1977,Morocco', // UN QDi.083, born 1977-04-03: day.month.year
  'c6,Bob Example,1975-02-30,', // no such day
  'c7,Carl Example,9 Mar 1975,,extra', // more fields than the header
  '',
  'c8,Dora Example,1975,',
].join('\n');

describe('broker-crm screening screen', () => {
  it('screens the rows it can, rejects the others with line and reason, and counts both', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'screening-cli-'));
    writeFileSync(path.join(dir, 'clients.csv'), BOOK);
    const r = cli(dir, '--input', 'clients.csv', '--output', 'hits.csv');

    expect(r.stderr).toContain('screened 4 of 8 rows, rejected 4 (line and reason in hits.rejects.csv)');
    expect(r.status).toBe(3);

    const hits = csv(path.join(dir, 'hits.csv'));
    expect(hits[0]).toEqual(['id', 'name', 'list', 'entry_id', 'matched_name', 'score']);
    // exactly what the engine finds for each screened row with its date read as YYYY-MM-DD
    const expected = [
      ['c1', 'PAK TO CHUN', '1944-03-09', undefined],
      ['c4', 'Anna\nMaria Example', '1975-03-09', undefined],
      ['c5', 'ZAKARYA ESSABAR', '1977-04-03', 'Morocco'],
      ['c8', 'Dora Example', '1975', undefined],
    ].flatMap(([id, name, birthDate, country]) =>
      searchName(index, { name: name!, birthDate, country }, { minScore: 0.8, limit: 50 }).map((h) => [
        id,
        name,
        h.list,
        h.entryId,
        h.matchedName,
        String(h.score),
      ]),
    );
    expect(hits.slice(1)).toEqual(expected);
    expect(hits.slice(1).map((h) => [h[0], h[3]])).toEqual(
      expect.arrayContaining([
        ['c1', 'KPi.050'],
        ['c5', 'QDi.083'],
      ]),
    );

    const rejects = csv(path.join(dir, 'hits.rejects.csv'));
    expect(rejects[0]).toEqual(['line', 'reason', 'id', 'name', 'birth_date', 'nationality']);
    expect(rejects.slice(1).map((row) => [row[0], row[2]])).toEqual([
      ['3', 'c2'],
      ['4', 'c3'],
      ['8', 'c6'],
      ['9', 'c7'],
    ]);
    const reason = Object.fromEntries(rejects.slice(1).map((row) => [row[2], row[1]]));
    expect(reason.c2).toMatch(/column "birth_date": "03\/04\/1975" is ambiguous/);
    expect(reason.c3).toMatch(/column "name": empty name/);
    expect(reason.c6).toMatch(/column "birth_date": "1975-02-30": there is no day 30/);
    expect(reason.c7).toMatch(/5 fields, the header has 4/);
    // the rejected row as it was, so it can be corrected and screened again
    expect(rejects[4]).toEqual(['9', reason.c7, 'c7', 'Carl Example', '9 Mar 1975', '', 'extra']);
  });

  it('writes the rejects where --rejects says, and exits 0 with an empty rejects file when all rows pass', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'screening-cli-'));
    writeFileSync(path.join(dir, 'clients.csv'), 'id,name,birth_date\nc1,PAK TO CHUN,1944-3-9\nc2,Dora Example,\n');
    mkdirSync(path.join(dir, 'out'));
    const r = cli(dir, '--input', 'clients.csv', '--rejects', 'out/bad.csv');
    expect(r.stderr).toContain('screened 2 of 2 rows, rejected 0 (none; empty out/bad.csv)');
    expect(r.status).toBe(0);
    expect(parseCsv(r.stdout)[1].slice(0, 4)).toEqual(['c1', 'PAK TO CHUN', 'un_sc', 'KPi.050']);
    expect(csv(path.join(dir, 'out/bad.csv'))).toEqual([['line', 'reason', 'id', 'name', 'birth_date']]);
    // a folder that does not exist is refused before any screening
    const missing = cli(dir, '--input', 'clients.csv', '--rejects', 'nowhere/bad.csv');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nowhere\/bad\.csv: cannot write, no folder nowhere/);
  });

  it('refuses a file whose quoted field never closes, and an unknown option, before screening', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'screening-cli-'));
    writeFileSync(path.join(dir, 'clients.csv'), 'id,name\nc1,Dora\nc2,"Eve\nc3,Fay\n');
    const broken = cli(dir, '--input', 'clients.csv');
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/clients\.csv, line \d+: a quoted field is never closed/);
    const typo = cli(dir, '--input', 'clients.csv', '--treshold', '0.5');
    expect(typo.status).toBe(2);
    expect(typo.stderr).toMatch(/Unknown option '--treshold'/);
  });
});
