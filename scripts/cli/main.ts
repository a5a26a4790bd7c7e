// broker-crm: operations commands that need no running server.
import { ListFormatError } from '../../activities/screening/detect';
import { InputError, parseArgs, UsageError } from './args';
import { importLists } from './lists';
import { compare, screen } from './screening';

const USAGE = `usage:
  broker-crm screening compare --input pairs.csv [--output scores.csv]
      pairs.csv columns: schema,name1,name2 (schema Person|Organization|Company|LegalEntity); adds "score"
  broker-crm screening screen --input clients.csv [--output hits.csv] [--threshold 0.8]
      clients.csv columns: id,name and optionally schema,birth_date,nationality;
      writes id,name,list,entry_id,matched_name,score for every hit at or above the review threshold
  broker-crm lists import <files...>
      OFAC sdn.csv/alt.csv/add.csv/sdn_comments.csv, cons_prim.csv/cons_alt.csv/cons_add.csv, UN consolidated XML
Output goes to stdout when --output is omitted. Database: DATABASE_URL, else the embedded PostgreSQL in data/pg.
Review threshold: --threshold, else SCREENING_REVIEW_THRESHOLD, else 0.8.`;

async function run(argv: string[]): Promise<void> {
  const [group, command, ...rest] = argv;
  const args = parseArgs(rest);
  if (group === 'screening' && command === 'compare') return compare(args);
  if (group === 'screening' && command === 'screen') return screen(args);
  if (group === 'lists' && command === 'import') return importLists(args);
  if (!group || group === 'help' || group === '--help') {
    console.log(USAGE);
    return;
  }
  throw new UsageError(`unknown command: ${[group, command].filter(Boolean).join(' ')}`);
}

run(process.argv.slice(2)).then(
  () => process.exit(0),
  (err: unknown) => {
    if (err instanceof UsageError || err instanceof InputError || err instanceof ListFormatError) {
      process.stderr.write(`broker-crm: ${err.message}\n${err instanceof UsageError ? `\n${USAGE}\n` : ''}`);
      process.exit(2);
    }
    process.stderr.write(`broker-crm: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
