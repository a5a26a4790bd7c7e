// The registered case types (admin-ui/src/caseTypes.ts), as the shell reads them: through React context, so that
// the shell's components a case type's pages use (task lists, labels, buttons) do not import the registry that
// imports those pages. App provides it.
import { createContext, useContext, type ReactNode } from 'react';
import type { CaseTypeModule } from './caseTypeModule';

const CaseTypes = createContext<readonly CaseTypeModule[]>([]);

export const CaseTypesProvider = ({ value, children }: { value: readonly CaseTypeModule[]; children: ReactNode }) => (
  <CaseTypes.Provider value={value}>{children}</CaseTypes.Provider>
);

/** Every registered case type's console module. */
export const useCaseTypes = () => useContext(CaseTypes);

/** Looks a case type's module up by its key (`complaint`). */
export const useCaseTypeOf = () => {
  const all = useCaseTypes();
  return (key: string | null | undefined): CaseTypeModule | undefined => all.find((t) => t.key === key);
};
