import CheckIcon from '@mui/icons-material/FactCheck';
import PlayIcon from '@mui/icons-material/PlayArrow';
import UploadIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { HttpError, Loading, Title, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { ScrollX } from '../layout/ScrollX';
import { newKey, postImport, type NewImport } from './api';
import { fieldByName, useImportKinds } from './kinds';
import { readImportFile, type ReadFile } from './file';
import { InvalidRows } from './InvalidRows';
import { ProgressBar } from './ImportProgress';
import { useImportJob, useRejects } from './useImportJob';
import { finished, type ImportKind } from './types';

/** New import: what the file holds, the file (read here: CSV as text, XLSX as base64), its columns' fields, a dry
 * run that lists every invalid row, then the import itself, whose page shows its progress. */

/** A column's choice: '' by its name, LEAVE_OUT not imported, else a field. */
const LEAVE_OUT = '-';

/** What the API said was wrong with the request (a column it cannot place, a required field missing...). */
const problemsOf = (e: unknown): string[] => {
  const fields = e instanceof HttpError ? (e.body as { fields?: { message: string }[] } | null)?.fields : undefined;
  return fields?.length ? fields.map((f) => f.message) : [(e as Error).message];
};

/** The dry run's outcome: its progress while it runs, then every invalid row (line, field, reason). */
const DryRun = ({ id }: { id: string }) => {
  const translate = useTranslate();
  const { data: job } = useImportJob(id);
  const rejects = useRejects(job);
  if (!job) return null;
  if (!finished(job.status)) return <ProgressBar job={job} testId="import-check-progress" />;
  const invalid = job.rejected;
  return (
    <Box data-testid="import-checked" data-total={job.total} data-invalid={invalid} data-status={job.status}>
      <Alert severity={job.status === 'failed' ? 'error' : invalid ? 'warning' : 'success'} sx={{ mb: 1 }}>
        {translate('imports.new.checked', { total: job.total, valid: Math.max(0, job.total - invalid), invalid })}
        {invalid === 0 && ` ${translate('imports.new.all_valid')}`}
      </Alert>
      {invalid > 0 && (
        <>
          <Typography variant="subtitle1">{translate('imports.new.invalid_title')}</Typography>
          {rejects.data ? <InvalidRows rows={rejects.data} testId="import-invalid" /> : <Loading />}
        </>
      )}
    </Box>
  );
};

/** New import: what the file holds, the file (read here: CSV as text, XLSX as base64), its columns' fields, a dry
 * run that lists every invalid row, then the import itself, whose page shows its progress. */
export const ImportCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const [chosenKind, setKind] = useState<ImportKind | null>(null);
  const [file, setFile] = useState<ReadFile | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [checkId, setCheckId] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // the kinds this user may import and their fields, from the API
  const specs = useImportKinds();
  const kinds = (specs.data ?? []).map((k) => k.kind);
  const kind: ImportKind = chosenKind ?? kinds[0] ?? 'leads';
  const fields = useMemo(() => specs.data?.find((k) => k.kind === kind)?.fields ?? [], [specs.data, kind]);

  // One key per request body: a second click on Import sends the same request, which the API applies once.
  const body = useMemo((): NewImport | null => {
    if (!file) return null;
    const chosen = Object.fromEntries(
      Object.entries(mapping)
        .filter(([column, field]) => field && file.columns.includes(column))
        .map(([column, field]) => [column, field === LEAVE_OUT ? '' : field]),
    );
    return {
      kind,
      fileName: file.fileName,
      format: file.format,
      content: file.content,
      ...(Object.keys(chosen).length ? { mapping: chosen } : {}),
    };
  }, [file, kind, mapping]);
  const importKey = useMemo(() => (body ? newKey() : ''), [body]);
  const changed = () => {
    setCheckId(null);
    setProblems([]);
  };

  const choose = async (chosen: File | undefined) => {
    changed();
    setMapping({});
    if (!chosen) return setFile(null);
    try {
      const read = await readImportFile(chosen);
      if (!read) notify('imports.new.not_supported', { type: 'warning' });
      setFile(read);
    } catch {
      notify('imports.new.read_failed', { type: 'error' });
      setFile(null);
    }
  };

  const send = async (dryRun: boolean) => {
    if (!body) return;
    setBusy(true);
    changed();
    try {
      const job = await postImport({ ...body, ...(dryRun ? { dryRun: true } : {}) }, dryRun ? newKey() : importKey);
      if (dryRun) setCheckId(job.id);
      else void navigate(`/imports/${encodeURIComponent(job.id)}/show`);
    } catch (e) {
      setProblems(problemsOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (specs.isPending) return <Loading />;
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="imports.new.title" />
      <Card>
        <CardContent>
          <Stack spacing={2} sx={{ maxWidth: 760 }}>
            <TextField
              select
              label={translate('imports.new.kind')}
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as ImportKind);
                setMapping({});
                changed();
              }}
              data-testid="import-kind"
            >
              {kinds.map((k) => (
                <MenuItem key={k} value={k}>
                  {translate(`imports.kind.${k}`)}
                </MenuItem>
              ))}
            </TextField>
            {fields.length > 0 && (
              <Typography variant="body2" color="text.secondary" data-testid="import-required">
                {translate('imports.new.required', {
                  fields: fields
                    .filter((f) => f.required)
                    .map((f) => f.name)
                    .join(', '),
                })}
              </Typography>
            )}
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Button component="label" variant="outlined" startIcon={<UploadIcon />}>
                {translate('imports.new.choose')}
                <input
                  hidden
                  type="file"
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  onChange={(e) => void choose(e.target.files?.[0])}
                  data-testid="import-file"
                />
              </Button>
              {file && (
                <Typography variant="body2" data-testid="import-file-name">
                  {file.fileName} · {translate('imports.new.rows', { smart_count: file.columns.length })}
                </Typography>
              )}
            </Stack>
            {file && file.columns.length > 0 && (
              <Box data-testid="import-mapping">
                <Typography variant="subtitle1">{translate('imports.new.mapping')}</Typography>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                  {translate('imports.new.mapping_hint')}
                </Typography>
                <ScrollX>
                  <Table size="small">
                    <TableHead>
                      <TableRow>
                        <TableCell>{translate('imports.new.column')}</TableCell>
                        <TableCell>{translate('imports.new.field')}</TableCell>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {file.columns.map((column) => {
                        const byName = fieldByName(fields, column);
                        const choice = mapping[column] ?? '';
                        return (
                          <TableRow key={column}>
                            <TableCell>{column}</TableCell>
                            <TableCell>
                              <TextField
                                select
                                size="small"
                                fullWidth
                                value={choice}
                                onChange={(e) => {
                                  setMapping((m) => ({ ...m, [column]: e.target.value }));
                                  changed();
                                }}
                                error={!choice && !byName}
                                helperText={!choice && !byName ? translate('imports.new.unknown') : undefined}
                                slotProps={{ select: { displayEmpty: true } }}
                                data-testid={`import-map-${column}`}
                              >
                                <MenuItem value="">
                                  <em>
                                    {byName ? translate('imports.new.by_name_field', { field: byName }) : translate('imports.new.by_name')}
                                  </em>
                                </MenuItem>
                                <MenuItem value={LEAVE_OUT}>
                                  <em>{translate('imports.new.leave_out')}</em>
                                </MenuItem>
                                {fields.map((f) => (
                                  <MenuItem key={f.name} value={f.name} title={f.description} data-server-text>
                                    {f.required ? `${f.name} *` : f.name}
                                  </MenuItem>
                                ))}
                              </TextField>
                            </TableCell>
                          </TableRow>
                        );
                      })}
                    </TableBody>
                  </Table>
                </ScrollX>
              </Box>
            )}
            <Stack direction="row" spacing={2}>
              <Button
                variant="outlined"
                startIcon={<CheckIcon />}
                disabled={!body || busy}
                onClick={() => void send(true)}
                data-testid="import-check"
              >
                {translate('imports.new.check')}
              </Button>
              <Button
                variant="contained"
                startIcon={<PlayIcon />}
                disabled={!body || busy}
                onClick={() => void send(false)}
                data-testid="import-start"
              >
                {translate('imports.new.start')}
              </Button>
            </Stack>
            {problems.length > 0 && (
              <Alert severity="error" data-testid="import-problems">
                {problems.map((p) => (
                  <div key={p} data-server-text>
                    {p}
                  </div>
                ))}
              </Alert>
            )}
            {checkId && <DryRun id={checkId} />}
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
};
