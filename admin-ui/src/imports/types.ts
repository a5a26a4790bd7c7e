// The imports API (api/imports, docs/api.md): a file of leads, clients, trading accounts or transactions, checked
// (dry run) and then applied by a background job whose progress arrives live (socket.io `import.progress`).

export const importKinds = ['leads', 'clients', 'accounts', 'transactions'] as const;
export type ImportKind = (typeof importKinds)[number];

export const importStatuses = ['queued', 'running', 'done', 'failed', 'dry_run'] as const;
export type ImportStatus = (typeof importStatuses)[number];

export type ImportFormat = 'csv' | 'xlsx';

/** A file row the import refused: its line in the file, the field at fault and why. */
export interface InvalidRow {
  line: number;
  field?: string | null;
  reason: string;
  values?: Record<string, unknown>;
}

export interface ImportJob {
  id: string;
  kind: ImportKind;
  fileName: string;
  format?: ImportFormat;
  status: ImportStatus;
  total: number;
  processed: number;
  applied: number;
  rejected: number;
  startedAt?: string | null;
  finishedAt?: string | null;
  createdAt?: string;
  createdBy?: string | null;
  createdByName?: string | null;
  error?: string | null;
  dryRun?: boolean;
  /** leads: their client-development cases, started after the rows */
  cases?: { total: number; processed: number; started: number };
  duplicates?: number;
}

/** What socket.io sends the uploader as the job goes. */
export interface ImportProgress {
  id: string;
  status: ImportStatus;
  total: number;
  processed: number;
  applied: number;
  rejected: number;
}

export const finished = (status: ImportStatus | undefined) => status === 'done' || status === 'failed' || status === 'dry_run';

/** How far the job is, 0..100. */
export const percentOf = (job: Pick<ImportJob, 'processed' | 'total' | 'status'>) =>
  job.status === 'done' ? 100 : job.total > 0 ? Math.min(100, Math.round((job.processed / job.total) * 100)) : 0;
