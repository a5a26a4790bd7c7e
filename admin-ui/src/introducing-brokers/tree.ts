// The introducing-broker tree from the flat list the API gives (each IB with its parentId).
export interface IntroducingBroker {
  id: string;
  name: string;
  parentId: string | null;
  branchId: string | null;
  active: boolean;
}

/** Depth first, each IB under its parent, siblings by name; an IB whose parent the user does not see is a root. */
export const treeRows = (all: IntroducingBroker[]): { ib: IntroducingBroker; depth: number }[] => {
  const ids = new Set(all.map((ib) => ib.id));
  const children = new Map<string | null, IntroducingBroker[]>();
  for (const ib of all) {
    const parent = ib.parentId && ids.has(ib.parentId) ? ib.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), ib]);
  }
  const out: { ib: IntroducingBroker; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const ib of [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name))) {
      if (seen.has(ib.id)) continue;
      seen.add(ib.id);
      out.push({ ib, depth });
      walk(ib.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
};

/** The ids below an IB (its sub-IBs, theirs, and so on). */
export const descendantsOf = (all: IntroducingBroker[], id: string): Set<string> => {
  const out = new Set<string>();
  const queue = [id];
  while (queue.length) {
    const at = queue.shift()!;
    for (const ib of all) {
      if (ib.parentId !== at || out.has(ib.id) || ib.id === id) continue;
      out.add(ib.id);
      queue.push(ib.id);
    }
  }
  return out;
};
