import { Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** A figure; with `onClick`, a way into the records behind it. */
export const StatCard = ({
  title,
  value,
  detail,
  testid,
  onClick,
}: {
  title: string;
  value: ReactNode;
  detail?: string;
  testid: string;
  onClick?: () => void;
}) => (
  <Card variant="outlined" sx={{ height: '100%' }}>
    <CardContent
      onClick={onClick}
      role={onClick ? 'link' : undefined}
      sx={onClick ? { cursor: 'pointer', '&:hover': { bgcolor: 'action.hover' } } : undefined}
    >
      <Typography variant="subtitle2" color="text.secondary">
        {title}
      </Typography>
      <Typography variant="h4" data-testid={testid}>
        {value}
      </Typography>
      {detail && (
        <Typography variant="body2" color="text.secondary">
          {detail}
        </Typography>
      )}
    </CardContent>
  </Card>
);
