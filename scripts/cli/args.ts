/** `--name value` options and positional arguments, nothing more: the CLI has few, documented in main.ts. */
export interface Args {
  positional: string[];
  options: Map<string, string>;
}

export class UsageError extends Error {}

/** Bad input data (a CSV line, a missing file): reported without the usage text. */
export class InputError extends Error {}

export function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2);
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      options.set(name, value);
    } else positional.push(a);
  }
  return { positional, options };
}

export function required(args: Args, name: string): string {
  const v = args.options.get(name);
  if (!v) throw new UsageError(`--${name} is required`);
  return v;
}
