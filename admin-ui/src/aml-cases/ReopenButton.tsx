import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { post } from '../providers/dataProvider';
import { usePerms } from '../providers/permissions';
import type { AmlCase } from './types';

/** Who may reopen a closed case (POST /api/aml-cases/:id/reopen; the API also checks the window and that no other
 * case of the client is open). */
const REOPENERS = ['mlro', 'compliance_manager'];

/** Reopens a closed case with a reason (audited); offered to the MLRO and compliance managers. */
export const ReopenButton = () => {
  const record = useRecordContext<AmlCase>();
  const { permissions } = usePerms();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!record || record.status !== 'closed' || !(permissions?.roles ?? []).some((r) => REOPENERS.includes(r))) return null;
  const send = () =>
    post(`/aml-cases/${encodeURIComponent(record.id)}/reopen`, { reason }).then(
      () => {
        setOpen(false);
        setReason('');
        notify('aml_case.done.reopened', { type: 'success' });
        refresh();
      },
      (error: Error) => notify(error.message, { type: 'error' }),
    );
  return (
    <>
      <Button label="aml_case.actions.reopen" onClick={() => setOpen(true)} data-testid="aml-reopen" />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth>
        <DialogTitle>{translate('aml_case.actions.reopen')}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            multiline
            minRows={3}
            fullWidth
            label={translate('aml_case.dialog.reopen_reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" disabled={!reason.trim()} onClick={() => void send()}>
            {translate('aml_case.actions.reopen')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
