import { Grid } from '@mui/material';
import {
  Link,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { choices } from '../complaints/enums';
import { LocalDateField } from '../i18n/LocalDateField';
import { canSupervise } from '../providers/roles';
import { SlaChip } from '../sla/SlaChip';
import { TimeLeft } from '../sla/TimeLeft';
import type { Task } from '../types';
import { CompleteTaskForm } from './CompleteTaskForm';
import { caseResource, steps, taskStatuses } from './enums';
import { ReassignButton } from './ReassignButtons';
import { ClaimButton, ReleaseButton } from './TaskButtons';

const TaskTitle = () => {
  const task = useRecordContext<Task>();
  const translate = useTranslate();
  return task ? <span>{`${translate(`inbox.step.${task.step}`)} · ${task.caseId}`}</span> : null;
};

const Actions = () => {
  const { permissions } = usePermissions();
  return (
    <TopToolbar>
      <ClaimButton />
      <ReleaseButton />
      {canSupervise(permissions) && <ReassignButton />}
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

const CaseLink = (_: LabeledChild) => {
  const task = useRecordContext<Task>();
  if (!task) return null;
  return <Link to={`/${caseResource(task.caseType)}/${encodeURIComponent(task.caseId)}/show`}>{task.caseId}</Link>;
};

export const TaskShow = () => (
  <Show title={<TaskTitle />} actions={<Actions />}>
    <Grid container spacing={2} sx={{ p: 2 }}>
      <Grid size={{ xs: 12, md: 4 }}>
        <SimpleShowLayout sx={{ p: 0 }}>
          <CaseLink label="resources.tasks.fields.caseId" />
          <TextField source="client.name" />
          <SelectField source="step" choices={choices('inbox.step', steps)} />
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
