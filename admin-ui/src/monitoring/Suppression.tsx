import AddIcon from '@mui/icons-material/Add';
import {
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Link,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  AutocompleteInput,
  DateTimeInput,
  Form,
  Loading,
  ReferenceInput,
  TextInput,
  Title,
  required,
  useGetMany,
  useNotify,
  useTranslate,
} from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { useFormat } from '../i18n/format';
import { ScrollX } from '../layout/ScrollX';
import { http, post } from '../providers/dataProvider';
import { usePerms } from '../providers/permissions';
import { suppresses } from './access';
import { useMonitoringLabels } from './labels';
import { SnoozeDialog } from './SnoozeDialog';
import type { Snooze, WhitelistEntry } from './types';

/** Client names for the ids a list shows (the suppression API answers ids). */
const useClientNames = (ids: string[]) => {
  const { data } = useGetMany<{ id: string; name: string }>('clients', { ids: [...new Set(ids)] }, { enabled: ids.length > 0 });
  return (id: string) => data?.find((c) => c.id === id)?.name ?? id;
};

const ClientLink = ({ id, name }: { id: string; name: string }) => (
  <Link component={RouterLink} to={`/clients/${encodeURIComponent(id)}/show`}>
    {name}
  </Link>
);

/** Runs a change, tells the user, and reloads the suppression lists. */
const useChange = () => {
  const notify = useNotify();
  const queryClient = useQueryClient();
  return async (what: () => Promise<unknown>, done: string) => {
    try {
      await what();
      notify(done, { type: 'success' });
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      await queryClient.invalidateQueries({ queryKey: ['monitoring'] });
    }
  };
};

