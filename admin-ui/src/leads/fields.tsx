import { Chip } from '@mui/material';
import { useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { useFormat } from '../i18n/format';
import { humanize } from '../i18n/humanize';
import type { Lead } from './types';

/** First and last name. */
export const LeadNameField = (_: { source?: string; label?: string }) => {
  const lead = useRecordContext<Lead>();
  return <span data-testid="lead-name">{lead ? `${lead.firstName} ${lead.lastName}` : ''}</span>;
};

/** The lead's country by name, in the console's language. */
export const LeadCountryField = (_: { source?: string; label?: string }) => {
  const lead = useRecordContext<Lead>();
  const format = useFormat();
  return <span>{lead?.country ? format.country(lead.country) : '-'}</span>;
};

/** The status as a label; a lead with open duplicate findings is flagged beside it. */
export const LeadStatusField = (_: { source?: string; label?: string }) => {
  const lead = useRecordContext<Lead>();
  const translate = useTranslate();
  if (!lead) return null;
  const open = lead.duplicates?.filter((d) => !d.status || d.status === 'open').length ?? 0;
  return (
    <span data-testid="lead-status" data-status={lead.status}>
      {translate(`lead.status.${lead.status}`, { _: humanize(lead.status) })}
      {open > 0 && (
        <Chip
          size="small"
          color="warning"
          sx={{ ml: 1 }}
          label={translate('lead.duplicates.open_count', { smart_count: open })}
          data-testid="lead-open-duplicates"
        />
      )}
    </span>
  );
};

/** The account manager by name; "You" for the user's own leads; "Unassigned" for nobody. */
export const AccountManagerField = (_: { source?: string; label?: string }) => {
  const lead = useRecordContext<Lead>();
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  if (!lead) return null;
  if (!lead.accountManagerId) return <span>{translate('lead.unassigned')}</span>;
  if (identity && lead.accountManagerId === identity.id) return <span>{translate('lead.you')}</span>;
  return <span>{lead.accountManagerName ?? lead.accountManagerId}</span>;
};

/** The creation time in the user's language and time zone. */
export const CreatedField = (_: { source?: string; label?: string }) => {
  const lead = useRecordContext<Lead>();
  const format = useFormat();
  return <span>{lead ? format.dateTime(lead.createdAt) : ''}</span>;
};
