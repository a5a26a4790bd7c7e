import { Box, Chip, LinearProgress, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useFormat } from '../i18n/format';
import { percentOf, type ImportJob, type ImportStatus } from './types';

export const StatusChip = ({ status, testId }: { status: ImportStatus; testId?: string }) => {
  const translate = useTranslate();
  const color = status === 'done' ? 'success' : status === 'failed' ? 'error' : status === 'running' ? 'info' : 'default';
  return (
    <Chip
      size="small"
      color={color}
      label={translate(`imports.status.${status}`, { _: status })}
      data-testid={testId}
      data-status={status}
    />
  );
};

/** A job's progress bar with "n of total rows"; its data attributes say the numbers (for tests and tools). */
export const ProgressBar = ({ job, testId }: { job: Pick<ImportJob, 'processed' | 'total' | 'status'>; testId?: string }) => {
  const translate = useTranslate();
  const format = useFormat();
  const percent = percentOf(job);
  const waiting = job.status === 'queued' || (job.status === 'running' && job.total === 0);
  return (
    <Box sx={{ minWidth: 160 }} data-testid={testId} data-processed={job.processed} data-total={job.total} data-status={job.status}>
      <LinearProgress
        variant={waiting ? 'indeterminate' : 'determinate'}
        value={percent}
        color={job.status === 'failed' ? 'error' : job.status === 'done' ? 'success' : 'primary'}
        sx={{ height: 8, borderRadius: 1 }}
      />
      <Typography variant="caption" color="text.secondary">
        {translate('imports.show.progress', { processed: format.number(job.processed), total: format.number(job.total) })}
      </Typography>
    </Box>
  );
};
