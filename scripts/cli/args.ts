import { parseArgs as parseNodeArgs } from 'node:util';

// Each command declares its options; node:util parseArgs reads them (`--name value` or `--name=value`)
// and refuses unknown options, missing values and stray arguments. The commands are documented in main.ts.

export interface CommandSpec {
  /** Option names, each taking a string value. */
  options: readonly string[];
  /** Whether the command takes positional arguments (file names). */
  positionals?: boolean;
  /** Options without a value, e.g. --dry-run. */
  flags?: readonly string[];
}

export interface Args {
  positional: string[];
  options: Map<string, string>;
  /** the flags given */
  flags: Set<string>;
}

/** Exit code of `screening screen` when it screened what it could and rejected some rows. */
export const EXIT_WITH_REJECTS = 3;

export class UsageError extends Error {}

/** Bad input data (a CSV line, a missing file): reported without the usage text. */
export class InputError extends Error {}

export function parseArgs(argv: string[], spec: CommandSpec): Args {
  try {
    const { values, positionals } = parseNodeArgs({
      args: argv,
      options: {
        ...Object.fromEntries(spec.options.map((name) => [name, { type: 'string' as const }])),
        ...Object.fromEntries((spec.flags ?? []).map((name) => [name, { type: 'boolean' as const }])),
      },
      allowPositionals: spec.positionals ?? false,
      strict: true,
    });
    const options = new Map<string, string>();
    const flags = new Set<string>();
    for (const [name, value] of Object.entries(values)) {
      if (typeof value === 'string') options.set(name, value);
      else if (value === true) flags.add(name);
    }
    return { positional: positionals, options, flags };
  } catch (err) {
    // node's messages name the option ("Unknown option '--treshold'", "Option '--input <value>' argument missing")
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))
      throw new UsageError(err.message.split('. ')[0]);
    throw err;
  }
}

export function required(args: Args, name: string): string {
  const v = args.options.get(name);
  if (!v) throw new UsageError(`--${name} is required`);
  return v;
}
