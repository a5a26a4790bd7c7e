// Text PostgreSQL can store: no U+0000 (text and jsonb refuse it) and no lone UTF-16 surrogate (jsonb
// refuses the escape, and it is not Unicode). Requests are validated against this; a repair rewrites it.

/** Why PostgreSQL would refuse this string, or null when it can be stored. */
export function unstorableReason(s: string): string | null {
  if (s.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (!s.isWellFormed()) return 'must be valid Unicode (a lone UTF-16 surrogate was found)';
  return null;
}

/** The first string (key or value) in a JSON-like value that cannot be stored, with its path. */
export function findUnstorable(value: unknown, path: string[] = []): { path: string[]; reason: string } | null {
  // iterative, so a deeply nested body cannot exhaust the stack
  const stack: { value: unknown; path: string[] }[] = [{ value, path }];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      const reason = unstorableReason(item.value);
      if (reason) return { path: item.path, reason };
    } else if (item.value && typeof item.value === 'object') {
      for (const [k, v] of Object.entries(item.value)) {
        const reason = unstorableReason(k);
        if (reason) return { path: [...item.path, k.toWellFormed().replaceAll('\u0000', '\uFFFD')], reason };
        stack.push({ value: v, path: [...item.path, k] });
      }
    }
  }
  return null;
}

const clean = (s: string) => s.toWellFormed().replaceAll('\u0000', '\uFFFD');

/** A copy with every string made storable (U+FFFD in place of what PostgreSQL refuses). */
export function sanitizeText<T>(value: T): T {
  if (typeof value === 'string') return clean(value) as T;
  if (Array.isArray(value)) return value.map(sanitizeText) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [clean(k), sanitizeText(v)])) as T;
  }
  return value;
}
