import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { HttpError, useTranslate } from 'react-admin';

export interface NumberField {
  name: string;
  /** message key */
  label: string;
  value: number | null;
  /** may be left empty (null) */
  optional?: boolean;
}

/** A small dialog editing a few numbers; the API's verdict on a field shows under it. */
export const EditNumbers = ({
  open,
  title,
  fields,
  onClose,
  onSave,
  testId,
}: {
  open: boolean;
  title: string;
  fields: NumberField[];
  onClose: () => void;
  onSave: (values: Record<string, number | null>) => Promise<unknown>;
  testId: string;
}) => {
  const translate = useTranslate();
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      setValues(Object.fromEntries(fields.map((f) => [f.name, f.value === null ? '' : String(f.value)])));
      setErrors({});
    }
    // the fields are read when the dialog opens
  }, [open]);
  const save = async () => {
    setBusy(true);
    try {
      await onSave(Object.fromEntries(fields.map((f) => [f.name, values[f.name] === '' ? null : Number(values[f.name])])));
      onClose();
    } catch (error) {
      const fieldErrors = error instanceof HttpError ? (error.body?.fields as { path: string; message: string }[] | undefined) : undefined;
      setErrors(Object.fromEntries((fieldErrors ?? []).map((f) => [f.path.replace(/^body\./, ''), f.message])));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="xs" data-testid={testId}>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {fields.map((f) => (
            <TextField
              key={f.name}
              type="number"
              label={translate(f.label)}
              value={values[f.name] ?? ''}
              onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
              error={!!errors[f.name]}
              helperText={errors[f.name]}
              slotProps={{ htmlInput: { min: 0, 'data-testid': `edit-${f.name}` } }}
            />
          ))}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy} onClick={() => void save()} data-testid={`${testId}-save`}>
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
