import fs from 'node:fs';
import path from 'node:path';
import { createDb } from '../../platform/db';
import { parseListFiles } from '../../activities/screening/detect';
import { importList } from '../../activities/screening/store';
import { InputError, UsageError, type Args } from './args';
import { openDatabase } from './database';

const say = (line: string) => process.stderr.write(`${line}\n`);

/** `lists import <files...>`: formats detected from content and names; re-importing the same files is a no-op. */
export async function importLists(args: Args): Promise<void> {
  const files = args.positional;
  if (files.length === 0) throw new UsageError('lists import needs files: sdn.csv alt.csv add.csv sdn_comments.csv cons_*.csv UN_consolidated.xml');
  for (const f of files) if (!fs.existsSync(f)) throw new InputError(`${f}: no such file`);
  const lists = parseListFiles(files.map((f) => ({ name: path.basename(f), content: fs.readFileSync(f) })));
  const db = await openDatabase(say);
  const { prisma, close } = createDb(db.url);
  try {
    for (const list of lists) {
      const started = Date.now();
      const r = await importList(prisma, list);
      const what = r.created ? 'imported' : 'already imported (same files)';
      console.log(
        `${list.source}: ${what} version ${r.versionId}, ${r.entryCount} entries, ${list.entries.reduce((n, e) => n + e.aliases.length, 0)} aliases, ` +
          `files ${list.files.map((f) => f.name).join(' ')} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
  } finally {
    await close();
    await db.close();
  }
}
