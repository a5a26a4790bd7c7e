import { downloadCSV, useTranslate, type Exporter } from 'react-admin';

/** A CSV column: its header (a message key) and its value for a record, as the list shows it. */
export interface CsvColumn<T> {
  header: string;
  value: (record: T) => unknown;
}

/** The most a list exports: one page of the API (what the list's filters select, within the user's scope). */
export const EXPORT_MAX = 200;

const cell = (value: unknown): string => {
  let text = value === null || value === undefined ? '' : String(value);
  // a spreadsheet would run a cell starting like a formula
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const toCsv = <T>(records: T[], columns: CsvColumn<T>[], header: (key: string) => string): string =>
  [columns.map((c) => cell(header(c.header))), ...records.map((r) => columns.map((c) => cell(c.value(r))))]
    .map((row) => row.join(','))
    .join('\r\n');

/** react-admin's exporter for a list: the records the list's filters select (fetched by its ExportButton through the
 * API, so within the user's scope), as labelled columns, with a byte-order mark so spreadsheets read UTF-8. */
export const useCsvExporter = <T>(name: string, columns: CsvColumn<T>[]): Exporter => {
  const translate = useTranslate();
  return (records) => downloadCSV(`\ufeff${toCsv(records as T[], columns, (key) => translate(key))}`, name);
};
