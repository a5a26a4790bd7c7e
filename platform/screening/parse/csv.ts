import { parse, type Options } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

// RFC 4180 CSV through csv-parse and csv-stringify. OFAC's legacy files add two quirks: `-0-` for empty
// (mapped by the caller) and a DOS end-of-file byte (0x1A) after the last line, dropped here.

export interface CsvReadOptions {
  /** Stop after this many lines (format detection reads only the head of a file). */
  toLine?: number;
}

/** Trailing 0x1A bytes (a DOS end-of-file marker) cut off, without copying the buffer. */
function withoutDosEof(input: Buffer | string): Buffer | string {
  if (typeof input === 'string') return input.replace(/\x1a+$/, '');
  let end = input.length;
  while (end > 0 && input[end - 1] === 0x1a) end--;
  return input.subarray(0, end);
}

/**
 * Rows of CSV text or bytes (UTF-8, a leading BOM skipped); rows may differ in length, and a quote inside
 * an unquoted field is kept as a character. Throws csv-parse's CsvError (with the line) on a quoted field
 * that is never closed or is followed by other characters.
 */
export function parseCsv(input: Buffer | string, opts: CsvReadOptions = {}): string[][] {
  const options: Options = { bom: true, relax_column_count: true, relax_quotes: true, ...(opts.toLine ? { to_line: opts.toLine } : {}) };
  return parse(withoutDosEof(input), options) as string[][];
}

/** CSV text; fields with a delimiter, quote, line break or leading/trailing blank are quoted. */
export function formatCsv(rows: unknown[][]): string {
  return stringify(rows as unknown[][], { quoted_match: /^\s|\s$/, cast: { boolean: (b) => String(b) } });
}
