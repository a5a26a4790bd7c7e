import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useRedirect, useStore, useTranslate } from 'react-admin';
import { ScrollX } from '../layout/ScrollX';
import { http } from '../providers/dataProvider';

interface WorkloadRow {
  assignee: { id: string; name: string } | null;
  open: number;
  claimed: number;
  atRisk: number;
  breached: number;
}

/** Supervisors: who holds how much of the work they supervise, and the queue nobody holds yet; a row opens the
 * team's inbox filtered to that person (or to the open queue). */
export const Workload = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const [, setView] = useStore('tasks.view', 'mine');
  const { data = [] } = useQuery({
    queryKey: ['tasks', 'workload'],
    queryFn: async () => (await http('/tasks/workload')).json as WorkloadRow[],
  });
  const open = (row: WorkloadRow) => {
    setView('team');
    const filter = row.assignee ? { assigneeId: row.assignee.id } : { status: 'open' };
    redirect(`/tasks?filter=${encodeURIComponent(JSON.stringify(filter))}`);
  };
  return (
    <Card variant="outlined" sx={{ mt: 2 }} data-testid="workload">
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('dashboard.workload.title')}
        </Typography>
        {data.length === 0 ? (
          <Typography color="text.secondary">{translate('dashboard.workload.none')}</Typography>
        ) : (
          <ScrollX>
            <Table size="small">
              <TableHead>
                <TableRow>
                  {['assignee', 'open', 'claimed', 'at_risk', 'breached'].map((k) => (
                    <TableCell key={k} align={k === 'assignee' ? 'left' : 'right'}>
                      {translate(`dashboard.workload.${k}`)}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {data.map((row) => (
                  <TableRow
                    key={row.assignee?.id ?? 'queue'}
                    hover
                    sx={{ cursor: 'pointer' }}
                    onClick={() => open(row)}
                    data-testid={row.assignee ? `workload-${row.assignee.id}` : 'workload-queue'}
                  >
                    <TableCell>{row.assignee?.name ?? translate('dashboard.workload.queue')}</TableCell>
                    <TableCell align="right">{row.open}</TableCell>
                    <TableCell align="right">{row.claimed}</TableCell>
                    <TableCell align="right">{row.atRisk}</TableCell>
                    <TableCell align="right" sx={row.breached ? { color: 'error.main', fontWeight: 600 } : undefined}>
                      {row.breached}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollX>
        )}
      </CardContent>
    </Card>
  );
};
