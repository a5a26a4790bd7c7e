import { Grid } from '@mui/material';
import {
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';
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
        <CompleteTaskForm />
      </Grid>
    </Grid>
  </Show>
);
