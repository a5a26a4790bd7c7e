import { Card, CardContent, Typography } from '@mui/material';
import type { ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';

export const ChartCard = ({ title, children }: { title: string; children: ReactElement }) => (
  <Card variant="outlined">
    <CardContent>
      <Typography variant="subtitle1" gutterBottom>
        {title}
      </Typography>
      <ResponsiveContainer width="100%" height={260}>
        {children}
      </ResponsiveContainer>
    </CardContent>
  </Card>
);
