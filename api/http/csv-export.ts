// A CSV download streamed from a cursor: one read-only transaction (one snapshot), constant memory, and a
// caller who goes away stops the reading. Used by the exports of client data (clients, leads, the cross-client lists).
import type pg from 'pg';
import type { Response } from 'express';
import { stringify } from 'csv-stringify';
import type { SqlRow } from '../../platform/db';
import { badRequest } from './errors';

const BATCH = 2_000;

/**
 * A value as an exported cell: empty for null, ISO for a time; text a spreadsheet would run as a formula
 * (=, +, -, @, a tab or carriage return first) gets a leading apostrophe, but a plain number (a loss, a
 * negative balance) stays a number.
 */
export const csvCell = (v: unknown): string => {
  const text = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v);
  return /^[=+\-@\t\r]/.test(text) && !/^-\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
};

/** The most rows one export holds; a wider selection is refused (narrow the filters). */
export const EXPORT_MAX_ROWS = 100_000;

/** 400 on the filter when the selection is more than one export holds. */
export function assertExportSize(total: number, what: string): void {
  if (total > EXPORT_MAX_ROWS)
    throw badRequest(
      [{ path: 'query.filter', message: `The export would hold ${total} ${what}, more than ${EXPORT_MAX_ROWS}: narrow the filters` }],
      `Too many ${what} for one export`,
    );
}

export async function streamCsvExport<R extends SqlRow>(
  pool: pg.Pool,
  res: Response,
  opts: { fileStem: string; sql: string; params: unknown[]; header: string[]; line: (row: R) => string[] },
): Promise<void> {
  const db = await pool.connect();
  let failed = false;
  try {
    await db.query('BEGIN READ ONLY');
    await db.query(`DECLARE csv_export NO SCROLL CURSOR FOR ${opts.sql}`, opts.params);
    const stamp = new Date().toISOString().slice(0, 10);
    res.status(200);
    res.type('text/csv; charset=utf-8');
    res.attachment(`${opts.fileStem}-${stamp}.csv`);
    const csv = stringify({ bom: true, record_delimiter: 'windows' });
    csv.pipe(res);
    const write = async (record: string[]) => {
      if (!csv.write(record))
        await new Promise((resolve) => {
          csv.once('drain', resolve);
          res.once('close', resolve);
        });
    };
    await write(opts.header);
    for (;;) {
      if (res.destroyed) break; // the caller went away
      const { rows } = await db.query<R>(`FETCH ${BATCH} FROM csv_export`);
      for (const r of rows) await write(opts.line(r));
      if (rows.length < BATCH) break;
    }
    csv.end();
    await db.query('COMMIT');
  } catch (e) {
    failed = true;
    await db.query('ROLLBACK').catch(() => undefined);
    // once the header is sent the only way to tell the caller is a cut-off body
    if (res.headersSent) res.destroy(e as Error);
    else throw e;
  } finally {
    db.release(failed);
  }
}
