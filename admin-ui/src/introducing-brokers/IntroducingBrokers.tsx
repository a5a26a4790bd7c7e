import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/Edit';
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
  FormControlLabel,
  MenuItem,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { HttpError, Title, useNotify, useTranslate } from 'react-admin';
import { ScrollX } from '../layout/ScrollX';
import { http } from '../providers/dataProvider';
import { type IntroducingBroker, descendantsOf, treeRows } from './tree';

const KEY = ['introducing-brokers'];
const TOP = '';

/** The API's field errors by field (`body.parentId` → parentId), in the user's language where we have a key. */
const fieldErrors = (e: unknown): Record<string, string> => {
  const fields = e instanceof HttpError ? (e.body as { fields?: { path: string }[] } | undefined)?.fields : undefined;
  return Object.fromEntries(
    (fields ?? []).map((f) => [f.path.replace(/^body\.?/, '') || 'form', `ib.errors.${f.path.replace(/^body\.?/, '') || 'form'}`]),
  );
};

interface Draft {
  id: string;
  name: string;
  parentId: string;
  branchId: string;
  active: boolean;
}

/** New IB (POST) or an existing one moved, renamed, given another branch, (de)activated (PATCH: only what changed). */
const IbDialog = ({ ib, all, onClose }: { ib: IntroducingBroker | 'new'; all: IntroducingBroker[]; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const creating = ib === 'new';
  const start: Draft = creating
    ? { id: '', name: '', parentId: TOP, branchId: '', active: true }
    : { id: ib.id, name: ib.name, parentId: ib.parentId ?? TOP, branchId: ib.branchId ?? '', active: ib.active };
  const [draft, setDraft] = useState<Draft>(start);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // not under itself nor under one of its own sub-IBs (the API refuses that too)
  const below = creating ? new Set<string>() : descendantsOf(all, ib.id);
  const parents = all.filter((p) => creating || (p.id !== ib.id && !below.has(p.id)));
  const set = (k: keyof Draft) => (value: string | boolean) => setDraft((d) => ({ ...d, [k]: value }));
  const save = async () => {
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      if (creating) {
        await http('/introducing-brokers', {
          method: 'POST',
          body: JSON.stringify({
            id: draft.id.trim(),
            name: draft.name,
            ...(draft.parentId ? { parentId: draft.parentId } : {}),
            ...(draft.branchId.trim() ? { branchId: draft.branchId.trim() } : {}),
          }),
        });
      } else {
        const body: Record<string, unknown> = {};
        if (draft.name !== start.name) body.name = draft.name;
        if (draft.parentId !== start.parentId) body.parentId = draft.parentId || null;
        if (draft.branchId.trim() !== start.branchId) body.branchId = draft.branchId.trim() || null;
        if (draft.active !== start.active) body.active = draft.active;
        if (Object.keys(body).length)
          await http(`/introducing-brokers/${encodeURIComponent(ib.id)}`, { method: 'PATCH', body: JSON.stringify(body) });
      }
      await queryClient.invalidateQueries({ queryKey: KEY });
      notify(creating ? 'ib.created' : 'ib.saved', { type: 'success' });
      onClose();
    } catch (e) {
      const byField = fieldErrors(e);
      setErrors(byField);
      const message = (e as Error).message;
      if (!Object.keys(byField).length || byField.form) setError(translate(message, { _: message }));
    } finally {
      setBusy(false);
    }
  };
  const err = (k: string) => (errors[k] ? { error: true, helperText: translate(errors[k]) } : {});
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" data-testid="ib-dialog">
      <DialogTitle>{creating ? translate('ib.create') : translate('ib.edit', { name: start.name })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {error && (
            <Alert severity="error" data-testid="ib-error">
              {error}
            </Alert>
          )}
          {creating && (
            <TextField
              label={translate('ib.fields.id')}
              value={draft.id}
              onChange={(e) => set('id')(e.target.value)}
              required
              helperText={translate('ib.id_hint')}
              slotProps={{ htmlInput: { 'data-testid': 'ib-id', maxLength: 64 } }}
              {...err('id')}
            />
          )}
          <TextField
            label={translate('ib.fields.name')}
            value={draft.name}
            onChange={(e) => set('name')(e.target.value)}
            required
            slotProps={{ htmlInput: { 'data-testid': 'ib-name', maxLength: 200 } }}
            {...err('name')}
          />
          <TextField
            select
            label={translate('ib.fields.parentId')}
            value={draft.parentId}
            onChange={(e) => set('parentId')(e.target.value)}
            data-testid="ib-parent"
            {...err('parentId')}
          >
            <MenuItem value={TOP}>{translate('ib.top')}</MenuItem>
            {parents.map((p) => (
              <MenuItem key={p.id} value={p.id}>
                {p.name} ({p.id})
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={translate('ib.fields.branchId')}
            value={draft.branchId}
            onChange={(e) => set('branchId')(e.target.value)}
            helperText={translate('ib.branch_hint')}
            slotProps={{ htmlInput: { 'data-testid': 'ib-branch', maxLength: 100 } }}
            {...err('branchId')}
          />
          {!creating && (
            <FormControlLabel
              control={<Switch checked={draft.active} onChange={(e) => set('active')(e.target.checked)} data-testid="ib-active" />}
              label={translate('ib.fields.active')}
            />
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          disabled={busy || !draft.name.trim() || (creating && !draft.id.trim())}
          onClick={() => void save()}
          data-testid="ib-save"
        >
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** The introducing-broker tree (GET /api/introducing-brokers), each IB under its parent, with New and Edit for the
 * roles that maintain IBs (the menu shows the page only to them; the API decides, within their branches). */
export const IntroducingBrokers = () => {
  const translate = useTranslate();
  const [dialog, setDialog] = useState<IntroducingBroker | 'new' | null>(null);
  const {
    data = [],
    isPending,
    error,
  } = useQuery({
    queryKey: KEY,
    queryFn: async () => (await http('/introducing-brokers')).json as IntroducingBroker[],
  });
  const rows = treeRows(data);
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('ib.title')} />
      <CardContent>
        <Stack direction="row" sx={{ mb: 2, justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography variant="body2" color="text.secondary">
            {translate('ib.hint')}
          </Typography>
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setDialog('new')} data-testid="ib-new">
            {translate('ib.create')}
          </Button>
        </Stack>
        {error && <Alert severity="error">{translate((error as Error).message, { _: (error as Error).message })}</Alert>}
        {!isPending && !rows.length && <Typography data-testid="ib-empty">{translate('ib.empty')}</Typography>}
        {rows.length > 0 && (
          <ScrollX>
            <Table size="small" data-testid="ib-tree">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('ib.fields.name')}</TableCell>
                  <TableCell>{translate('ib.fields.id')}</TableCell>
                  <TableCell>{translate('ib.fields.branchId')}</TableCell>
                  <TableCell>{translate('ib.fields.active')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map(({ ib, depth }) => (
                  <TableRow key={ib.id} data-testid="ib-row" data-id={ib.id} data-parent={ib.parentId ?? ''} data-depth={depth}>
                    <TableCell sx={{ pl: 2 + depth * 3 }}>
                      {depth > 0 && '└ '}
                      {ib.name}
                    </TableCell>
                    <TableCell>{ib.id}</TableCell>
                    <TableCell>{ib.branchId ?? '—'}</TableCell>
                    <TableCell>
                      <Chip
                        size="small"
                        color={ib.active ? 'success' : 'default'}
                        label={translate(ib.active ? 'ib.active' : 'ib.inactive')}
                      />
                    </TableCell>
                    <TableCell align="right">
                      <Button size="small" startIcon={<EditIcon />} onClick={() => setDialog(ib)} data-testid="ib-edit">
                        {translate('ra.action.edit')}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollX>
        )}
      </CardContent>
      {dialog && <IbDialog ib={dialog} all={data} onClose={() => setDialog(null)} />}
    </Card>
  );
};
