import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { SlaState } from '../types';

const COLORS = {
  on_track: 'success',
  at_risk: 'warning',
  breached: 'error',
  paused: 'default',
} as const;

/** An SLA state; for a closed case (`closed`), the state it closed in: met, or closed late. */
export const SlaChip = ({ state, closed = false }: { state: SlaState; closed?: boolean }) => {
  const translate = useTranslate();
  if (closed) {
    const late = state === 'breached';
    return (
      <Chip
        size="small"
        variant="outlined"
        color={late ? 'error' : 'success'}
        label={translate(late ? 'sla.closed.breached' : 'sla.closed.met')}
        data-testid={late ? 'sla-closed-breached' : 'sla-closed-met'}
      />
    );
  }
  return <Chip size="small" color={COLORS[state] ?? 'default'} label={translate(`sla.state.${state}`)} data-testid={`sla-${state}`} />;
};
