import fs from 'node:fs';
import path from 'node:path';
import { createDb } from '../../platform/db';
import { parseListFiles } from '../../platform/screening/detect';
import { isUnConsolidatedList, readUnList } from '../../platform/screening/parse/un';
import { importList } from '../../platform/screening/store';
import type { ParsedList } from '../../platform/screening/types';
import { InputError, UsageError, type Args } from './args';
import { openDatabase } from './database';

const say = (line: string) => process.stderr.write(`${line}\n`);

/** The first bytes of a file, enough to recognise the UN list's XML. */
function head(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(2000);
    return buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0)).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** UN lists are read from disk as a stream; OFAC files are grouped and parsed by parseListFiles. */
async function parseFiles(files: string[]): Promise<ParsedList[]> {
  const lists: ParsedList[] = [];
  const others: string[] = [];
  for (const f of files) {
    if (!isUnConsolidatedList(head(f))) {
      others.push(f);
      continue;
    }
    lists.push(await readUnList(path.basename(f), fs.createReadStream(f)));
  }
  if (others.length) lists.push(...parseListFiles(others.map((f) => ({ name: path.basename(f), content: fs.readFileSync(f) }))));
  return lists;
}

/** `lists import <files...>`: formats detected from content and names; re-importing the same files is a no-op. */
export async function importLists(args: Args): Promise<void> {
  const files = args.positional;
  if (files.length === 0)
    throw new UsageError('lists import needs files: sdn.csv alt.csv add.csv sdn_comments.csv cons_*.csv UN_consolidated.xml');
  for (const f of files) if (!fs.existsSync(f) || !fs.statSync(f).isFile()) throw new InputError(`${f}: no such file`);
  const lists = await parseFiles(files);
  const db = await openDatabase(say);
  try {
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
    }
  } finally {
    await db.close();
  }
}
