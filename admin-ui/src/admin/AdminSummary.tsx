import { Alert, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { LinkBase, useGetList, useTranslate } from 'react-admin';

/** An administrator's dashboard: cases waiting for a repair, and where the SLA policies and settings are. */
export const AdminSummary = () => {
  const translate = useTranslate();
  const { total, isPending } = useGetList('incidents', {
    filter: { status: 'open' },
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'openedAt', order: 'DESC' },
  });
  return (
    <Card variant="outlined" sx={{ mt: 2 }} data-testid="admin-summary">
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('admin.title')}
        </Typography>
        {!isPending &&
          (total ? (
            <Alert
              severity="error"
              data-testid="admin-open-incidents"
              action={
                <Button
                  component={LinkBase}
                  to={`/incidents?filter=${encodeURIComponent(JSON.stringify({ status: 'open' }))}`}
                  color="inherit"
                  size="small"
                >
                  {translate('admin.incident.open_list')}
                </Button>
              }
            >
              {translate('admin.incident.waiting', { smart_count: total })}
            </Alert>
          ) : (
            <Alert severity="success" data-testid="admin-no-incidents">
              {translate('admin.incident.none')}
            </Alert>
          ))}
        <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
          <Button component={LinkBase} to="/sla-policies">
            {translate('resources.sla-policies.name', { smart_count: 2 })}
          </Button>
          <Button component={LinkBase} to="/settings">
            {translate('resources.settings.name', { smart_count: 2 })}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
};
