import { Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { useGetList, useTranslate } from 'react-admin';
import type { User } from '../types';

interface Props {
  open: boolean;
  /** Staff of this team are offered; without it, everyone the caller may see. */
  teamId?: string;
  onClose: () => void;
  onConfirm: (assigneeId: string) => Promise<unknown>;
}

export const ReassignDialog = ({ open, teamId, onClose, onConfirm }: Props) => {
  const translate = useTranslate();
  const [assigneeId, setAssigneeId] = useState('');
  const [busy, setBusy] = useState(false);
  const { data: users = [] } = useGetList<User & { id: string }>(
    'users',
    { filter: teamId ? { teamId } : {}, sort: { field: 'name', order: 'ASC' }, pagination: { page: 1, perPage: 200 } },
    { enabled: open },
  );

  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm(assigneeId);
      onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} onClick={(e) => e.stopPropagation()} fullWidth maxWidth="xs">
      <DialogTitle>{translate('inbox.reassign.title')}</DialogTitle>
      <DialogContent>
        <TextField
          select
          fullWidth
          margin="dense"
          label={translate('inbox.reassign.assignee')}
          value={assigneeId}
          onChange={(e) => setAssigneeId(e.target.value)}
          slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'reassign-user' } }}
        >
          <option value="" />
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </TextField>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={!assigneeId || busy} onClick={confirm} data-testid="reassign-confirm">
          {translate('inbox.reassign.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
