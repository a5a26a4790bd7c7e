// Reading an import's file keeps the characters PostgreSQL cannot store where they were, so the row that holds
// one is refused alone (platform/imports/jobs.ts): CSV carries lone surrogates through its UTF-8 parser, XLSX
// decodes OOXML's _xHHHH_ escapes (ST_Xstring).
import { describe, expect, it } from 'vitest';
import { decodeXstring, readRecords } from '../../../platform/imports/parse';

const records = async (format: 'csv' | 'xlsx', content: string) => {
  const out = [];
  for await (const r of readRecords(format, content)) out.push(r);
  return out;
};

describe('import file reading', () => {
  it('CSV: a NUL and lone surrogates stay in their cells; pairs and other text are untouched', async () => {
    const rows = await records('csv', 'a,b\nx\u0000y,p\ud800q\nok,\udc00z\n😀,\ufdd0\n');
    expect(rows.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['x\u0000y', 'p\ud800q'],
      ['ok', '\ud800z'],
      ['😀', '\ufdd0'],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4]);
  });

  it('XLSX strings: _xHHHH_ decoded, _x005F_ a literal underscore', () => {
    expect(decodeXstring('Ch_x0000_en')).toBe('Ch\u0000en');
    expect(decodeXstring('a_x000D__x000A_b')).toBe('a\r\nb');
    expect(decodeXstring('_x005F_x0041_')).toBe('_x0041_');
    expect(decodeXstring('plain_text_x12')).toBe('plain_text_x12');
  });
});
