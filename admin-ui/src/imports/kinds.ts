import { useQuery } from '@tanstack/react-query';
import { http } from '../providers/dataProvider';
import type { ImportKind } from './types';

// The kinds the user may import and their fields, as the API gives them (GET /api/imports/kinds, from
// platform/imports/kinds.ts). A column left on "by its name" goes to the field of the same name, folded (case,
// spaces, dashes and underscores ignored: "First Name", first_name and firstName are one) or one of its aliases;
// the API refuses a file with a column it cannot place, so such a column must be mapped or left out.

export interface ImportField {
  name: string;
  /** the header must have a column for it */
  required: boolean;
  /** what it holds (English, from the API) */
  description: string;
  /** other column names that fill it, folded */
  aliases: string[];
}

export interface ImportKindSpec {
  kind: ImportKind;
  fields: ImportField[];
}

export const useImportKinds = () =>
  useQuery({
    queryKey: ['import-kinds'],
    queryFn: async () => (await http('/imports/kinds')).json as ImportKindSpec[],
    staleTime: Infinity,
  });

export const fold = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The field a column goes to by its name, or undefined when the API would not know it. */
export const fieldByName = (fields: readonly ImportField[], column: string): string | undefined => {
  const folded = fold(column);
  return fields.find((f) => fold(f.name) === folded || f.aliases.includes(folded))?.name;
};
