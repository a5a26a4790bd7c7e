import { Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';

export const StatCard = ({ title, value, detail, testid }: { title: string; value: ReactNode; detail?: string; testid: string }) => (
  <Card variant="outlined" sx={{ height: '100%' }}>
    <CardContent>
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
