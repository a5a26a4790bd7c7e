import PlayIcon from '@mui/icons-material/PlayArrow';
import {
  Alert as Notice,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Loading, Title, useNotify, useTranslate } from 'react-admin';
import { useFormat } from '../i18n/format';
import { ScrollX } from '../layout/ScrollX';
import { http, post } from '../providers/dataProvider';
import { usePerms } from '../providers/permissions';
import { readsKycRefreshRuns, readsMonitoring, startsKycRefresh, startsRuns } from './access';
import type { KycRefreshRun, RescreenRun, RunStatus, SweepRun } from './types';

const POLL_MS = 1000;
const running = (s: { status: RunStatus } | undefined) => !s || s.status === 'running';

const StatusChip = ({ status, testId }: { status: RunStatus; testId?: string }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={status === 'completed' ? 'success' : status === 'failed' ? 'error' : 'info'}
      label={translate(`monitoring.runs.status.${status}`)}
      data-testid={testId}
      data-status={status}
    />
  );
};

/** A run's status, progress bar and counts, as it goes. */
export const Progress = ({
  status,
  percent,
  error,
  children,
  testId,
}: {
  status: RunStatus;
  percent: number | null;
  error: string | null;
  children: ReactNode;
  testId: string;
}) => (
  <Box data-testid={testId} data-status={status} sx={{ mt: 2 }}>
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <StatusChip status={status} testId={`${testId}-status`} />
      {children}
    </Stack>
    {status === 'running' && (
      <LinearProgress variant={percent === null ? 'indeterminate' : 'determinate'} value={percent ?? 0} sx={{ mt: 1 }} />
    )}
    {error && (
      <Notice severity="error" sx={{ mt: 1 }}>
        {error}
      </Notice>
    )}
  </Box>
);

