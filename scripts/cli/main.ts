// broker-crm: operations commands. All but `import` need no running server (import talks to the API).
import { ListFormatError } from '../../platform/screening/detect';
import { ListFileError } from '../../platform/screening/parse/files';
import { DATE_FORMS } from '../../platform/screening/parse/dates';
import { EXIT_WITH_REJECTS, InputError, parseArgs, UsageError, type Args, type CommandSpec } from './args';

const USAGE = `usage:
  broker-crm screening compare --input pairs.csv [--output scores.csv]
      pairs.csv columns: schema,name1,name2 (schema Person|Organization|Company|LegalEntity); adds "score"
  broker-crm screening screen --input clients.csv [--output hits.csv] [--rejects rejects.csv] [--threshold 0.8]
      clients.csv columns: id,name and optionally schema,birth_date,nationality;
      writes id,name,list,entry_id,matched_name,score for every hit at or above the review threshold.
      birth_date: ${DATE_FORMS} (day-first dates with / or - are refused as ambiguous).
      Rows that cannot be screened go to the rejects file (default: beside the output, else the input,
      named <name>.rejects.csv) as line,reason and the row; exit code ${EXIT_WITH_REJECTS} when there are any.
  broker-crm lists import <files...>
      OFAC sdn.csv/alt.csv/add.csv/sdn_comments.csv, cons_prim.csv/cons_alt.csv/cons_add.csv, UN consolidated XML
  broker-crm import <leads|clients|accounts|transactions> <file.csv|file.xlsx> [--dry-run] [--mapping col=field,...]
                    [--source name] [--rejects out.csv]
      Uploads the file to the API as an import job (POST /api/imports) and shows its progress. Rejected rows go to
      the rejects file (default: <file>.rejects.csv beside it) as line,field,reason and the row; exit code 3 when
      there are any, 1 when the job failed. API: BROKER_CRM_URL (default http://127.0.0.1:$PORT, PORT default
      3000); user: BROKER_CRM_TOKEN (bearer token), else BROKER_CRM_EMAIL and BROKER_CRM_PASSWORD.
Output goes to stdout when --output is omitted. Database: DATABASE_URL, else the embedded PostgreSQL in data/pg.
Review threshold: --threshold, else SCREENING_REVIEW_THRESHOLD, else 0.8.`;

interface Command extends CommandSpec {
  run(args: Args): Promise<number | void>;
}

// loaded when run: `help` needs neither the database client nor the matcher
const COMMANDS: Record<string, Command> = {
  'screening compare': { options: ['input', 'output'], run: async (a) => (await import('./screening')).compare(a) },
  'screening screen': { options: ['input', 'output', 'rejects', 'threshold'], run: async (a) => (await import('./screening')).screen(a) },
  'lists import': { options: [], positionals: true, run: async (a) => (await import('./lists')).importLists(a) },
  ...Object.fromEntries(
    ['leads', 'clients', 'accounts', 'transactions'].map((kind) => [
      `import ${kind}`,
      {
        options: ['mapping', 'rejects', 'source'],
        flags: ['dry-run'],
        positionals: true,
        run: async (a: Args) => (await import('./import')).importFile(kind, a),
      },
    ]),
  ),
};

async function run(argv: string[]): Promise<number> {
  const [group, command, ...rest] = argv;
  if (!group || group === 'help' || group === '--help' || group === '-h' || rest.includes('--help') || rest.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const cmd = COMMANDS[`${group} ${command ?? ''}`];
  if (!cmd) throw new UsageError(`unknown command: ${[group, command].filter(Boolean).join(' ')}`);
  return (await cmd.run(parseArgs(rest, cmd))) ?? 0;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError || err instanceof InputError || err instanceof ListFormatError || err instanceof ListFileError) {
      process.stderr.write(`broker-crm: ${err.message}\n${err instanceof UsageError ? `\n${USAGE}\n` : ''}`);
      process.exit(2);
    }
    process.stderr.write(`broker-crm: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
