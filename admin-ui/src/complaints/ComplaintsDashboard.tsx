import { Alert, Grid, Stack, TextField, Typography } from '@mui/material';
import { useTheme } from '@mui/material/styles';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useRedirect, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartCard } from '../dashboard/ChartCard';
import { StatCard } from '../dashboard/StatCard';
import { useFormat } from '../i18n/format';
import { complaintApi } from './api';
import { AGE_BUCKET } from './enums';
import { useStateLabel } from './StateField';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
/** The complaints list with these filters (and sort): where a chart's bar or a figure drills down to. */
const listOf = (filter: Record<string, string>, sort?: string) =>
  `/complaints?filter=${encodeURIComponent(JSON.stringify(filter))}${sort ? `&sort=${sort}&order=ASC` : ''}`;
const daysAgo = (n: number) => isoDay(new Date(Date.now() - n * 86_400_000));

export const ComplaintsDashboard = () => {
  const translate = useTranslate();
  const theme = useTheme();
  const stateLabel = useStateLabel();
  const format = useFormat();
  const redirect = useRedirect();
  const [from, setFrom] = useState(() => daysAgo(30));
  const [to, setTo] = useState(() => daysAgo(0));
  const { data, error } = useQuery({
    queryKey: ['dashboard', from, to],
    queryFn: () => complaintApi.dashboard(from, to),
    enabled: from !== '' && to !== '' && from <= to,
  });
  const { palette } = theme;
  const byState = (data?.byState ?? []).map((s) => ({ ...s, label: stateLabel(s.state) }));
  const count = translate('complaint.dashboard.count');
  // "0-2d" → "0–2 days", "21d+" → "21+ days", in the reader's language.
  const ageLabel = (bucket: string) => {
    const [, from, to, more] = bucket.match(AGE_BUCKET) ?? [];
    if (from === undefined) return bucket;
    return more ? translate('complaint.dashboard.days_over', { from }) : translate('complaint.dashboard.days_range', { from, to });
  };
  const aging = (data?.aging ?? []).map((a) => ({ ...a, label: ageLabel(a.bucket) }));
  const byDay = (data?.byDay ?? []).map((d) => ({ ...d, label: format.date(`${d.day}T12:00:00`) }));

  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title="ra.page.dashboard" />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" sx={{ flex: 1 }}>
          {translate('complaint.dashboard.title')}
        </Typography>
        <TextField
          type="date"
          size="small"
          label={translate('complaint.dashboard.from')}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          sx={{ width: 180 }}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'dashboard-from', max: to } }}
        />
        <TextField
          type="date"
          size="small"
          label={translate('complaint.dashboard.to')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          sx={{ width: 180 }}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'dashboard-to', min: from } }}
        />
      </Stack>
      {error && <Alert severity="error">{translate((error as Error).message)}</Alert>}
      {data && (
        <>
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, md: 4 }}>
              <StatCard
                testid="dashboard-compliance"
                title={translate('complaint.dashboard.compliance')}
                value={data.slaCompliance.percent === null ? '-' : format.percent(data.slaCompliance.percent / 100)}
                detail={translate('complaint.dashboard.compliance_detail', {
                  met: data.slaCompliance.met,
                  total: data.slaCompliance.total,
                })}
              />
            </Grid>
            <Grid size={{ xs: 6, md: 4 }}>
              <StatCard
                testid="dashboard-breaches-open"
                title={translate('complaint.dashboard.breaches_open')}
                value={data.breaches.open}
                onClick={() => redirect(listOf({ slaState: 'breached', status: 'open' }))}
              />
            </Grid>
            <Grid size={{ xs: 6, md: 4 }}>
              <StatCard
                testid="dashboard-breaches-period"
                title={translate('complaint.dashboard.breaches_period')}
                value={data.breaches.inPeriod}
              />
            </Grid>
          </Grid>
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, md: 6 }}>
              <ChartCard title={translate('complaint.dashboard.by_state')}>
                <BarChart data={byState}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Bar
                    dataKey="count"
                    name={count}
                    fill={palette.primary.main}
                    cursor="pointer"
                    onClick={(bar: { payload?: { state?: string } }) =>
                      bar.payload?.state && redirect(listOf({ state: bar.payload.state }))
                    }
                  />
                </BarChart>
              </ChartCard>
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <ChartCard title={translate('complaint.dashboard.aging')}>
                <BarChart data={aging}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="label" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Bar
                    dataKey="count"
                    name={count}
                    fill={palette.warning.main}
                    cursor="pointer"
                    // the oldest open complaints first
                    onClick={() => redirect(listOf({ status: 'open' }, 'openedAt'))}
                  />
                </BarChart>
              </ChartCard>
            </Grid>
          </Grid>
          <ChartCard title={translate('complaint.dashboard.by_day')}>
            <LineChart data={byDay}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Line type="monotone" dataKey="opened" name={translate('complaint.dashboard.opened')} stroke={palette.primary.main} />
              <Line type="monotone" dataKey="closed" name={translate('complaint.dashboard.closed')} stroke={palette.success.main} />
              <Line type="monotone" dataKey="breached" name={translate('complaint.dashboard.breached')} stroke={palette.error.main} />
            </LineChart>
          </ChartCard>
        </>
      )}
    </Stack>
  );
};
