import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { SlaState } from '../types';
import { useNow } from './useNow';

interface Props {
  dueAt: string | null;
  atRiskAt?: string | null;
  breachAt?: string | null;
  slaState: SlaState;
}

const UNITS = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
] as const;

/** Live countdown to the due time: red once breached, amber once at risk. */
export const TimeLeft = ({ dueAt, atRiskAt, breachAt, slaState }: Props) => {
  const translate = useTranslate();
  const now = useNow();
  if (slaState === 'paused') {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('sla.paused')}
      </Typography>
    );
  }
  if (!dueAt) return null;

  const due = Date.parse(dueAt);
  const breached = slaState === 'breached' || now >= Date.parse(breachAt ?? dueAt);
  const atRisk = slaState === 'at_risk' || (atRiskAt != null && now >= Date.parse(atRiskAt));
  // The two largest units are precise enough ("2h 5m"); seconds show only in the last hour.
  let rest = Math.abs(due - now);
  const parts: string[] = [];
  for (const [unit, ms] of UNITS) {
    const n = Math.floor(rest / ms);
    rest -= n * ms;
    if (parts.length === 0 && n === 0 && unit !== 's') continue;
    parts.push(translate(`sla.units.${unit}`, { n }));
    if (parts.length === 2) break;
  }
  const time = parts.join(' ');

  return (
    <Typography
      variant="body2"
      data-testid="time-left"
      sx={{
        color: breached ? 'error.main' : atRisk ? 'warning.main' : 'text.primary',
        fontWeight: breached || atRisk ? 600 : 400,
        whiteSpace: 'nowrap',
      }}
    >
      {translate(now >= due ? 'sla.overdue' : 'sla.left', { time })}
    </Typography>
  );
};
