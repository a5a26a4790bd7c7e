import { Card, CardContent, Grid, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useRedirect, useTranslate } from 'react-admin';
import { useFormat } from '../i18n/format';
import { http } from '../providers/dataProvider';
import { SlaChip } from '../sla/SlaChip';
import type { ComplianceDashboard } from './types';

/** Open KYC reviews by step and SLA state, approvals waiting, overdue periodic reviews. */
/** The KYC reviews list with these filters: where the card's figures drill down to. */
const reviews = (filter: Record<string, string>) => `/kyc-reviews?filter=${encodeURIComponent(JSON.stringify(filter))}`;

export const ComplianceCard = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const format = useFormat();
  const { data } = useQuery({
    queryKey: ['kyc-reviews', 'dashboard'],
    queryFn: async () => (await http('/dashboard/compliance')).json as ComplianceDashboard,
  });
  if (!data) return null;
  return (
    <Card variant="outlined" sx={{ mb: 2 }} data-testid="compliance-card">
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('kyc_review.dashboard.title')}
        </Typography>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 6 }}>
            <Typography>
              <Link to={reviews({ state: 'senior_approval' })} data-testid="compliance-approvals">
                {translate('kyc_review.dashboard.approvals', { count: data.approvalsWaiting })}
              </Link>
            </Typography>
            <Typography>{translate('kyc_review.dashboard.overdue', { count: data.overduePeriodicReviews.count })}</Typography>
            {data.overduePeriodicReviews.clients.slice(0, 5).map((c) => (
              <Typography key={c.id} variant="body2" color="text.secondary">
                <Link to={`/clients/${encodeURIComponent(c.id)}/show`}>{c.name}</Link>
                {` · ${format.date(c.nextReviewAt)}`}
              </Typography>
            ))}
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <Table size="small">
              <TableBody>
                {data.byStep.map((r) => (
                  <TableRow
                    key={`${r.state}-${r.slaState}`}
                    hover
                    sx={{ cursor: 'pointer' }}
                    onClick={() => redirect(reviews({ state: r.state, slaState: r.slaState }))}
                    data-testid={`compliance-${r.state}-${r.slaState}`}
                  >
                    <TableCell>{translate(`kyc_review.state.${r.state}`)}</TableCell>
                    <TableCell>
                      <SlaChip state={r.slaState} />
                    </TableCell>
                    <TableCell align="right">{r.count}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Grid>
        </Grid>
      </CardContent>
    </Card>
  );
};