/** Starts a run (POST) and answers its id; tells the user how it went. */
const useStart = () => {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const start = async (path: string, body: unknown, done: string): Promise<string | null> => {
    setBusy(true);
    try {
      const { json } = await post(path, body);
      notify(done, { type: 'info' });
      await queryClient.invalidateQueries({ queryKey: ['monitoring', 'runs'] });
      return (json as { id: string }).id;
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, start };
};

/** Polls a run until it is no longer running. */
export const usePolled = <T extends { status: RunStatus }>(path: string | null) =>
  useQuery({
    queryKey: ['monitoring', 'runs', path],
    enabled: path !== null,
    queryFn: async () => (await http(path!)).json as T,
    refetchInterval: (q) => (running(q.state.data) ? POLL_MS : false),
  });

const Section = ({ title, hint, children }: { title: string; hint: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate(title)}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate(hint)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

const SweepCounts = ({ sweep }: { sweep: SweepRun }) => {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="body2" data-testid="sweep-clients">
        {translate('monitoring.runs.sweep.clients', { done: sweep.progress.clientsDone, total: sweep.progress.totalClients })}
      </Typography>
      <Typography variant="body2" data-testid="sweep-alerts">
        {translate('monitoring.runs.sweep.alerts', { count: sweep.alertsCreated })}
      </Typography>
    </>
  );
};

/** datetime-local value (the user's local time) → ISO instant; empty stays undefined (the API's default). */
const instant = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** A sweep now: the period (from, to; empty = the last monitoring.sweepLookbackDays) and optionally one client. */
const SweepDialog = ({ open, onClose, onStarted }: { open: boolean; onClose: () => void; onStarted: (id: string) => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [client, setClient] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const send = async () => {
    setBusy(true);
    setErrors({});
    try {
      const body = { from: instant(from), to: instant(to), clientIds: client.trim() ? [client.trim()] : undefined };
      const { json } = await post('/monitoring/sweeps', body);
      notify('monitoring.runs.started', { type: 'info' });
      await queryClient.invalidateQueries({ queryKey: ['monitoring', 'runs'] });
      onStarted((json as { id: string }).id);
    } catch (e) {
      const fields = (e as { body?: { fields?: { path: string; message: string }[] } }).body?.fields ?? [];
      const byField: Record<string, string> = {};
      for (const f of fields) byField[f.path.replace(/^body\./, '').split('.')[0]] = f.message;
      setErrors(byField);
      if (!fields.length) notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" data-testid="sweep-dialog">
      <DialogTitle>{translate('monitoring.runs.sweep.dialog_title')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('monitoring.runs.sweep.period_hint')}
        </Typography>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
          {(
            [
              ['from', from, setFrom],
              ['to', to, setTo],
            ] as const
          ).map(([k, value, set]) => (
            <TextField
              key={k}
              type="datetime-local"
              label={translate(`monitoring.runs.sweep.${k}`)}
              value={value}
              onChange={(e) => set(e.target.value)}
              error={!!errors[k]}
              helperText={errors[k]}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': `sweep-${k}` } }}
              fullWidth
            />
          ))}
        </Stack>
        <TextField
          label={translate('monitoring.runs.sweep.client')}
          value={client}
          onChange={(e) => setClient(e.target.value)}
          error={!!errors.clientIds}
          helperText={errors.clientIds ?? translate('monitoring.runs.sweep.client_hint')}
          slotProps={{ htmlInput: { 'data-testid': 'sweep-client' } }}
          fullWidth
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy} onClick={() => void send()} data-testid="sweep-confirm">
          {translate('monitoring.runs.sweep.start')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

const Sweeps = ({ canStart }: { canStart: boolean }) => {
  const translate = useTranslate();
  const format = useFormat();
  const { busy } = useStart();
  const [id, setId] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const current = usePolled<SweepRun>(id && `/monitoring/sweeps/${id}`);
  const recent = useQuery({
    queryKey: ['monitoring', 'runs', 'sweeps', current.data?.status],
    queryFn: async () => ((await http('/monitoring/sweeps?limit=20')).json as SweepRun[]).filter((s) => s.kind !== 'backtest'),
  });
  return (
    <Section title="monitoring.runs.sweep.title" hint="monitoring.runs.sweep.hint">
      {canStart && (
        <Button
          variant="contained"
          startIcon={<PlayIcon />}
          disabled={busy || (running(current.data) && id !== null)}
          onClick={() => setAsking(true)}
          data-testid="sweep-start"
        >
          {translate('monitoring.runs.sweep.start')}
        </Button>
      )}
      <SweepDialog
        open={asking}
        onClose={() => setAsking(false)}
        onStarted={(started) => {
          setAsking(false);
          setId(started);
        }}
      />
      {current.data && (
        <Progress testId="sweep-progress" status={current.data.status} percent={current.data.progress.percent} error={current.data.error}>
          <SweepCounts sweep={current.data} />
        </Progress>
      )}
      {recent.isPending ? (
        <Loading />
      ) : (
        !!recent.data?.length && (
          <ScrollX>
            <Table size="small" sx={{ mt: 2 }} data-testid="sweeps">
              <TableHead>
                <TableRow>
                  {['started', 'kind', 'period', 'status', 'clients', 'alerts'].map((c) => (
                    <TableCell key={c}>{translate(`monitoring.runs.column.${c}`)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {recent.data.map((s) => (
                  <TableRow key={s.id}>
                    <TableCell>{format.dateTime(s.startedAt)}</TableCell>
                    <TableCell>{translate(`monitoring.runs.kind.${s.kind}`, { _: s.kind })}</TableCell>
                    <TableCell>{`${format.dateTime(s.from)} – ${format.dateTime(s.to)}`}</TableCell>
                    <TableCell>
                      <StatusChip status={s.status} />
                    </TableCell>
                    <TableCell>{`${s.progress.clientsDone} / ${s.progress.totalClients}`}</TableCell>
                    <TableCell>{s.alertsCreated}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollX>
        )
      )}
    </Section>
  );
};

const Rescreens = ({ canStart }: { canStart: boolean }) => {
  const translate = useTranslate();
  const format = useFormat();
  const { busy, start } = useStart();
  const [id, setId] = useState<string | null>(null);
  const current = usePolled<RescreenRun>(id && `/monitoring/rescreens/${id}`);
  const recent = useQuery({
    queryKey: ['monitoring', 'runs', 'rescreens', current.data?.status],
    queryFn: async () => (await http('/monitoring/rescreens')).json as RescreenRun[],
  });
  return (
    <Section title="monitoring.runs.rescreen.title" hint="monitoring.runs.rescreen.hint">
      {canStart && (
        <Button
          variant="contained"
          startIcon={<PlayIcon />}
          disabled={busy || (running(current.data) && id !== null)}
          onClick={async () => setId(await start('/monitoring/rescreens', { kind: 'full' }, 'monitoring.runs.started'))}
          data-testid="rescreen-start"
        >
          {translate('monitoring.runs.rescreen.start')}
        </Button>
      )}
      {current.data && (
        <Progress
          testId="rescreen-progress"
          status={current.data.status}
          percent={current.data.progress.percent}
          error={current.data.error}
        >
          <Typography variant="body2">
            {translate('monitoring.runs.rescreen.counts', {
              done: current.data.progress.done,
              total: current.data.progress.total,
              found: current.data.matchesNew,
              withdrawn: current.data.matchesWithdrawn,
            })}
          </Typography>
        </Progress>
      )}
      {recent.isPending ? (
        <Loading />
      ) : !recent.data?.length ? (
        <Typography color="text.secondary" sx={{ mt: 2 }}>
          {translate('monitoring.runs.rescreen.empty')}
        </Typography>
      ) : (
        <ScrollX>
          <Table size="small" sx={{ mt: 2 }} data-testid="rescreens">
            <TableHead>
              <TableRow>
                {['started', 'kind', 'status', 'progress', 'found', 'withdrawn', 'finished'].map((c) => (
                  <TableCell key={c}>{translate(`monitoring.runs.column.${c}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {recent.data.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>{format.dateTime(r.startedAt)}</TableCell>
                  <TableCell>{translate(`monitoring.runs.kind.${r.kind}`, { _: r.kind })}</TableCell>
                  <TableCell>
                    <StatusChip status={r.status} />
                  </TableCell>
                  <TableCell>{`${r.progress.done} / ${r.progress.total}`}</TableCell>
                  <TableCell>{r.matchesNew}</TableCell>
                  <TableCell>{r.matchesWithdrawn}</TableCell>
                  <TableCell>{r.finishedAt ? format.dateTime(r.finishedAt) : '-'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollX>
      )}
    </Section>
  );
};

const KycRefresh = ({ canStart }: { canStart: boolean }) => {
  const translate = useTranslate();
  const format = useFormat();
  const { busy, start } = useStart();
  const [id, setId] = useState<string | null>(null);
  const current = usePolled<KycRefreshRun>(id && `/kyc-refresh/runs/${id}`);
  const recent = useQuery({
    queryKey: ['monitoring', 'runs', 'kyc-refresh', current.data?.status],
    queryFn: async () => (await http('/kyc-refresh/runs?limit=20')).json as KycRefreshRun[],
  });
  return (
    <Section title="monitoring.runs.kyc_refresh.title" hint="monitoring.runs.kyc_refresh.hint">
      {canStart && (
        <Button
          variant="contained"
          startIcon={<PlayIcon />}
          disabled={busy || (running(current.data) && id !== null)}
          onClick={async () => setId(await start('/kyc-refresh/runs', {}, 'monitoring.runs.started'))}
          data-testid="kyc-refresh-start"
        >
          {translate('monitoring.runs.kyc_refresh.start')}
        </Button>
      )}
      {current.data && (
        <Progress testId="kyc-refresh-progress" status={current.data.status} percent={null} error={null}>
          <Typography variant="body2" data-testid="kyc-refresh-counts">
            {translate('monitoring.runs.kyc_refresh.counts', { started: current.data.started, open: current.data.alreadyOpen })}
          </Typography>
        </Progress>
      )}
      {recent.isPending ? (
        <Loading />
      ) : !recent.data?.length ? (
        <Typography color="text.secondary" sx={{ mt: 2 }}>
          {translate('monitoring.runs.kyc_refresh.empty')}
        </Typography>
      ) : (
        <ScrollX>
          <Table size="small" sx={{ mt: 2 }} data-testid="kyc-refresh-runs">
            <TableHead>
              <TableRow>
                {['started', 'as_of', 'status', 'reviews', 'already_open', 'finished'].map((c) => (
                  <TableCell key={c}>{translate(`monitoring.runs.column.${c}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {recent.data.map((r) => (
                <TableRow key={r.id} data-testid={`kyc-refresh-run-${r.id}`}>
                  <TableCell>{format.dateTime(r.startedAt)}</TableCell>
                  <TableCell>{format.dateTime(r.asOf)}</TableCell>
                  <TableCell>
                    <StatusChip status={r.status} />
                  </TableCell>
                  <TableCell data-testid="kyc-refresh-run-started">{r.started}</TableCell>
                  <TableCell>{r.alreadyOpen}</TableCell>
                  <TableCell>{r.finishedAt ? format.dateTime(r.finishedAt) : '-'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollX>
      )}
    </Section>
  );
};

/** On-demand runs: a sweep of the rules, a full re-screen of the book and the KYC refresh, started now and followed
 * until done (the API's GET endpoints, polled), with the recent sweeps, re-screening runs and KYC refresh runs. */
export const Runs = () => {
  const { permissions } = usePerms();
  const reads = readsMonitoring(permissions);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="monitoring.runs.title" />
      {reads && <Sweeps canStart={startsRuns(permissions)} />}
      {reads && <Rescreens canStart={startsRuns(permissions)} />}
      {(startsKycRefresh(permissions) || readsKycRefreshRuns(permissions)) && <KycRefresh canStart={startsKycRefresh(permissions)} />}
    </Box>
  );
};
