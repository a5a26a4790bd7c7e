import { ApplicationFailure } from '@temporalio/activity';
import { DomainError, isPermanent } from '../../platform/errors';

/**
 * The engine's retry policy for activities: an error that no retry can fix (bad data PostgreSQL refuses,
 * a broken constraint, a missing client or policy) fails the activity at once as non-retryable, so the
 * workflow can surface it to a person; anything else (a lost connection, a timeout) is retried.
 */
export function withFailurePolicy<T extends object>(activities: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(activities)) {
    if (typeof fn !== 'function') continue;
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await fn(...args);
      } catch (err) {
        if (err instanceof ApplicationFailure || !isPermanent(err)) throw err;
        const code = err instanceof DomainError ? err.code : `PG_${String((err as { code?: unknown }).code)}`;
        throw ApplicationFailure.create({ type: code, message: (err as Error).message, nonRetryable: true, cause: err as Error });
      }
    };
  }
  return wrapped as T;
}
