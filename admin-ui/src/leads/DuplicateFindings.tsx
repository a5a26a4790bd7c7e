import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useFormat } from '../i18n/format';
import { humanize } from '../i18n/humanize';
import { usePerms } from '../providers/permissions';
import { editsLeads } from './access';
import { dismissDuplicate, mergeLead, recordPath } from './api';
import type { DuplicateFinding, Lead } from './types';

/** A lead that is merged or converted is settled: its findings take no action any more. */
const SETTLED = ['merged', 'converted'];

/** The other record of a finding, linked to its page: by the name the matcher saw, else by kind and id. */
const OtherRecord = ({ finding }: { finding: DuplicateFinding }) => {
  const translate = useTranslate();
  return (
    <Link to={recordPath(finding.kind, finding.id)} data-testid="duplicate-link">
      {finding.detail?.matchedName ?? `${translate(`lead.duplicates.kind.${finding.kind}`)} ${finding.id}`}
    </Link>
  );
};

/** Merge the lead into the finding's lead or client, after a confirmation; the API's refusal is shown in the dialog. */
const MergeButton = ({ lead, finding }: { lead: Lead; finding: DuplicateFinding }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const merge = async () => {
    setBusy(true);
    setError(null);
    try {
      await mergeLead(lead.id, { kind: finding.kind, id: finding.id });
      notify('lead.merge.done', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="duplicate-merge">
        {translate('lead.merge.button')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} data-testid="merge-dialog">
        <DialogTitle>{translate('lead.merge.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {translate(finding.kind === 'client' ? 'lead.merge.confirm_client' : 'lead.merge.confirm_lead', {
              lead: `${lead.firstName} ${lead.lastName}`,
              other: finding.detail?.matchedName ?? finding.id,
            })}
          </DialogContentText>
          {error && (
            <Alert severity="error" sx={{ mt: 2 }} data-testid="merge-error">
              {translate(error, { _: error })}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={merge} disabled={busy} data-testid="merge-confirm">
            {translate('lead.merge.button')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

/** Settle the findings about this lead or client as not duplicates. */
const DismissButton = ({ lead, finding }: { lead: Lead; finding: DuplicateFinding }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const dismiss = async () => {
    setBusy(true);
    try {
      await dismissDuplicate(lead.id, { kind: finding.kind, id: finding.id });
      notify('lead.dismiss.done', { type: 'success' });
      refresh();
    } catch (e) {
      const message = (e as Error).message;
      notify(translate(message, { _: message }), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" onClick={dismiss} disabled={busy} data-testid="duplicate-dismiss">
      {translate('lead.dismiss.button')}
    </Button>
  );
};

/** The lead's duplicate findings (GET /api/leads/:id gives every one with its status): the other lead or client linked,
 * the reason and score; open ones offer Merge into and Not a duplicate to roles that edit leads. */
export const DuplicateFindings = () => {
  const lead = useRecordContext<Lead>();
  const translate = useTranslate();
  const format = useFormat();
  const { permissions } = usePerms();
  if (!lead) return null;
  const acts = editsLeads(permissions) && !SETTLED.includes(lead.status);
  return (
    <div data-testid="lead-duplicates">
      {lead.duplicates.length === 0 ? (
        <Typography data-testid="lead-duplicates-none">{translate('lead.duplicates.none')}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('lead.duplicates.other')}</TableCell>
              <TableCell>{translate('lead.duplicates.kind_column')}</TableCell>
              <TableCell>{translate('lead.duplicates.reason')}</TableCell>
              <TableCell align="right">{translate('lead.duplicates.score')}</TableCell>
              <TableCell>{translate('lead.duplicates.status')}</TableCell>
              {acts && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {lead.duplicates.map((d) => {
              const status = d.status ?? 'open';
              return (
                <TableRow
                  key={`${d.kind}:${d.id}:${d.reason}`}
                  data-testid="duplicate-finding"
                  data-kind={d.kind}
                  data-other={d.id}
                  data-reason={d.reason}
                  data-status={status}
                >
                  <TableCell>
                    <OtherRecord finding={d} />
                  </TableCell>
                  <TableCell>{translate(`lead.duplicates.kind.${d.kind}`)}</TableCell>
                  <TableCell title={d.detail?.summary}>
                    {translate(`lead.duplicates.reasons.${d.reason}`, { _: humanize(d.reason) })}
                  </TableCell>
                  <TableCell align="right">{format.percent(d.score)}</TableCell>
                  <TableCell>{translate(`lead.duplicates.statuses.${status}`, { _: humanize(status) })}</TableCell>
                  {acts && (
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {status === 'open' && (
                        <>
                          <MergeButton lead={lead} finding={d} />
                          <DismissButton lead={lead} finding={d} />
                        </>
                      )}
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </div>
  );
};
