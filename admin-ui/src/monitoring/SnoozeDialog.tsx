import SnoozeIcon from '@mui/icons-material/Snooze';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  AutocompleteInput,
  DateTimeInput,
  Form,
  ReferenceInput,
  SelectInput,
  TextInput,
  required,
  useNotify,
  useTranslate,
} from 'react-admin';
import { post } from '../providers/dataProvider';
import { usePerms } from '../providers/permissions';
import { suppresses } from './access';
import { choices, scenarios } from './enums';
import { useMonitoringLabels } from './labels';

const DAY = 24 * 60 * 60 * 1000;
const SNOOZE_DAYS = 30;

interface SnoozeValues {
  clientId: string;
  scenarioId?: string | null;
  until: string | Date;
  reason: string;
}

/** A snooze: no alert of the scenario (every scenario without one) for the client until a date, with a reason
 * (POST /api/monitoring/snoozes, audited). With `clientId` (an alert's) the client and scenario are fixed. */
export const SnoozeDialog = ({
  open,
  onClose,
  clientId,
  clientName,
  scenarioId,
}: {
  open: boolean;
  onClose: () => void;
  clientId?: string;
  clientName?: string | null;
  scenarioId?: string;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const l = useMonitoringLabels();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const submit = async (values: Record<string, unknown>) => {
    const v = values as unknown as SnoozeValues;
    setBusy(true);
    try {
      await post('/monitoring/snoozes', {
        clientId: clientId ?? v.clientId,
        ...((scenarioId ?? v.scenarioId) ? { scenarioId: scenarioId ?? v.scenarioId } : {}),
        until: new Date(v.until).toISOString(),
        reason: v.reason,
      });
      notify('monitoring.snooze.created', { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['monitoring', 'snoozes'] });
      onClose();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    // a click in the dialog (a portal) would bubble to the alert row it was opened from
    <Dialog open={open} onClose={onClose} onClick={(e) => e.stopPropagation()} fullWidth maxWidth="sm" data-testid="snooze-dialog">
      <DialogTitle>{translate('monitoring.snooze.title')}</DialogTitle>
      <Form onSubmit={submit} defaultValues={{ until: new Date(Date.now() + SNOOZE_DAYS * DAY), scenarioId: scenarioId ?? '' }}>
        <DialogContent>
          {clientId ? (
            <Typography sx={{ mb: 2 }} data-testid="snooze-subject">
              {translate('monitoring.snooze.subject', {
                scenario: scenarioId ? l.scenario(scenarioId) : translate('monitoring.snooze.all_scenarios'),
                client: clientName ?? clientId,
              })}
            </Typography>
          ) : (
            <>
              <ReferenceInput
                source="clientId"
                reference="clients"
                sort={{ field: 'name', order: 'ASC' }}
                label="monitoring.suppression.field.client"
              >
                <AutocompleteInput
                  optionText="name"
                  filterToQuery={(q) => ({ q })}
                  label="monitoring.suppression.field.client"
                  validate={required()}
                  data-testid="snooze-client"
                />
              </ReferenceInput>
              <SelectInput
                source="scenarioId"
                label="monitoring.suppression.field.scenario"
                choices={choices('monitoring.scenario', scenarios)}
                emptyText="monitoring.snooze.all_scenarios"
                data-testid="snooze-scenario"
              />
            </>
          )}
          <DateTimeInput source="until" label="monitoring.suppression.field.until" validate={required()} data-testid="snooze-until" />
          <TextInput
            source="reason"
            label="monitoring.suppression.field.reason"
            multiline
            minRows={2}
            validate={required()}
            slotProps={{ htmlInput: { 'data-testid': 'snooze-reason', maxLength: 2000 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" startIcon={<SnoozeIcon />} disabled={busy} data-testid="snooze-submit">
            {translate('monitoring.snooze.submit')}
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
};

/** "Snooze this scenario for this client", next to an alert (for those who may snooze). */
export const SnoozeAlertButton = ({
  clientId,
  clientName,
  scenarioId,
}: {
  clientId: string;
  clientName: string | null;
  scenarioId: string;
}) => {
  const translate = useTranslate();
  const { permissions } = usePerms();
  const [open, setOpen] = useState(false);
  if (!suppresses(permissions)) return null;
  return (
    <>
      <Button
        size="small"
        startIcon={<SnoozeIcon />}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
        data-testid="alert-snooze"
      >
        {translate('monitoring.snooze.button')}
      </Button>
      {open && <SnoozeDialog open onClose={() => setOpen(false)} clientId={clientId} clientName={clientName} scenarioId={scenarioId} />}
    </>
  );
};
