import UploadIcon from '@mui/icons-material/UploadFile';
import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, HttpError, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { upload } from '../providers/dataProvider';
import { documentKinds, documentTypes } from './enums';
import type { KycReview } from './types';

// What the API accepts (docs/case-types/kyc-review.md, Documents): its types, by the file's extension.
const TYPES: Record<string, string> = { pdf: 'application/pdf', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png' };
const typeOf = (file: File) => file.type || TYPES[file.name.split('.').pop()?.toLowerCase() ?? ''] || '';

const EMPTY = { kind: 'identity', docType: '', number: '', country: '', issuedAt: '', expiresAt: '', mrz: '' };

/** Adds a document to an open review: the file and what it is (kind; for identity documents their number,
 * country, dates and passport MRZ, which the automated checks read). */
export const DocumentUpload = () => {
  const review = useRecordContext<KycReview>();
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [meta, setMeta] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (!review || review.status === 'closed') return null;

  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setMeta({ ...meta, [key]: e.target.value });
  const close = () => {
    setOpen(false);
    setFile(null);
    setMeta(EMPTY);
    setErrors({});
  };
  const send = async () => {
    if (!file) return;
    setBusy(true);
    setErrors({});
    const query = new URLSearchParams({ kind: meta.kind, fileName: file.name });
    for (const key of ['docType', 'number', 'country', 'issuedAt', 'expiresAt', 'mrz'] as const) {
      const value = key === 'country' ? meta[key].trim().toUpperCase() : meta[key].trim();
      if (value) query.set(key, value);
    }
    try {
      await upload(`/kyc-reviews/${encodeURIComponent(review.id)}/documents?${query}`, file, typeOf(file));
      notify('kyc_review.upload.done', { type: 'success' });
      close();
      await queryClient.invalidateQueries({ queryKey: ['kyc-reviews'] });
    } catch (error) {
      // the API's verdict on a field (query.fileName, body, headers.content-type) goes next to it
      const fields = error instanceof HttpError ? (error.body?.fields as { path: string; message: string }[] | undefined) : undefined;
      if (fields?.length) setErrors(Object.fromEntries(fields.map((f) => [f.path.replace(/^(query|headers)\./, ''), f.message])));
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const fileError = errors.body ?? errors['content-type'] ?? errors.fileName;
  return (
    <>
      <Button label="kyc_review.upload.button" onClick={() => setOpen(true)} data-testid="document-upload">
        <UploadIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <DialogTitle>{translate('kyc_review.upload.title')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <MuiButton variant="outlined" component="label" startIcon={<UploadIcon />}>
              {file ? file.name : translate('kyc_review.upload.choose')}
              <input
                hidden
                type="file"
                accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                data-testid="document-file"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            </MuiButton>
            {fileError && <Alert severity="error">{fileError}</Alert>}
            <TextField
              select
              label={translate('kyc_review.upload.kind')}
              value={meta.kind}
              onChange={set('kind')}
              slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'document-kind' } }}
            >
              {documentKinds.map((k) => (
                <option key={k} value={k}>
                  {translate(`kyc_review.document.${k}`)}
                </option>
              ))}
            </TextField>
            <TextField
              select
              label={translate('kyc_review.upload.doc_type')}
              value={meta.docType}
              onChange={set('docType')}
              slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'document-doc-type' }, inputLabel: { shrink: true } }}
            >
              <option value="" />
              {documentTypes.map((t) => (
                <option key={t} value={t}>
                  {translate(`kyc_review.doc_type.${t}`)}
                </option>
              ))}
            </TextField>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField
                label={translate('kyc_review.upload.number')}
                value={meta.number}
                onChange={set('number')}
                slotProps={{ htmlInput: { 'data-testid': 'document-number' } }}
                error={!!errors.number}
                helperText={errors.number}
                fullWidth
              />
              <TextField
                label={translate('kyc_review.upload.country')}
                value={meta.country}
                onChange={set('country')}
                error={!!errors.country}
                helperText={errors.country ?? translate('kyc_review.upload.country_hint')}
                slotProps={{ htmlInput: { maxLength: 2 } }}
                fullWidth
              />
            </Stack>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
              <TextField
                type="date"
                label={translate('kyc_review.upload.issued_at')}
                value={meta.issuedAt}
                onChange={set('issuedAt')}
                error={!!errors.issuedAt}
                helperText={errors.issuedAt}
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'document-issued' } }}
                fullWidth
              />
              <TextField
                type="date"
                label={translate('kyc_review.upload.expires_at')}
                value={meta.expiresAt}
                onChange={set('expiresAt')}
                error={!!errors.expiresAt}
                helperText={errors.expiresAt}
                slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'document-expires' } }}
                fullWidth
              />
            </Stack>
            <TextField
              label={translate('kyc_review.upload.mrz')}
              value={meta.mrz}
              onChange={set('mrz')}
              error={!!errors.mrz}
              helperText={errors.mrz}
              multiline
              fullWidth
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" disabled={!file || busy} onClick={() => void send()} data-testid="document-upload-confirm">
            {translate('kyc_review.upload.send')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