const Snoozes = ({ editor }: { editor: boolean }) => {
  const translate = useTranslate();
  const format = useFormat();
  const l = useMonitoringLabels();
  const change = useChange();
  const [all, setAll] = useState(false);
  const [creating, setCreating] = useState(false);
  const { data = [], isPending } = useQuery({
    queryKey: ['monitoring', 'snoozes', all],
    queryFn: async () => (await http(`/monitoring/snoozes${all ? '?all=true' : ''}`)).json as Snooze[],
  });
  const name = useClientNames(data.map((s) => s.clientId));
  const stateOf = (s: Snooze) => (s.liftedAt ? 'lifted' : Date.parse(s.until) <= Date.now() ? 'expired' : 'active');
  return (
    <Card variant="outlined" sx={{ mb: 2 }}>
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
          <Typography variant="h6">{translate('monitoring.snooze.list_title')}</Typography>
          <FormControlLabel
            control={<Switch checked={all} onChange={(e) => setAll(e.target.checked)} data-testid="snoozes-all" />}
            label={translate('monitoring.snooze.show_all')}
          />
          <Box sx={{ flex: 1 }} />
          {editor && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)} data-testid="snooze-new">
              {translate('monitoring.snooze.new')}
            </Button>
          )}
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('monitoring.snooze.hint')}
        </Typography>
        {isPending ? (
          <Loading />
        ) : !data.length ? (
          <Typography color="text.secondary" data-testid="snoozes-empty">
            {translate('monitoring.snooze.empty')}
          </Typography>
        ) : (
          <ScrollX>
            <Table size="small" data-testid="snoozes">
              <TableHead>
                <TableRow>
                  {['client', 'scenario', 'until', 'reason', 'created', 'state'].map((c) => (
                    <TableCell key={c}>{translate(`monitoring.suppression.column.${c}`)}</TableCell>
                  ))}
                  {editor && <TableCell />}
                </TableRow>
              </TableHead>
              <TableBody>
                {data.map((s) => {
                  const state = stateOf(s);
                  return (
                    <TableRow key={s.id} data-testid="snooze-row" data-client-id={s.clientId} data-state={state}>
                      <TableCell>
                        <ClientLink id={s.clientId} name={name(s.clientId)} />
                      </TableCell>
                      <TableCell>{s.scenarioId ? l.scenario(s.scenarioId) : translate('monitoring.snooze.all_scenarios')}</TableCell>
                      <TableCell>{format.dateTime(s.until)}</TableCell>
                      <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{s.reason}</TableCell>
                      <TableCell>{format.dateTime(s.createdAt)}</TableCell>
                      <TableCell>
                        <Chip
                          size="small"
                          color={state === 'active' ? 'warning' : 'default'}
                          label={translate(`monitoring.snooze.state.${state}`)}
                        />
                      </TableCell>
                      {editor && (
                        <TableCell>
                          {state === 'active' && (
                            <Button
                              size="small"
                              onClick={() =>
                                change(() => http(`/monitoring/snoozes/${s.id}`, { method: 'DELETE' }), 'monitoring.snooze.lifted')
                              }
                              data-testid="snooze-lift"
                            >
                              {translate('monitoring.snooze.lift')}
                            </Button>
                          )}
                        </TableCell>
                      )}
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </ScrollX>
        )}
      </CardContent>
      {creating && <SnoozeDialog open onClose={() => setCreating(false)} />}
    </Card>
  );
};

interface WhitelistValues {
  clientId: string;
  counterpartyName: string;
  reason: string;
  expiresAt?: string | Date | null;
}

const WhitelistDialog = ({ onClose }: { onClose: () => void }) => {
  const translate = useTranslate();
  const change = useChange();
  const submit = (values: Record<string, unknown>) => {
    const v = values as unknown as WhitelistValues;
    return change(async () => {
      await post('/monitoring/whitelist', {
        clientId: v.clientId,
        counterpartyName: v.counterpartyName,
        reason: v.reason,
        ...(v.expiresAt ? { expiresAt: new Date(v.expiresAt).toISOString() } : {}),
      });
      onClose();
    }, 'monitoring.whitelist.added');
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" data-testid="whitelist-dialog">
      <DialogTitle>{translate('monitoring.whitelist.new')}</DialogTitle>
      <Form onSubmit={submit}>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate('monitoring.whitelist.hint')}
          </Typography>
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
              data-testid="whitelist-client"
            />
          </ReferenceInput>
          <TextInput
            source="counterpartyName"
            label="monitoring.suppression.field.counterparty"
            validate={required()}
            slotProps={{ htmlInput: { 'data-testid': 'whitelist-counterparty', maxLength: 300 } }}
          />
          <TextInput
            source="reason"
            label="monitoring.suppression.field.reason"
            multiline
            minRows={2}
            validate={required()}
            slotProps={{ htmlInput: { 'data-testid': 'whitelist-reason', maxLength: 2000 } }}
          />
          <DateTimeInput source="expiresAt" label="monitoring.suppression.field.expires" />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" data-testid="whitelist-submit">
            {translate('monitoring.whitelist.add')}
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
};

const Whitelist = ({ editor }: { editor: boolean }) => {
  const translate = useTranslate();
  const format = useFormat();
  const change = useChange();
  const [adding, setAdding] = useState(false);
  const { data = [], isPending } = useQuery({
    queryKey: ['monitoring', 'whitelist'],
    queryFn: async () => (await http('/monitoring/whitelist')).json as WhitelistEntry[],
  });
  const name = useClientNames(data.map((w) => w.clientId));
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
          <Typography variant="h6">{translate('monitoring.whitelist.title')}</Typography>
          <Box sx={{ flex: 1 }} />
          {editor && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setAdding(true)} data-testid="whitelist-new">
              {translate('monitoring.whitelist.new')}
            </Button>
          )}
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('monitoring.whitelist.hint')}
        </Typography>
        {isPending ? (
          <Loading />
        ) : !data.length ? (
          <Typography color="text.secondary">{translate('monitoring.whitelist.empty')}</Typography>
        ) : (
          <ScrollX>
            <Table size="small" data-testid="whitelist">
              <TableHead>
                <TableRow>
                  {['client', 'counterparty', 'reason', 'expires', 'created'].map((c) => (
                    <TableCell key={c}>{translate(`monitoring.suppression.column.${c}`)}</TableCell>
                  ))}
                  {editor && <TableCell />}
                </TableRow>
              </TableHead>
              <TableBody>
                {data.map((w) => (
                  <TableRow key={w.id} data-testid="whitelist-row" data-client-id={w.clientId}>
                    <TableCell>
                      <ClientLink id={w.clientId} name={name(w.clientId)} />
                    </TableCell>
                    <TableCell>{w.counterpartyName}</TableCell>
                    <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{w.reason}</TableCell>
                    <TableCell>{w.expiresAt ? format.dateTime(w.expiresAt) : '-'}</TableCell>
                    <TableCell>{format.dateTime(w.createdAt)}</TableCell>
                    {editor && (
                      <TableCell>
                        <Button
                          size="small"
                          color="error"
                          onClick={() =>
                            change(() => http(`/monitoring/whitelist/${w.id}`, { method: 'DELETE' }), 'monitoring.whitelist.removed')
                          }
                          data-testid="whitelist-remove"
                        >
                          {translate('monitoring.whitelist.remove')}
                        </Button>
                      </TableCell>
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollX>
        )}
      </CardContent>
      {adding && <WhitelistDialog onClose={() => setAdding(false)} />}
    </Card>
  );
};

/** Suppression (docs/monitoring.md): snoozes of a scenario (or all) for a client until a date, and whitelisted
 * counterparties; MLRO and compliance managers change them (audited), other AML staff read them. */
export const Suppression = () => {
  const { permissions } = usePerms();
  const editor = suppresses(permissions);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="monitoring.suppression.title" />
      <Snoozes editor={editor} />
      <Whitelist editor={editor} />
    </Box>
  );
};
