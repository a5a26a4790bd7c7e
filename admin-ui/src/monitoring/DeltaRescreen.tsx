import RescreenIcon from '@mui/icons-material/ManageSearch';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { post } from '../providers/dataProvider';
import { usePerms } from '../providers/permissions';
import { startsRuns } from './access';
import { Progress, usePolled } from './Runs';
import type { RescreenRun } from './types';

/**
 * A delta re-screen of one list version (POST /api/monitoring/rescreens { kind: 'delta', versionId }), after a
 * confirmation, followed until done in the same dialog. A version already re-screened answers its run, which
 * is shown the same way. Offered to the roles that may start runs (MLRO, compliance managers, administrators).
 */
export const DeltaRescreenButton = ({ versionId, list }: { versionId: string; list: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { permissions } = usePerms();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [id, setId] = useState<string | null>(null);
  const run = usePolled<RescreenRun>(id && `/monitoring/rescreens/${id}`);
  if (!startsRuns(permissions)) return null;
  const start = async () => {
    setBusy(true);
    try {
      const { json } = await post('/monitoring/rescreens', { kind: 'delta', versionId });
      setId((json as { id: string }).id);
      await queryClient.invalidateQueries({ queryKey: ['monitoring', 'runs'] });
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" startIcon={<RescreenIcon />} onClick={() => setOpen(true)} data-testid="delta-rescreen">
        {translate('monitoring.runs.rescreen.delta_button')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" data-testid="delta-rescreen-dialog">
        <DialogTitle>{translate('monitoring.runs.rescreen.delta_title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('monitoring.runs.rescreen.delta_confirm', { list })}</DialogContentText>
          {run.data && (
            <Progress testId="delta-rescreen-progress" status={run.data.status} percent={run.data.progress.percent} error={run.data.error}>
              <Typography variant="body2" data-testid="delta-rescreen-counts">
                {translate('monitoring.runs.rescreen.delta_counts', {
                  done: run.data.progress.done,
                  total: run.data.progress.total,
                  found: run.data.matchesNew,
                  withdrawn: run.data.matchesWithdrawn,
                })}
              </Typography>
            </Progress>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate(id ? 'ra.action.close' : 'ra.action.cancel')}</Button>
          {!id && (
            <Button variant="contained" disabled={busy} onClick={() => void start()} data-testid="delta-rescreen-confirm">
              {translate('monitoring.runs.rescreen.delta_start')}
            </Button>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
};
