// What a batch of an import job works with: the job's facts, its staged rows and the findings about them.
import type { z } from 'zod';
import { derivedId } from '../ids';
import type { AlertRow } from '../monitoring/alerts';
import type { ImportKind } from './kinds';

export interface StagedRow {
  seq: number;
  line: number;
  cells: string[];
  /** field → value (empty cells left out) */
  record: Record<string, string>;
}

export interface Finding {
  seq: number;
  line: number;
  field: string;
  reason: string;
  /** the row was not applied; false: applied (or would be) with this remark, e.g. a possible duplicate */
  rejected: boolean;
  otherKind?: string | null;
  otherId?: string | null;
}

export interface JobFacts {
  id: string;
  kind: ImportKind;
  dry_run: boolean;
  source: string | null;
  fields: string[];
  created_by_id: string;
  branch_id: string | null;
  created_at: Date;
  processed: number;
  total: number;
}

export interface Outcome {
  findings: Finding[];
  /** rows with a finding about a duplicate (leads) */
  duplicates: number;
  /** leads stored whose client-development case the job starts afterwards */
  newLeads: number;
  alerts: AlertRow[];
}

/** A lead's id in an import: the same line of the same job is the same lead. */
export const importedLeadId = (jobId: string, line: number) => derivedId(`import/${jobId}/${line}`);

export const issues = (row: StagedRow, err: z.ZodError): Finding[] =>
  err.issues.map((i) => ({ seq: row.seq, line: row.line, field: i.path.join('.') || 'row', reason: i.message, rejected: true }));

/** A staged row's cells by field (empty cells left out). */
export function recordOf(fields: readonly string[], cells: readonly string[]): Record<string, string> {
  const record: Record<string, string> = {};
  fields.forEach((f, i) => {
    if (f && cells[i]) record[f] = cells[i];
  });
  return record;
}
