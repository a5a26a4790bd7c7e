// Plain line logs; errors print their message and stack, never request bodies (they may hold passwords).
const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

export function createLogger(name: string, level: Level) {
  const min = LEVELS.indexOf(level);
  const line = (l: Level, msg: string, err?: unknown) => {
    if (LEVELS.indexOf(l) < min) return;
    const detail = err instanceof Error ? ` ${err.stack ?? err.message}` : err === undefined ? '' : ` ${String(err)}`;
    (l === 'error' ? console.error : console.log)(`${new Date().toISOString()} ${name} ${l}: ${msg}${detail}`);
  };
  return {
    debug: (msg: string) => line('debug', msg),
    info: (msg: string) => line('info', msg),
    warn: (msg: string, err?: unknown) => line('warn', msg, err),
    error: (msg: string, err?: unknown) => line('error', msg, err),
  };
}
