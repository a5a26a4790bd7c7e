import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { SlaState } from '../types';

const COLORS = {
  on_track: 'success',
  at_risk: 'warning',
  breached: 'error',
  paused: 'default',
} as const;

export const SlaChip = ({ state }: { state: SlaState }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={COLORS[state] ?? 'default'}
      label={translate(`sla.state.${state}`)}
      data-testid={`sla-${state}`}
    />
  );
};
