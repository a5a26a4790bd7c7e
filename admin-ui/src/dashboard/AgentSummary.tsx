import { Card, CardContent, Grid, List, ListItemButton, ListItemText, Stack, Typography } from '@mui/material';
import { Title, useGetList, useRedirect, useStore, useTranslate } from 'react-admin';
import { SlaChip } from '../sla/SlaChip';
import { slaStates } from '../sla/slaStates';
import { TimeLeft } from '../sla/TimeLeft';
import type { SlaState, Task } from '../types';
import { caseReferenceOf } from '../tasks/CaseLink';
import { useTaskLabels } from '../tasks/labels';
import { StatCard } from './StatCard';

// The agent's own open work: tasks assigned to them, not yet completed.
const MINE = { meta: { query: { view: 'mine' } } };
const ACTIVE = { status: 'claimed' };

const CountFor = ({ state }: { state: SlaState }) => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const [, setView] = useStore('tasks.view', 'mine');
  const { total } = useGetList<Task>('tasks', {
    ...MINE,
    filter: { ...ACTIVE, slaState: state },
    // Only the total is used, but without a sort react-admin asks for `id`, which the API refuses (400).
    sort: { field: 'dueAt', order: 'ASC' },
    pagination: { page: 1, perPage: 1 },
  });
  return (
    <StatCard
      testid={`summary-${state}`}
      title={translate(`sla.state.${state}`)}
      value={total ?? '…'}
      // my claimed tasks in this SLA state
      onClick={() => {
        setView('mine');
        redirect(`/tasks?filter=${encodeURIComponent(JSON.stringify({ ...ACTIVE, slaState: state }))}`);
      }}
    />
  );
};

export const AgentSummary = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const labels = useTaskLabels();
  const { data = [] } = useGetList<Task>('tasks', {
    ...MINE,
    filter: ACTIVE,
    sort: { field: 'dueAt', order: 'ASC' },
    pagination: { page: 1, perPage: 5 },
  });

  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title="ra.page.dashboard" />
      <Typography variant="h5">{translate('dashboard.agent.title')}</Typography>
      <Grid container spacing={2}>
        {slaStates.map((state) => (
          <Grid key={state} size={{ xs: 6, md: 3 }}>
            <CountFor state={state} />
          </Grid>
        ))}
      </Grid>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="subtitle1">{translate('dashboard.agent.next_due')}</Typography>
          {data.length === 0 ? (
            <Typography color="text.secondary">{translate('dashboard.agent.nothing')}</Typography>
          ) : (
            <List dense>
              {data.map((task) => (
                <ListItemButton key={task.id} onClick={() => redirect('show', 'tasks', task.id)}>
                  <ListItemText
                    primary={`${labels.step(task.caseType, task.step)} · ${caseReferenceOf(task)}`}
                    secondary={task.client?.name}
                  />
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                    <TimeLeft dueAt={task.dueAt} atRiskAt={task.atRiskAt} breachAt={task.breachAt} slaState={task.slaState} />
                    <SlaChip state={task.slaState} />
                  </Stack>
                </ListItemButton>
              ))}
            </List>
          )}
        </CardContent>
      </Card>
    </Stack>
  );
};
