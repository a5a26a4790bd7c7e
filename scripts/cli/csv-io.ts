import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parse, type CsvError } from 'csv-parse';
import type { z } from 'zod';
import { formatCsv } from '../../platform/screening/parse/csv';
import { InputError } from './args';

// Headed CSV input read as a stream with csv-parse; every record is validated on its own and comes with
// the line it starts on, so a command can take the rows it can and report the others.

export type CsvRow<T> =
  { line: number; fields: string[]; ok: true; value: T } | { line: number; fields: string[]; ok: false; reason: string };

export interface CsvInput<T> {
  /** Header names as written in the file. */
  header: string[];
  rows: CsvRow<T>[];
}

const LINE_BREAK = /\r\n|\r|\n/g;
const lineBreaks = (text: string) => text.match(LINE_BREAK)?.length ?? 0;

/**
 * Reads `file` (UTF-8, BOM allowed, blank lines skipped): the first record is the header, whose names are
 * matched trimmed and case-insensitively; a record is validated as an object of those names. A record
 * with more fields than the header, or that csv-parse cannot read, is a bad row; a quoted field never
 * closed ends the file's readable part, so that is an error for the whole file.
 */
export async function readCsv<T>(file: string, schema: z.ZodType<T>, opts: { requiredColumns?: string[] } = {}): Promise<CsvInput<T>> {
  if (!fs.existsSync(file)) throw new InputError(`${file}: no such file`);
  if (!fs.statSync(file).isFile()) throw new InputError(`${file}: not a file`);
  let header: string[] | undefined;
  let keys: string[] = [];
  const rows: CsvRow<T>[] = [];
  let fatal: Error | undefined;
  const parser = parse({
    bom: true,
    relax_column_count: true,
    // a quote inside a value is kept as written (5,"e"x,g); strict quoting would lose the rows after it
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
    // the record's text, blank lines before it included: csv-parse's own line count counts a CRLF inside
    // a quoted value twice, so lines are counted here
    raw: true,
    on_skip: (err: CsvError | undefined) => {
      if (!err) return;
      const line = Number(err.lines);
      if (err.code === 'CSV_QUOTE_NOT_CLOSED')
        fatal ??= new InputError(
          `${file}, line ${line}: a quoted field is never closed, so the rows after its opening quote cannot be told apart`,
        );
      else rows.push({ line, fields: [], ok: false, reason: `not readable as CSV: ${err.message.replace(/ at line \d+.*$/, '')}` });
    },
  });
  let linesBefore = 0;
  await pipeline(fs.createReadStream(file), parser, async (records: AsyncIterable<{ record: string[]; raw: string }>) => {
    for await (const { record, raw } of records) {
      const line = linesBefore + 1 + lineBreaks(/^[\r\n]*/.exec(raw)![0]);
      linesBefore += lineBreaks(raw);
      if (header && record.every((f) => f.trim() === '')) continue; // ",,," lines that spreadsheets leave
      if (!header) {
        header = record;
        keys = record.map((h) => h.trim().toLowerCase());
        const missing = (opts.requiredColumns ?? []).filter((c) => !keys.includes(c));
        if (missing.length)
          throw new InputError(
            `${file}, line ${line}: the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}`,
          );
        continue;
      }
      if (record.length > keys.length) {
        rows.push({
          line,
          fields: record,
          ok: false,
          reason: `${record.length} fields, the header has ${keys.length} (a comma in an unquoted value?)`,
        });
        continue;
      }
      const parsed = schema.safeParse(Object.fromEntries(keys.map((k, i) => [k, record[i] ?? ''])));
      if (parsed.success) rows.push({ line, fields: record, ok: true, value: parsed.data });
      else
        rows.push({
          line,
          fields: record,
          ok: false,
          reason: parsed.error.issues.map((i) => `column "${i.path.join('.')}": ${i.message}`).join('; '),
        });
    }
  });
  if (fatal) throw fatal;
  if (!header) throw new InputError(`${file}: empty, no header line`);
  rows.sort((a, b) => a.line - b.line);
  return { header, rows };
}

/** Fails at once, not after a long run, when `file` (unless "-", stdout) cannot be written. */
export function checkWritable(file: string): void {
  if (file === '-') return;
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new InputError(`${file}: cannot write, no folder ${path.dirname(file)}`);
  if (fs.existsSync(file) && !fs.statSync(file).isFile()) throw new InputError(`${file}: cannot write, not a file`);
}

/** Writes CSV to `file`, or to stdout when it is "-". */
export function writeRows(file: string, rows: unknown[][]): void {
  const text = formatCsv(rows);
  if (file === '-') {
    process.stdout.write(text);
    return;
  }
  try {
    fs.writeFileSync(file, text);
  } catch (err) {
    throw new InputError(`${file}: cannot write (${err instanceof Error && 'code' in err ? String(err.code) : String(err)})`);
  }
}
