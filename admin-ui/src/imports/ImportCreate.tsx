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
import { Title, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { ScrollX } from '../layout/ScrollX';
import { newKey, postImport, type NewImport } from './api';
import { IMPORT_FIELDS } from './fields';
import { readImportFile, type ReadFile } from './file';
import { InvalidRows } from './InvalidRows';
import { importKinds, invalidRowsOf, type ImportJob, type ImportKind } from './types';

/** New import: what the file holds, the file (read here: CSV as text, XLSX as base64), its columns' fields, a dry
 * run that lists every invalid row, then the import itself, whose page shows its progress. */
export const ImportCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const [kind, setKind] = useState<ImportKind>('leads');
  const [file, setFile] = useState<ReadFile | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [checked, setChecked] = useState<ImportJob | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = IMPORT_FIELDS[kind];

  // One key per request body: a second click on Import sends the same request, which the API applies once.
  const body = useMemo((): NewImport | null => {
    if (!file) return null;
    const chosen = Object.fromEntries(Object.entries(mapping).filter(([column, field]) => field && file.columns.includes(column)));
    return {
      kind,
      fileName: file.fileName,
      format: file.format,
      content: file.content,
      ...(Object.keys(chosen).length ? { mapping: chosen } : {}),
    };
  }, [file, kind, mapping]);
  const importKey = useMemo(() => (body ? newKey() : ''), [body]);

  const choose = async (chosen: File | undefined) => {
    setChecked(null);
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
    try {
      const job = await postImport({ ...body, ...(dryRun ? { dryRun: true } : {}) }, dryRun ? newKey() : importKey);
      if (dryRun) setChecked(job);
      else void navigate(`/imports/${encodeURIComponent(job.id)}/show`);
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const invalid = checked ? invalidRowsOf(checked) : [];
  const invalidCount = checked ? Math.max(checked.rejected ?? 0, invalid.length) : 0;
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="imports.new.title" />
      <Card>
        <CardContent>
          <Stack spacing={2} sx={{ maxWidth: 720 }}>
            <TextField
              select
              label={translate('imports.new.kind')}
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as ImportKind);
                setMapping({});
                setChecked(null);
              }}
              data-testid="import-kind"
            >
              {importKinds.map((k) => (
                <MenuItem key={k} value={k}>
                  {translate(`imports.kind.${k}`)}
                </MenuItem>
              ))}
            </TextField>
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
            {file && fields.length > 0 && file.columns.length > 0 && (
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
                      {file.columns.map((column) => (
                        <TableRow key={column}>
                          <TableCell>{column}</TableCell>
                          <TableCell>
                            <TextField
                              select
                              size="small"
                              fullWidth
                              value={mapping[column] ?? ''}
                              onChange={(e) => {
                                setMapping((m) => ({ ...m, [column]: e.target.value }));
                                setChecked(null);
                              }}
                              slotProps={{ select: { displayEmpty: true } }}
                              data-testid={`import-map-${column}`}
                            >
                              <MenuItem value="">
                                <em>{translate('imports.new.by_name')}</em>
                              </MenuItem>
                              {fields.map((f) => (
                                <MenuItem key={f} value={f}>
                                  {f}
                                </MenuItem>
                              ))}
                            </TextField>
                          </TableCell>
                        </TableRow>
                      ))}
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
            {checked && (
              <Box data-testid="import-checked" data-total={checked.total} data-invalid={invalidCount}>
                <Alert severity={invalidCount ? 'warning' : 'success'} sx={{ mb: 1 }}>
                  {translate('imports.new.checked', {
                    total: checked.total,
                    valid: Math.max(0, checked.total - invalidCount),
                    invalid: invalidCount,
                  })}
                  {invalidCount === 0 && ` ${translate('imports.new.all_valid')}`}
                </Alert>
                {invalid.length > 0 && (
                  <>
                    <Typography variant="subtitle1">{translate('imports.new.invalid_title')}</Typography>
                    <InvalidRows rows={invalid} total={invalidCount} testId="import-invalid" />
                  </>
                )}
              </Box>
            )}
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
};
