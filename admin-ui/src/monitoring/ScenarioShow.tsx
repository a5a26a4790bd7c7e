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
  MenuItem,
  Select,
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
import { useEffect, useMemo, useState } from 'react';
import { Loading, Title, useNotify, useTranslate } from 'react-admin';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { useFormat } from '../i18n/format';
import { ScrollX } from '../layout/ScrollX';
import { http } from '../providers/dataProvider';
import { usePerms } from '../providers/permissions';
import { editsRules } from './access';
import { bands } from './enums';
import { useMonitoringLabels } from './labels';
import type { ParamSchema, Scenario, ScenarioVersion, Sweep } from './types';

type Band = (typeof bands)[number];
/** What the editor holds per band and parameter: text for numbers, a list for choices; absent: the band inherits. */
type Cell = string | string[];
type Cells = Record<Band, Record<string, Cell>>;

const toCell = (v: unknown): Cell => (Array.isArray(v) ? v.map(String) : v === undefined || v === null ? '' : String(v));
const isSet = (c: Cell | undefined) => (Array.isArray(c) ? c.length > 0 : c !== undefined && c !== '');

function cellsOf(v: ScenarioVersion | null): Cells {
  const out = Object.fromEntries(bands.map((b) => [b, {}])) as Cells;
  if (!v) return out;
  for (const [k, x] of Object.entries(v.parameters.default ?? {})) out.default[k] = toCell(x);
  for (const [band, over] of Object.entries(v.parameters.bands ?? {})) {
    if (band in out) for (const [k, x] of Object.entries(over ?? {})) out[band as Band][k] = toCell(x);
  }
  return out;
}

/** The editor's cells as the API's parameters `{ default, bands }` (numbers where the schema says so). */
function parametersOf(cells: Cells, schema: Record<string, ParamSchema>) {
  const value = (k: string, c: Cell) =>
    Array.isArray(c) ? c : schema[k]?.type === 'number' || schema[k]?.type === 'integer' ? Number(c) : c;
  const pick = (band: Band) =>
    Object.fromEntries(
      Object.entries(cells[band])
        .filter(([, c]) => isSet(c))
        .map(([k, c]) => [k, value(k, c)]),
    );
  const overrides = Object.fromEntries(
    bands
      .filter((b) => b !== 'default')
      .map((b) => [b, pick(b)])
      .filter(([, o]) => Object.keys(o).length > 0),
  );
  return { default: pick('default'), ...(Object.keys(overrides).length ? { bands: overrides } : {}) };
}

const ParamInput = ({
  band,
  name,
  schema,
  cell,
  inherited,
  disabled,
  onChange,
}: {
  band: Band;
  name: string;
  schema: ParamSchema | undefined;
  cell: Cell | undefined;
  inherited: Cell | undefined;
  disabled: boolean;
  onChange: (c: Cell) => void;
}) => {
  const l = useMonitoringLabels();
  const translate = useTranslate();
  const options = schema?.items?.enum;
  const testId = `param-${band}-${name}`;
  if (options) {
    const selected = Array.isArray(cell) ? cell : [];
    return (
      <Select
        multiple
        size="small"
        displayEmpty
        disabled={disabled}
        value={selected}
        sx={{ minWidth: 140 }}
        onChange={(e) => onChange(typeof e.target.value === 'string' ? e.target.value.split(',') : e.target.value)}
        renderValue={(v) =>
          v.length ? (
            v.map((x) => l.value(name, x)).join(', ')
          ) : (
            <Typography variant="body2" color="text.disabled">
              {Array.isArray(inherited) ? inherited.map((x) => l.value(name, x)).join(', ') : translate('monitoring.editor.inherits')}
            </Typography>
          )
        }
        data-testid={testId}
      >
        {options.map((o) => (
          <MenuItem key={o} value={o}>
            {l.value(name, o)}
          </MenuItem>
        ))}
      </Select>
    );
  }
  return (
    <TextField
      size="small"
      type="number"
      disabled={disabled}
      value={typeof cell === 'string' ? cell : ''}
      sx={{ width: 120 }}
      placeholder={typeof inherited === 'string' ? inherited : ''}
      onChange={(e) => onChange(e.target.value)}
      slotProps={{ htmlInput: { 'data-testid': testId, step: 'any', min: schema?.minimum, max: schema?.maximum } }}
    />
  );
};

