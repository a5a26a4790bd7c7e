import fs from 'node:fs';
import { z } from 'zod';
import { formatCsv, parseCsvObjects } from '../../activities/screening/parse/csv';
import { InputError } from './args';

/** Rows of a headed CSV file, each validated; errors name the line and the column. */
export function readRows<T>(file: string, schema: z.ZodType<T>): T[] {
  if (!fs.existsSync(file)) throw new InputError(`${file}: no such file`);
  return parseCsvObjects(fs.readFileSync(file, 'utf8')).map((row, i) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      // line 1 is the header
      throw new InputError(`${file}, line ${i + 2}: column "${issue.path.join('.')}": ${issue.message}`);
    }
    return parsed.data;
  });
}

/** Writes CSV to `file`, or to stdout when it is "-". */
export function writeRows(file: string, rows: unknown[][]): void {
  const text = formatCsv(rows);
  if (file === '-') process.stdout.write(text);
  else fs.writeFileSync(file, text);
}
