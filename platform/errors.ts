// Errors the platform raises about the world, not about a bug: a missing client, a missing policy.
// `retryable: false` means trying again cannot help, so an activity stops retrying and a person looks.

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable = false,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

// PostgreSQL SQLSTATE classes that no retry can fix: data exceptions (22: text it cannot store, dates out
// of range), integrity violations (23), and syntax or access errors (42).
const PERMANENT_SQLSTATE = /^(22|23|42)/;

/** True when an error can never succeed on retry: bad data, a broken constraint, a missing row. */
export function isPermanent(err: unknown): boolean {
  if (err instanceof DomainError) return !err.retryable;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && PERMANENT_SQLSTATE.test(code);
}