const BacktestResult = ({ sweep, draft, inForce }: { sweep: Sweep; draft: ScenarioVersion | null; inForce: ScenarioVersion | null }) => {
  const translate = useTranslate();
  if (sweep.status === 'running')
    return (
      <Box data-testid="backtest-running">
        <LinearProgress variant="determinate" value={sweep.progress.percent} sx={{ my: 1 }} />
      </Box>
    );
  if (sweep.status === 'failed') return <Notice severity="error">{sweep.error}</Notice>;
  const r = sweep.result;
  if (!r) return null;
  const of = (v: ScenarioVersion | null) => r.versions.find((x) => x.versionId === v?.id);
  const [d, p] = [of(draft) ?? r.versions[0], of(inForce) ?? r.versions[1]];
  return (
    <Box data-testid="backtest-result">
      <Table size="small" sx={{ maxWidth: 560 }}>
        <TableHead>
          <TableRow>
            <TableCell />
            <TableCell>{translate('monitoring.backtest.alerts')}</TableCell>
            <TableCell>{translate('monitoring.backtest.clients')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          <TableRow>
            <TableCell>{translate('monitoring.backtest.draft', { version: d?.version ?? '-' })}</TableCell>
            <TableCell data-testid="backtest-draft-alerts">{d?.alerts ?? 0}</TableCell>
            <TableCell>{d?.clients ?? 0}</TableCell>
          </TableRow>
          {p && (
            <TableRow>
              <TableCell>{translate('monitoring.backtest.in_force', { version: p.version ?? '-' })}</TableCell>
              <TableCell data-testid="backtest-published-alerts">{p.alerts}</TableCell>
              <TableCell>{p.clients}</TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      {r.both !== null && (
        <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap' }}>
          <Chip label={translate('monitoring.backtest.both', { count: r.both })} data-testid="backtest-both" />
          <Chip
            color="warning"
            label={translate('monitoring.backtest.only_draft', { count: r.onlyDraft?.count ?? 0 })}
            data-testid="backtest-only-draft"
          />
          <Chip
            color="info"
            label={translate('monitoring.backtest.only_in_force', { count: r.onlyPublished?.count ?? 0 })}
            data-testid="backtest-only-published"
          />
        </Stack>
      )}
    </Box>
  );
};

/** A scenario: its red flag, the parameters per risk band of the draft (or of the version in force), editable by
 * compliance managers, who save a draft, backtest it against the version in force, and publish it. */
export const ScenarioShow = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const notify = useNotify();
  const format = useFormat();
  const l = useMonitoringLabels();
  const queryClient = useQueryClient();
  const { permissions } = usePerms();
  const editor = editsRules(permissions);
  const path = `/monitoring/scenarios/${encodeURIComponent(id)}`;
  const { data: scenario, isPending } = useQuery({
    queryKey: ['monitoring', 'scenario', id],
    queryFn: async () => (await http(path)).json as Scenario,
  });
  const base = scenario?.draft ?? scenario?.inForce ?? null;
  const [cells, setCells] = useState<Cells>(() => cellsOf(null));
  const [dirty, setDirty] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [backtestId, setBacktestId] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [switching, setSwitching] = useState(false);
  const [switchReason, setSwitchReason] = useState('');
  useEffect(() => {
    if (!dirty) setCells(cellsOf(base));
    // reload the cells when another version becomes the base (saved, published, discarded)
  }, [base?.id, base?.version]);

  const backtest = useQuery({
    queryKey: ['monitoring', 'backtest', backtestId],
    enabled: backtestId !== null,
    queryFn: async () => (await http(`/monitoring/backtests/${backtestId}`)).json as Sweep,
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 1000 : false),
  });

  const schema = useMemo(() => scenario?.parametersSchema?.properties?.default?.properties ?? {}, [scenario]);
  const names = useMemo(() => [...new Set([...Object.keys(schema), ...Object.keys(cells.default)])], [schema, cells.default]);

  if (isPending || !scenario) return <Loading />;

  const run = async (what: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setProblem(null);
    try {
      await what();
      notify(done, { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['monitoring'] });
    } catch (e) {
      const err = e as Error & { body?: { errors?: Record<string, string> } };
      setProblem(err.body?.errors?.parameters ?? null);
      notify(err.message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    run(async () => {
      await http(`${path}/draft`, {
        method: 'PUT',
        body: JSON.stringify({ parameters: parametersOf(cells, schema), ...(note.trim() ? { note: note.trim() } : {}) }),
      });
      setDirty(false);
      setBacktestId(null);
    }, 'monitoring.editor.saved');
  const startBacktest = () =>
    run(async () => {
      const { json } = await http(`${path}/backtests`, { method: 'POST', body: JSON.stringify({}) });
      setBacktestId((json as Sweep).id);
    }, 'monitoring.backtest.started');
  const publish = () =>
    run(async () => {
      setConfirm(false);
      await http(`${path}/publish`, { method: 'POST', body: JSON.stringify(note.trim() ? { note: note.trim() } : {}) });
      setBacktestId(null);
      setNote('');
    }, 'monitoring.editor.published');
  const discard = () =>
    run(async () => {
      await http(`${path}/draft`, { method: 'DELETE' });
      setDirty(false);
      setBacktestId(null);
    }, 'monitoring.editor.discarded');

  const switchEnabled = () =>
    run(
      async () => {
        setSwitching(false);
        await http(path, { method: 'PATCH', body: JSON.stringify({ enabled: !scenario.enabled, reason: switchReason.trim() }) });
        setSwitchReason('');
      },
      scenario.enabled ? 'monitoring.switch.switched_off' : 'monitoring.switch.switched_on',
    );

  const change = (band: Band, name: string, c: Cell) => {
    setDirty(true);
    setCells((old) => ({ ...old, [band]: { ...old[band], [name]: c } }));
  };
  const backtestable = scenario.execution !== 'rescreen';

  return (
    <Box sx={{ mt: 2 }}>
      <Title title={l.scenario(scenario.id, scenario.name)} />
      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="body2" sx={{ mb: 1 }}>
            <RouterLink to="/monitoring/scenarios">{translate('monitoring.scenarios.title')}</RouterLink>
          </Typography>
          <Typography variant="h6" data-testid="scenario-title">
            {l.scenario(scenario.id, scenario.name)}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {scenario.description}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
            <Chip size="small" label={l.label('execution', scenario.execution)} />
            <Chip
              size="small"
              color="success"
              data-testid="scenario-in-force-version"
              label={
                scenario.inForce
                  ? `${translate('monitoring.scenarios.column.in_force')}: ${translate('monitoring.version_n', { version: scenario.inForce.version })}`
                  : '-'
              }
            />
            {scenario.draft && (
              <Chip
                size="small"
                color="warning"
                data-testid="scenario-draft-version"
                label={`${translate('monitoring.scenarios.column.draft')}: ${translate('monitoring.version_n', { version: scenario.draft.version })}`}
              />
            )}
            {!scenario.enabled && (
              <Chip size="small" color="error" label={translate('monitoring.scenarios.disabled')} data-testid="scenario-disabled" />
            )}
            {editor && (
              <Button
                size="small"
                variant="outlined"
                color={scenario.enabled ? 'error' : 'success'}
                disabled={busy}
                onClick={() => setSwitching(true)}
                data-testid="scenario-switch"
              >
                {translate(scenario.enabled ? 'monitoring.switch.off' : 'monitoring.switch.on')}
              </Button>
            )}
          </Stack>
        </CardContent>
      </Card>

      <Card variant="outlined" sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h6" gutterBottom>
            {translate(scenario.draft ? 'monitoring.editor.title_draft' : 'monitoring.editor.title_in_force')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('monitoring.editor.hint')}
          </Typography>
          <ScrollX>
            <Table size="small" data-testid="scenario-parameters">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('monitoring.editor.parameter')}</TableCell>
                  {bands.map((b) => (
                    <TableCell key={b}>{l.label('band', b)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {names.map((name) => (
                  <TableRow key={name}>
                    <TableCell>{l.name(name)}</TableCell>
                    {bands.map((b) => (
                      <TableCell key={b}>
                        <ParamInput
                          band={b}
                          name={name}
                          schema={schema[name]}
                          cell={cells[b][name]}
                          inherited={b === 'default' ? undefined : cells.default[name]}
                          disabled={!editor || busy}
                          onChange={(c) => change(b, name, c)}
                        />
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollX>
          {problem && (
            <Notice severity="error" sx={{ mt: 1 }} data-testid="scenario-problem">
              {problem}
            </Notice>
          )}
          {editor && (
            <>
              <TextField
                label={translate('monitoring.editor.note')}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                size="small"
                fullWidth
                sx={{ mt: 2 }}
                slotProps={{ htmlInput: { 'data-testid': 'scenario-note', maxLength: 2000 } }}
              />
              <Stack direction="row" spacing={1} sx={{ mt: 2, flexWrap: 'wrap' }}>
                <Button variant="contained" disabled={busy || !dirty} onClick={save} data-testid="scenario-save">
                  {translate('monitoring.editor.save')}
                </Button>
                <Button
                  variant="outlined"
                  disabled={busy || dirty || !scenario.draft || !backtestable}
                  onClick={startBacktest}
                  data-testid="scenario-backtest"
                >
                  {translate('monitoring.backtest.run')}
                </Button>
                <Button
                  variant="outlined"
                  color="success"
                  disabled={busy || dirty || !scenario.draft}
                  onClick={() => setConfirm(true)}
                  data-testid="scenario-publish"
                >
                  {translate('monitoring.editor.publish')}
                </Button>
                <Button color="error" disabled={busy || !scenario.draft} onClick={discard} data-testid="scenario-discard">
                  {translate('monitoring.editor.discard')}
                </Button>
              </Stack>
              {dirty && (
                <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                  {translate('monitoring.editor.unsaved')}
                </Typography>
              )}
            </>
          )}
          {backtest.data && (
            <Box sx={{ mt: 2 }}>
              <Typography variant="subtitle1">{translate('monitoring.backtest.title')}</Typography>
              <BacktestResult sweep={backtest.data} draft={scenario.draft} inForce={scenario.inForce} />
            </Box>
          )}
        </CardContent>
      </Card>

      <Card variant="outlined">
        <CardContent>
          <Typography variant="h6" gutterBottom>
            {translate('monitoring.versions.title')}
          </Typography>
          <ScrollX>
            <Table size="small" data-testid="scenario-versions">
              <TableHead>
                <TableRow>
                  {['version', 'status', 'published', 'retired', 'note'].map((c) => (
                    <TableCell key={c}>{translate(`monitoring.versions.column.${c}`)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {(scenario.versions ?? []).map((v) => (
                  <TableRow key={v.id} data-testid={`version-row-${v.version}`} data-status={v.status}>
                    <TableCell>{v.version}</TableCell>
                    <TableCell>{l.label('version_status', v.status)}</TableCell>
                    <TableCell>{v.publishedAt ? format.dateTime(v.publishedAt) : '-'}</TableCell>
                    <TableCell>{v.retiredAt ? format.dateTime(v.retiredAt) : '-'}</TableCell>
                    <TableCell>{v.note ?? ''}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollX>
        </CardContent>
      </Card>

      <Dialog open={switching} onClose={() => setSwitching(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate(scenario.enabled ? 'monitoring.switch.off' : 'monitoring.switch.on')}</DialogTitle>
        <DialogContent>
          <Typography sx={{ mb: 2 }}>
            {translate(scenario.enabled ? 'monitoring.switch.off_confirm' : 'monitoring.switch.on_confirm', {
              scenario: l.scenario(scenario.id, scenario.name),
            })}
          </Typography>
          <TextField
            label={translate('monitoring.switch.reason')}
            value={switchReason}
            onChange={(e) => setSwitchReason(e.target.value)}
            required
            fullWidth
            multiline
            minRows={2}
            slotProps={{ htmlInput: { 'data-testid': 'scenario-switch-reason', maxLength: 2000 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setSwitching(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={!switchReason.trim()} onClick={switchEnabled} data-testid="scenario-switch-confirm">
            {translate(scenario.enabled ? 'monitoring.switch.off' : 'monitoring.switch.on')}
          </Button>
        </DialogActions>
      </Dialog>

      <Dialog open={confirm} onClose={() => setConfirm(false)}>
        <DialogTitle>{translate('monitoring.editor.publish')}</DialogTitle>
        <DialogContent>
          <Typography>{translate('monitoring.editor.publish_confirm', { version: scenario.draft?.version ?? '' })}</Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirm(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={publish} data-testid="scenario-publish-confirm">
            {translate('monitoring.editor.publish')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};
