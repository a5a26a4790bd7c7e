import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { humanize } from '../i18n/humanize';
import type { Complaint } from '../types';

/** Workflow states are not a closed list in the API contract: translated when known, else readable. */
export const useStateLabel = () => {
  const translate = useTranslate();
  return (state: string) => translate(`complaint.state.${state}`, { _: humanize(state) });
};

export const StateField = (_: { source?: string }) => {
  const complaint = useRecordContext<Complaint>();
  const label = useStateLabel();
  return complaint?.state ? (
    <Typography component="span" variant="body2">
      {label(complaint.state)}
    </Typography>
  ) : null;
};
