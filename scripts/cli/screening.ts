import path from 'node:path';
import { z } from 'zod';
import { reviewThreshold } from '../../platform/screening/config';
import { createDb } from '../../platform/db';
import { searchName } from '../../platform/screening/index';
import { compareNames } from '../../platform/screening/match/compare';
import { QUERY_SCHEMAS } from '../../platform/screening/match/schema';
import { parseDateInput } from '../../platform/screening/parse/dates';
import { loadIndex } from '../../platform/screening/store';
import { EXIT_WITH_REJECTS, InputError, required, UsageError, type Args } from './args';
import { checkWritable, readCsv, writeRows } from './csv-io';
import { openDatabase } from './database';

const say = (line: string) => process.stderr.write(`${line}\n`);

const PairRow = z.object({
  schema: z.enum(QUERY_SCHEMAS),
  name1: z.string().trim().min(1, 'empty name'),
  name2: z.string().trim().min(1, 'empty name'),
});

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const BirthDate = z.string().transform((text, ctx) => {
  const parsed = parseDateInput(text);
  if ('date' in parsed) return parsed.date;
  ctx.addIssue({ code: 'custom', message: parsed.error });
  return z.NEVER;
});

const ClientRow = z.object({
  id: z.string().trim().min(1, 'empty id'),
  name: z.string().trim().min(1, 'empty name'),
  schema: z.preprocess(blankToUndefined, z.enum(QUERY_SCHEMAS).optional()),
  birth_date: z.preprocess(blankToUndefined, BirthDate.optional()),
  nationality: z.preprocess(blankToUndefined, z.string().max(100).optional()),
});

function threshold(args: Args): number {
  const flag = args.options.get('threshold');
  if (flag === undefined) return reviewThreshold();
  const value = Number(flag);
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new UsageError(`--threshold must be between 0 and 1, got "${flag}"`);
  return value;
}

/** `screening compare --input pairs.csv --output scores.csv`: no database involved; any bad row stops it. */
export async function compare(args: Args): Promise<void> {
  const file = required(args, 'input');
  checkWritable(args.options.get('output') ?? '-');
  const { rows } = await readCsv(file, PairRow, { requiredColumns: ['schema', 'name1', 'name2'] });
  const bad = rows.find((r) => !r.ok);
  if (bad && !bad.ok) throw new InputError(`${file}, line ${bad.line}: ${bad.reason}`);
  const out: unknown[][] = [['schema', 'name1', 'name2', 'score']];
  for (const r of rows)
    if (r.ok) out.push([r.value.schema, r.value.name1, r.value.name2, compareNames(r.value.name1, r.value.name2, r.value.schema).score]);
  writeRows(args.options.get('output') ?? '-', out);
  say(`compared ${rows.length} pairs`);
}

/** Where rejected rows go unless --rejects says: beside the output file, else beside the input. */
export function defaultRejectsPath(input: string, output: string): string {
  const beside = output === '-' ? input : output;
  const ext = path.extname(beside);
  return path.join(path.dirname(beside), `${path.basename(beside, ext)}.rejects.csv`);
}

/**
 * `screening screen --input clients.csv [--output hits.csv] [--rejects rejects.csv]`: every hit at or
 * above the review threshold. Rows that cannot be screened (a missing name, a date that does not say
 * which number is the day) go to the rejects file with their line and the reason; the others are
 * screened. Returns the exit code: 0, or EXIT_WITH_REJECTS when some rows were rejected.
 */
export async function screen(args: Args): Promise<number> {
  const min = threshold(args);
  const input = required(args, 'input');
  const output = args.options.get('output') ?? '-';
  const rejectsPath = args.options.get('rejects') ?? defaultRejectsPath(input, output);
  if (path.resolve(rejectsPath) === path.resolve(input) || (output !== '-' && path.resolve(rejectsPath) === path.resolve(output)))
    throw new UsageError(`--rejects must name a file other than --input and --output (${rejectsPath})`);
  checkWritable(output);
  checkWritable(rejectsPath);
  const { header, rows } = await readCsv(input, ClientRow, { requiredColumns: ['id', 'name'] });
  const db = await openDatabase(say);
  try {
    const { prisma, close } = createDb(db.url);
    try {
      const index = await loadIndex(prisma);
      if (index.versions.length === 0)
        throw new InputError('no sanctions list imported yet: run `broker-crm lists import <files...>` first');
      const clients = rows.filter((r) => r.ok);
      say(
        `screening ${clients.length} clients against ${index.versions.map((v) => `${v.source} (${v.entryCount})`).join(', ')}; threshold ${min}`,
      );
      const out: unknown[][] = [['id', 'name', 'list', 'entry_id', 'matched_name', 'score']];
      let flagged = 0;
      for (const r of clients) {
        if (!r.ok) continue;
        const c = r.value;
        const hits = searchName(
          index,
          { name: c.name, schema: c.schema, birthDate: c.birth_date, country: c.nationality },
          { minScore: min, limit: 50 },
        );
        if (hits.length) flagged++;
        for (const h of hits) out.push([c.id, c.name, h.list, h.entryId, h.matchedName, h.score]);
      }
      const rejected = rows.flatMap((r) => (r.ok ? [] : [[r.line, r.reason, ...r.fields]]));
      writeRows(output, out);
      writeRows(rejectsPath, [['line', 'reason', ...header], ...rejected]);
      say(
        `screened ${clients.length} of ${rows.length} rows, rejected ${rejected.length} (${rejected.length ? 'line and reason in' : 'none; empty'} ${rejectsPath}); ` +
          `${flagged} client${flagged === 1 ? '' : 's'} with hits (${out.length - 1} hits)`,
      );
      return rejected.length ? EXIT_WITH_REJECTS : 0;
    } finally {
      await close();
    }
  } finally {
    await db.close();
  }
}
