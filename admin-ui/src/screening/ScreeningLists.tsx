import UploadIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Button,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { useFormat } from '../i18n/format';
import { humanize } from '../i18n/humanize';
import { ScrollX } from '../layout/ScrollX';
import { http, upload } from '../providers/dataProvider';
import { usePerms } from '../providers/permissions';
import { DeltaRescreenButton } from '../monitoring/DeltaRescreen';

interface ListVersion {
  id: string;
  source: string;
  files: { role: string; name: string; sha256: string }[];
  publishedAt: string | null;
  importedAt: string;
  entryCount: number;
  current: boolean;
}

interface Imported {
  source: string;
  entryCount: number;
  created: boolean;
}

/** Who may import lists (POST /api/screening/lists). */
const IMPORTERS = ['compliance_manager', 'admin'];

const ImportDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Imported[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setFiles([]);
    setResult(null);
    setError(null);
    onClose();
  };
  const send = async () => {
    setBusy(true);
    setError(null);
    // the files one after the other, each named and sized in the query, in order
    const query = files.map((f) => `name=${encodeURIComponent(f.name)}&size=${f.size}`).join('&');
    try {
      const { json } = await upload(`/screening/lists?${query}`, new Blob(files), 'application/octet-stream');
      setResult((json as { imported: Imported[] }).imported);
      await queryClient.invalidateQueries({ queryKey: ['screening-lists'] });
    } catch (e) {
      const fields = (e as { body?: { fields?: { message: string }[] } }).body?.fields;
      setError(fields?.map((f) => f.message).join('; ') || translate((e as Error).message));
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
      <DialogTitle>{translate('screening.import.title')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('screening.import.hint')}
        </Typography>
        <Button variant="outlined" component="label" startIcon={<UploadIcon />}>
          {translate('screening.import.choose')}
          <input
            hidden
            multiple
            type="file"
            accept=".csv,.xml"
            data-testid="lists-files"
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
          />
        </Button>
        <List dense>
          {files.map((f) => (
            <ListItem key={f.name}>
              <ListItemText primary={f.name} secondary={`${Math.ceil(f.size / 1024)} KB`} />
            </ListItem>
          ))}
        </List>
        {error && (
          <Alert severity="error" data-testid="lists-error" data-server-text>
            {error}
          </Alert>
        )}
        {result && (
          <Alert severity="success" data-testid="lists-result">
            {result.map((r) => (
              <div key={r.source}>
                {translate(r.created ? 'screening.import.created' : 'screening.import.unchanged', {
                  list: translate(`screening.source.${r.source}`, { _: humanize(r.source) }),
                  count: r.entryCount,
                })}
              </div>
            ))}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{translate(result ? 'ra.action.close' : 'ra.action.cancel')}</Button>
        {!result && (
          <Button variant="contained" disabled={files.length === 0 || busy} onClick={() => void send()} data-testid="lists-upload">
            {translate('screening.import.send')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
};

/** The sanctions lists screening runs against: every imported version (the current one of each list marked), and
 * an import of the issuers' files for compliance managers and administrators. */
export const ScreeningLists = () => {
  const translate = useTranslate();
  const format = useFormat();
  const { permissions } = usePerms();
  const [importing, setImporting] = useState(false);
  const { data = [], isPending } = useQuery({
    queryKey: ['screening-lists'],
    queryFn: async () => (await http('/screening/lists')).json as ListVersion[],
  });
  const mayImport = (permissions?.roles ?? []).some((r) => IMPORTERS.includes(r));
  return (
    <Card sx={{ mt: 2 }} data-testid="screening-lists">
      <Title title="screening.title" />
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
          <Typography variant="h6">{translate('screening.title')}</Typography>
          {mayImport && (
            <Button startIcon={<UploadIcon />} onClick={() => setImporting(true)} data-testid="lists-import">
              {translate('screening.import.button')}
            </Button>
          )}
        </Stack>
        {!isPending && data.length === 0 && (
          <Alert severity="warning" data-testid="lists-empty">
            {translate(mayImport ? 'screening.empty_import' : 'screening.empty')}
          </Alert>
        )}
        {data.length > 0 && (
          <ScrollX>
            <Table size="small">
              <TableHead>
                <TableRow>
                  {['list', 'imported', 'published', 'entries', 'files'].map((k) => (
                    <TableCell key={k}>{translate(`screening.column.${k}`)}</TableCell>
                  ))}
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {data.map((v) => (
                  <TableRow key={v.id} data-testid={`list-version-${v.source}`}>
                    <TableCell>
                      {translate(`screening.source.${v.source}`, { _: humanize(v.source) })}{' '}
                      {v.current && <Chip size="small" color="success" label={translate('screening.current')} data-testid="list-current" />}
                    </TableCell>
                    <TableCell>{format.dateTime(v.importedAt)}</TableCell>
                    <TableCell>{v.publishedAt ? format.date(v.publishedAt) : '-'}</TableCell>
                    <TableCell>{format.number(v.entryCount)}</TableCell>
                    <TableCell>{v.files.map((f) => f.name).join(', ')}</TableCell>
                    <TableCell>
                      <DeltaRescreenButton versionId={v.id} list={translate(`screening.source.${v.source}`, { _: humanize(v.source) })} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollX>
        )}
      </CardContent>
      <ImportDialog open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
};
