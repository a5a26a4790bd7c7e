import { Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, FormGroup, Switch, Typography, Button } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNotify, useTranslate } from 'react-admin';
import { http } from '../providers/dataProvider';

/** The notification types a person chooses to see as toasts (GET|PUT /api/notifications/preferences). */
export const NOTIFICATION_TYPES = [
  'task_assigned',
  'task_available',
  'sla_reminder',
  'sla_escalation',
  'case_update',
  'case_stuck',
] as const;

export interface Preferences {
  toast: Record<string, boolean>;
}

const KEY = ['notification-preferences'];

/** The user's choices, asked once per session. */
export const usePreferences = () =>
  useQuery({
    queryKey: KEY,
    queryFn: async () => (await http('/notifications/preferences')).json as Preferences,
    staleTime: Infinity,
  });

export const PreferencesDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { data } = usePreferences();
  const save = useMutation({
    mutationFn: async (toast: Record<string, boolean>) =>
      (await http('/notifications/preferences', { method: 'PUT', body: JSON.stringify({ toast }) })).json as Preferences,
    onSuccess: (saved) => queryClient.setQueryData(KEY, saved),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="xs" data-testid="notification-preferences">
      <DialogTitle>{translate('notification.preferences.title')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {translate('notification.preferences.hint')}
        </Typography>
        <FormGroup>
          {NOTIFICATION_TYPES.map((type) => (
            <FormControlLabel
              key={type}
              label={translate(`notification.type.${type}`)}
              control={
                <Switch
                  checked={data?.toast[type] ?? false}
                  disabled={!data || save.isPending}
                  onChange={(e) => save.mutate({ [type]: e.target.checked })}
                  slotProps={{ input: { 'data-testid': `toast-${type}` } as object }}
                />
              }
            />
          ))}
        </FormGroup>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};
