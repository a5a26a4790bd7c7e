import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { Button, useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { Complaint } from '../types';

interface Props {
  /** Translation keys: button, dialog field, success toast. */
  label: string;
  field: string;
  success: string;
  icon: ReactElement;
  testid: string;
  run: (caseId: string, text: string) => Promise<unknown>;
}

/** A case command that takes one free-text field (comment, client's answer, reopen reason). */
export const CaseActionButton = ({ label, field, success, icon, testid, run }: Props) => {
  const complaint = useRecordContext<Complaint>();
  const notify = useNotify();
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const mutation = useMutation({
    mutationFn: () => run(complaint!.id, text.trim()),
    onSuccess: () => {
      notify(success, { type: 'success' });
      setOpen(false);
      setText('');
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['complaints'] }),
  });
  if (!complaint) return null;

  return (
    <>
      <Button label={label} data-testid={testid} onClick={() => setOpen(true)}>
        {icon}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate(label)}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={3}
            margin="dense"
            label={translate(field)}
            value={text}
            onChange={(e) => setText(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': `${testid}-text` } }}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton
            variant="contained"
            disabled={!text.trim() || mutation.isPending}
            onClick={() => mutation.mutate()}
            data-testid={`${testid}-confirm`}
          >
            {translate('ra.action.confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
