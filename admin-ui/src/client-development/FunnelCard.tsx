import { Box, Card, CardContent, LinearProgress, MenuItem, TextField as MuiTextField, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useTranslate } from 'react-admin';
import { http } from '../providers/dataProvider';
import type { Funnel } from './types';

const DIMENSIONS = ['source', 'campaign', 'ib', 'accountManager'] as const;

/** Cases at a stage: the list filtered to it. */
const casesIn = (state: string) => `/client-development?filter=${encodeURIComponent(JSON.stringify({ state }))}`;

/**
 * The supervisors' funnel of the last 30 days: how many of the cases opened reached each stage (bars, in
 * percent) and the median time spent in it; below, conversion to funded per source, campaign, IB or account manager.
 */
export const FunnelCard = () => {
  const translate = useTranslate();
  const [by, setBy] = useState<(typeof DIMENSIONS)[number]>('source');
  const { data } = useQuery({
    queryKey: ['client-development', 'funnel', by],
    queryFn: async () => (await http(`/client-development/funnel?by=${by}`)).json as Funnel,
  });
  if (!data) return null;
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="funnel-card">
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('client_development.dashboard.title', { cases: data.total.cases, lost: data.total.lost })}
        </Typography>
        {data.stages.map((s) => {
          const f = data.total.stages[s];
          return (
            <Box
              key={s}
              sx={{ display: 'grid', gridTemplateColumns: '140px 1fr 60px 90px', gap: 1, alignItems: 'center' }}
              data-testid={`funnel-${s}`}
            >
              <Link to={casesIn(s)}>{translate(`client_development.state.${s}`)}</Link>
              <LinearProgress variant="determinate" value={f?.conversion ?? 0} />
              <Typography variant="body2" align="right">
                {f?.conversion === null || f?.conversion === undefined ? '-' : `${f.conversion} %`}
              </Typography>
              <Typography variant="body2" color="text.secondary" align="right">
                {f?.medianHours === null || f?.medianHours === undefined
                  ? ''
                  : translate('client_development.dashboard.median_hours', { hours: f.medianHours })}
              </Typography>
            </Box>
          );
        })}
        <MuiTextField
          select
          size="small"
          sx={{ mt: 2, minWidth: 200 }}
          label={translate('client_development.dashboard.by')}
          value={by}
          onChange={(e) => setBy(e.target.value as (typeof DIMENSIONS)[number])}
        >
          {DIMENSIONS.map((d) => (
            <MenuItem key={d} value={d}>
              {translate(`client_development.dashboard.dimension.${d}`)}
            </MenuItem>
          ))}
        </MuiTextField>
        {data.rows.slice(0, 10).map((r) => (
          <Box key={r.key ?? '-'} sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr 60px', gap: 1, alignItems: 'center', mt: 0.5 }}>
            <Typography variant="body2">{r.name ?? translate('client_development.dashboard.none')}</Typography>
            <LinearProgress variant="determinate" color="success" value={r.stages.funded?.conversion ?? 0} />
            <Typography variant="body2" align="right">{`${r.stages.funded?.conversion ?? 0} %`}</Typography>
          </Box>
        ))}
      </CardContent>
    </Card>
  );
};
