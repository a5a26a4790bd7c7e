import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useGetIdentity, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { post } from '../providers/dataProvider';
import type { InternalRequest } from './types';

/** Offered only to the requester while the team waits for their answer. */
export const AnswerButton = () => {
  const request = useRecordContext<InternalRequest>();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [answer, setAnswer] = useState('');
  if (!request || request.status !== 'awaiting_requester' || request.requestedBy.id !== identity?.id) return null;
  const send = () =>
    post(`/internal-requests/${encodeURIComponent(request.id)}/answer`, { answer }).then(
      () => {
        setOpen(false);
        notify('internal_request.done.answered', { type: 'success' });
        refresh();
      },
      (error: Error) => notify(error.message, { type: 'error' }),
    );
  return (
    <>
      <Button label="internal_request.actions.answer" onClick={() => setOpen(true)} data-testid="request-answer" />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth>
        <DialogTitle>{request.question}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            multiline
            minRows={3}
            fullWidth
            label={translate('internal_request.dialog.answer')}
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" disabled={!answer.trim()} onClick={() => void send()}>
            {translate('internal_request.actions.answer')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
