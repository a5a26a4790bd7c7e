import { Chip } from '@mui/material';
import { useTranslate } from 'react-admin';

const COLORS = { low: 'success', medium: 'info', high: 'warning', critical: 'error' } as const;

export const RiskBandChip = ({ band }: { band: string | null | undefined }) => {
  const translate = useTranslate();
  if (!band) return <>-</>;
  return (
    <Chip
      size="small"
      color={COLORS[band as keyof typeof COLORS] ?? 'default'}
      label={translate(`kyc_review.band.${band}`)}
      data-testid={`band-${band}`}
    />
  );
};
