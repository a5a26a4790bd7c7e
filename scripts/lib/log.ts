// Console output for the supervisor and the test harness: one prefix per source, colour only on a
// terminal (NO_COLOR / FORCE_COLOR respected), elapsed time on step lines so slow steps stand out.
const useColor =
  process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0' ? true : !process.env.NO_COLOR && Boolean(process.stdout.isTTY);

const CODES = {
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  gray: 90,
  bold: 1,
} as const;
export type Color = keyof typeof CODES;

export function paint(color: Color, text: string): string {
  return useColor ? `\x1b[${CODES[color]}m${text}\x1b[0m` : text;
}

const started = Date.now();
export function elapsed(since = started): string {
  return `${((Date.now() - since) / 1000).toFixed(1)}s`;
}

export interface Logger {
  info(msg: string): void;
  ok(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export function createLogger(prefix: string, color: Color = 'bold'): Logger {
  const head = paint(color, prefix.padEnd(10));
  const write = (msg: string) => process.stdout.write(`${head} ${msg}\n`);
  return {
    info: (msg) => write(msg),
    ok: (msg) => write(paint('green', `✔ ${msg}`) + paint('gray', ` (${elapsed()})`)),
    warn: (msg) => write(paint('yellow', `! ${msg}`)),
    error: (msg) => write(paint('red', `✖ ${msg}`)),
  };
}

/** Writes each line of a child's output with the child's coloured prefix. */
export function linePrinter(prefix: string, color: Color): (line: string) => void {
  const head = paint(color, `${prefix.padEnd(10)}│`);
  return (line) => process.stdout.write(`${head} ${line}\n`);
}
