import { useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../providers/dataProvider';
import { useSocketEvent } from '../providers/socket';
import { importPath } from './api';
import { parseCsv } from './csv';
import { finished, type ImportJob, type ImportProgress, type InvalidRow } from './types';

/** Polling when no socket event comes (socket down, another replica): every 2 s while the job runs. */
const POLL_MS = 2000;

/** Counts only grow while a job runs: an answer older than the socket's last event must not move the bar back. */
const newer = (old: ImportJob | undefined, next: ImportJob): ImportJob =>
  old && old.id === next.id && !finished(next.status) && next.processed < old.processed
    ? { ...next, processed: old.processed, applied: old.applied, rejected: old.rejected, status: old.status }
    : next;

/** One job as it goes: GET /api/imports/:id, moved on by socket.io `import.progress`, polled while it runs. */
export const useImportJob = (id: string | null) => {
  const queryClient = useQueryClient();
  const key = ['imports', id];
  const job = useQuery({
    queryKey: key,
    enabled: !!id,
    queryFn: async () => (await http(importPath(id!))).json as ImportJob,
    refetchInterval: (q) => (finished(q.state.data?.status) ? false : POLL_MS),
    structuralSharing: (old, next) => newer(old as ImportJob | undefined, next as ImportJob),
  });
  useSocketEvent<ImportProgress>('import.progress', (p) => {
    if (!id || p.id !== id) return;
    queryClient.setQueryData<ImportJob>(key, (old) => (old ? newer(old, { ...old, ...p }) : old));
    // the finished job's own record (finish time)
    if (finished(p.status)) void queryClient.invalidateQueries({ queryKey: key, exact: true });
  });
  return job;
};

/** The rejects file (line, field, reason, then the row's values) as rows. */
export const rejectsOf = (csv: string): InvalidRow[] => {
  const [header = [], ...rows] = parseCsv(csv);
  const at = (name: string) => header.indexOf(name);
  const [line, field, reason] = [at('line'), at('field'), at('reason')];
  const rest = header.map((h, i) => [h, i] as const).filter(([, i]) => ![line, field, reason].includes(i));
  return rows.map((r) => ({
    line: Number(r[line]),
    field: r[field] || null,
    reason: r[reason] ?? '',
    values: Object.fromEntries(rest.map(([h, i]) => [h, r[i]])),
  }));
};

/** A finished job's rejected rows (GET /api/imports/:id/rejects). */
export const useRejects = (job: ImportJob | undefined) =>
  useQuery({
    queryKey: ['imports', job?.id, 'rejects'],
    enabled: !!job && finished(job.status) && job.rejected > 0,
    queryFn: async () => rejectsOf((await http(`${importPath(job!.id)}/rejects`)).body),
  });
