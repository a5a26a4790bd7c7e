// Reading an import's file, streaming: CSV with csv-parse, XLSX with exceljs's streaming reader (the first
// worksheet). Each record comes with the line it ends on (CSV: a quoted value may span lines; XLSX: the
// row number), its cells as text (XLSX strings with their `_xHHHH_` escapes decoded). Empty records are skipped.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

export interface FileRecord {
  line: number;
  cells: string[];
}

/** The file is unreadable as a whole (not CSV, not an XLSX workbook): the message says why. */
export class FileFormatError extends Error {}

export async function* readRecords(format: 'csv' | 'xlsx', content: string): AsyncGenerator<FileRecord> {
  if (format === 'csv') yield* readCsv(content);
  else yield* readXlsx(Buffer.from(content, 'base64'));
}

/**
 * The parser reads UTF-8, where a lone UTF-16 surrogate would silently become U+FFFD: such code units are
 * carried through it as a noncharacter the text does not use, and given back as one, so the row is refused.
 */
function carrySurrogates(text: string): { text: string; restore: (cell: string) => string } {
  if (text.isWellFormed()) return { text, restore: (c) => c };
  let marker = 0xfdd0;
  while (marker <= 0xfdef && text.includes(String.fromCharCode(marker))) marker++;
  // a file that uses every one of them: its lone surrogates are read as U+FFFD, as the parser does
  if (marker > 0xfdef) return { text, restore: (c) => c };
  const m = String.fromCharCode(marker);
  return {
    text: text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, m),
    restore: (c) => (c.includes(m) ? c.replaceAll(m, '\ud800') : c),
  };
}

async function* readCsv(content: string): AsyncGenerator<FileRecord> {
  const { text, restore } = carrySurrogates(content);
  const parser = Readable.from([text]).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }));
  try {
    for await (const r of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (r.record.some((c) => c !== '')) yield { line: r.info.lines, cells: r.record.map(restore) };
    }
  } catch (err) {
    throw new FileFormatError(`not readable as CSV: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Text as OOXML writes it (ECMA-376 ST_Xstring): a character XML cannot carry, such as U+0000, is written
 * `_xHHHH_` (a literal `_x` as `_x005F_x`). Decoded, so such a character reaches the row's checks.
 */
export const decodeXstring = (s: string) => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/** A cell's value as text: dates as YYYY-MM-DD (or ISO instants when they have a time), formulas by their result. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof v === 'object') {
    if ('richText' in v) return decodeXstring(v.richText.map((t) => t.text).join(''));
    if ('text' in v && typeof v.text === 'string') return v.text; // hyperlink
    if ('result' in v) return cellText((v.result ?? null) as ExcelJS.CellValue);
    if ('error' in v) return '';
    return '';
  }
  return typeof v === 'string' ? decodeXstring(v).trim() : String(v).trim();
}

async function* readXlsx(buf: Buffer): AsyncGenerator<FileRecord> {
  if (buf.length < 4 || buf[0] !== 0x50 || buf[1] !== 0x4b)
    throw new FileFormatError('not an XLSX workbook (a zip file); send it base64-encoded');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
    entries: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[];
        // row.values is 1-based: index 0 is empty
        const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1]));
        if (cells.some((c) => c !== '')) yield { line: row.number, cells };
      }
      break; // the first worksheet only
    }
  } catch (err) {
    if (err instanceof FileFormatError) throw err;
    throw new FileFormatError(`not readable as XLSX: ${err instanceof Error ? err.message : String(err)}`);
  }
}
