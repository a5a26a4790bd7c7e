import AddCommentIcon from '@mui/icons-material/AddComment';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { Form, NumberInput, SelectInput, TextInput, maxLength, minValue, required, useNotify, useRefresh, useTranslate } from 'react-admin';
import { post } from '../providers/dataProvider';

export const INTERACTION_KINDS = ['call', 'email', 'chat', 'meeting', 'note'] as const;
export const INTERACTION_DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;

interface Values {
  kind: string;
  direction?: string | null;
  channel?: string | null;
  subject?: string | null;
  body?: string | null;
  durationMinutes?: number | null;
  outcome?: string | null;
}

/** Drops empty fields: the API takes absent ones, not empty strings or nulls. */
const present = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== ''));

/** Log a call, e-mail, chat, meeting or note with the client (POST /api/clients/:id/interactions; you are the
 * agent). Offered only where the 360 says the user may edit the client; the API refuses everyone else. */
export const LogInteractionButton = ({ clientId }: { clientId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const choices = (prefix: string, ids: readonly string[]) => ids.map((id) => ({ id, name: translate(`${prefix}.${id}`) }));
  const submit = async (values: Record<string, unknown>) => {
    const v = values as unknown as Values;
    setBusy(true);
    try {
      await post(
        `/clients/${encodeURIComponent(clientId)}/interactions`,
        present({
          kind: v.kind,
          direction: v.direction,
          channel: v.channel?.trim(),
          subject: v.subject?.trim(),
          body: v.body?.trim(),
          durationSeconds: v.durationMinutes ? Math.round(v.durationMinutes * 60) : undefined,
          outcome: v.outcome?.trim(),
        }),
      );
      notify('client.interaction.logged', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button startIcon={<AddCommentIcon />} onClick={() => setOpen(true)} data-testid="log-interaction">
        {translate('client.interaction.log')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" data-testid="log-interaction-dialog">
        <DialogTitle>{translate('client.interaction.title')}</DialogTitle>
        {/* its own record: not the client page's */}
        <Form onSubmit={submit} record={{}} defaultValues={{ kind: 'call', direction: 'outbound' }}>
          <DialogContent>
            <SelectInput
              source="kind"
              label={translate('client.interaction.kind')}
              choices={choices('client.interaction.kinds', INTERACTION_KINDS)}
              validate={required()}
              fullWidth
              data-testid="interaction-kind"
            />
            <SelectInput
              source="direction"
              label={translate('client.interaction.direction')}
              choices={choices('client.interaction.directions', INTERACTION_DIRECTIONS)}
              emptyText={translate('client.interaction.not_given')}
              fullWidth
              data-testid="interaction-direction"
            />
            <TextInput
              source="channel"
              label={translate('client.interaction.channel')}
              validate={maxLength(40)}
              fullWidth
              slotProps={{ htmlInput: { 'data-testid': 'interaction-channel' } }}
            />
            <TextInput
              source="subject"
              label={translate('client.interaction.subject')}
              validate={maxLength(300)}
              fullWidth
              slotProps={{ htmlInput: { 'data-testid': 'interaction-subject' } }}
            />
            <TextInput
              source="body"
              label={translate('client.interaction.body')}
              validate={maxLength(20_000)}
              multiline
              minRows={3}
              fullWidth
              slotProps={{ htmlInput: { 'data-testid': 'interaction-body' } }}
            />
            <NumberInput
              source="durationMinutes"
              label={translate('client.interaction.duration')}
              validate={minValue(0)}
              min={0}
              fullWidth
              slotProps={{ htmlInput: { 'data-testid': 'interaction-durationMinutes' } }}
            />
            <TextInput
              source="outcome"
              label={translate('client.interaction.outcome')}
              validate={maxLength(80)}
              fullWidth
              slotProps={{ htmlInput: { 'data-testid': 'interaction-outcome' } }}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <Button type="submit" variant="contained" disabled={busy} data-testid="log-interaction-submit">
              {translate('client.interaction.save')}
            </Button>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
