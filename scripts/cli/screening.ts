import { z } from 'zod';
import { reviewThreshold } from '../../activities/screening/config';
import { createDb } from '../../platform/db';
import { searchName } from '../../activities/screening/index';
import { compareNames } from '../../activities/screening/match/compare';
import { QUERY_SCHEMAS } from '../../activities/screening/match/schema';
import { loadIndex } from '../../activities/screening/store';
import { InputError, required, UsageError, type Args } from './args';
import { readRows, writeRows } from './csv-io';
import { openDatabase } from './database';

const say = (line: string) => process.stderr.write(`${line}\n`);

const PairRow = z.object({
  schema: z.enum(QUERY_SCHEMAS),
  name1: z.string().trim().min(1, 'empty name'),
  name2: z.string().trim().min(1, 'empty name'),
});

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const ClientRow = z.object({
  id: z.string().trim().min(1, 'empty id'),
  name: z.string().trim().min(1, 'empty name'),
  schema: z.preprocess(blankToUndefined, z.enum(QUERY_SCHEMAS).optional()),
  birth_date: z.preprocess(blankToUndefined, z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD').optional()),
  nationality: z.preprocess(blankToUndefined, z.string().max(100).optional()),
});

function threshold(args: Args): number {
  const flag = args.options.get('threshold');
  if (flag === undefined) return reviewThreshold();
  const value = Number(flag);
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new UsageError(`--threshold must be between 0 and 1, got "${flag}"`);
  return value;
}

/** `screening compare --input pairs.csv --output scores.csv`: no database involved. */
export function compare(args: Args): void {
  const rows = readRows(required(args, 'input'), PairRow);
  const out: unknown[][] = [['schema', 'name1', 'name2', 'score']];
  for (const r of rows) out.push([r.schema, r.name1, r.name2, compareNames(r.name1, r.name2, r.schema).score]);
  writeRows(args.options.get('output') ?? '-', out);
  say(`compared ${rows.length} pairs`);
}

/** `screening screen --input clients.csv --output hits.csv`: every hit at or above the review threshold. */
export async function screen(args: Args): Promise<void> {
  const min = threshold(args);
  const clients = readRows(required(args, 'input'), ClientRow);
  const db = await openDatabase(say);
  const { prisma, close } = createDb(db.url);
  try {
    const index = await loadIndex(prisma);
    if (index.versions.length === 0) throw new InputError('no sanctions list imported yet: run `broker-crm lists import <files...>` first');
    say(`screening ${clients.length} clients against ${index.versions.map((v) => `${v.source} (${v.entryCount})`).join(', ')}; threshold ${min}`);
    const out: unknown[][] = [['id', 'name', 'list', 'entry_id', 'matched_name', 'score']];
    let flagged = 0;
    for (const c of clients) {
      const hits = searchName(index, { name: c.name, schema: c.schema, birthDate: c.birth_date, country: c.nationality }, { minScore: min, limit: 50 });
      if (hits.length) flagged++;
      for (const h of hits) out.push([c.id, c.name, h.list, h.entryId, h.matchedName, h.score]);
    }
    writeRows(args.options.get('output') ?? '-', out);
    say(`${flagged} of ${clients.length} clients have hits (${out.length - 1} hits)`);
  } finally {
    await close();
    await db.close();
  }
}
