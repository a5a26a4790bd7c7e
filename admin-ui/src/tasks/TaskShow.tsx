import { Card, CardContent, Grid, Typography } from '@mui/material';
import { Suspense } from 'react';
import { SelectField, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { useCaseTypeOf } from '../caseTypeRegistry';
import { humanize } from '../i18n/humanize';
import { choices } from '../i18n/choices';
import { LocalDateField } from '../i18n/LocalDateField';
import { SlaChip } from '../sla/SlaChip';
import { TimeLeft } from '../sla/TimeLeft';
import type { Task } from '../types';
import { CompleteTaskForm } from './CompleteTaskForm';
import { taskStatuses } from './enums';
import { useTaskLabels } from './labels';
import { ReassignButton } from './ReassignButtons';
import { ClaimButton, ReleaseButton } from './TaskButtons';
import { CaseLink, caseReferenceOf } from './CaseLink';

const TaskTitle = () => {
  const task = useRecordContext<Task>();
  const labels = useTaskLabels();
  return task ? <span data-testid="task-title">{`${labels.step(task.caseType, task.step)} · ${caseReferenceOf(task)}`}</span> : null;
};

const Actions = () => {
  const task = useRecordContext<Task>();
  return (
    <TopToolbar>
      <ClaimButton />
      <ReleaseButton />
      {task?.can?.reassign && <ReassignButton />}
    </TopToolbar>
  );
};

// `label` is read by SimpleShowLayout, which wraps each child in a <Labeled>.
type LabeledChild = { label: string };

const Sla = (_: LabeledChild) => {
  const task = useRecordContext<Task>();
  if (!task) return null;
  return (
    <span style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
      <TimeLeft dueAt={task.dueAt} atRiskAt={task.atRiskAt} breachAt={task.breachAt} slaState={task.slaState} />
      <SlaChip state={task.slaState} />
    </span>
  );
};

const Case = (_: LabeledChild) => {
  const task = useRecordContext<Task>();
  return task ? <CaseLink task={task} /> : null;
};

const Step = (_: { source: string }) => {
  const task = useRecordContext<Task>();
  const labels = useTaskLabels();
  return task ? <span>{labels.step(task.caseType, task.step)}</span> : null;
};

/** What the task's case is about: its reference, state and summary, and the case type's key facts. */
const CaseCard = () => {
  const task = useRecordContext<Task>();
  const translate = useTranslate();
  const module = useCaseTypeOf()(task?.caseType);
  // a record taken from the inbox's list carries the same `case`; older shapes have none
  if (!task?.case) return null;
  const Summary = module?.TaskCaseSummary;
  return (
    <Card variant="outlined" data-testid="task-case">
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {`${translate('inbox.case_card')} · ${task.case.reference ?? task.reference}`}
        </Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {translate(`${task.caseType}.state.${task.case.state}`, { _: humanize(task.case.state) })}
        </Typography>
        {Summary ? (
          <Suspense fallback={null}>
            <Summary task={task} />
          </Suspense>
        ) : (
          task.case.summary && <Typography variant="body2">{task.case.summary}</Typography>
        )}
      </CardContent>
    </Card>
  );
};

export const TaskShow = () => (
  <Show title={<TaskTitle />} actions={<Actions />}>
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, md: 4 }}>
        <SimpleShowLayout sx={{ p: 0 }}>
          <Case label="resources.tasks.fields.caseId" />
          <TextField source="client.name" />
          <Step source="step" />
          <SelectField source="status" choices={choices('inbox.status', taskStatuses)} />
          <TextField source="assignee.name" emptyText="app.unassigned" />
          <Sla label="resources.tasks.fields.dueAt" />
          <LocalDateField source="createdAt" />
        </SimpleShowLayout>
      </Grid>
      <Grid size={{ xs: 12, md: 8 }}>
        <CaseCard />
        <CompleteTaskForm />
      </Grid>
    </Grid>
  </Show>
);
