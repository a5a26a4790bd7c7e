// A case type's process as a pure table: which event in which state leads where. Targets may depend on
// facts the case has gathered (a function of them). Shared by every case type's states.ts.

export type Target<S extends string, F> = S | ((facts: F) => S);
export type StateTable<S extends string, E extends string, F> = Record<S, Partial<Record<E, Target<S, F>>>>;

export function nextStateIn<S extends string, E extends string, F>(
  caseType: string,
  table: StateTable<S, E, F>,
  state: S,
  event: E,
  facts: F,
): S {
  const target = table[state][event];
  if (target === undefined) throw new Error(`${caseType}: no transition from ${state} on ${event}`);
  return typeof target === 'function' ? (target as (facts: F) => S)(facts) : (target as S);
}

/** Every event a state answers (for exhaustive tests and the docs). */
export const eventsOf = <S extends string, E extends string, F>(table: StateTable<S, E, F>, state: S): E[] =>
  Object.keys(table[state]) as E[];
