import { http } from '../providers/dataProvider';
import type { ImportFormat, ImportJob, ImportKind } from './types';

export interface NewImport {
  kind: ImportKind;
  fileName: string;
  format: ImportFormat;
  content: string;
  mapping?: Record<string, string>;
  dryRun?: boolean;
}

/** A fresh Idempotency-Key (crypto.randomUUID needs a secure context; getRandomValues does not). */
export const newKey = (): string => {
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
};

/** POST /api/imports: a dry run answers at once with the invalid rows; otherwise the job starts in the background. */
export const postImport = async (body: NewImport, key: string): Promise<ImportJob> =>
  (await http('/imports', { method: 'POST', body: JSON.stringify(body), headers: new Headers({ 'Idempotency-Key': key }) }))
    .json as ImportJob;

export const importPath = (id: string) => `/imports/${encodeURIComponent(id)}`;
