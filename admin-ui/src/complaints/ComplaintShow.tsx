import { Grid } from '@mui/material';
import { NumberField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin';
import { LocalDateField } from '../i18n/LocalDateField';
import { SlaChip } from '../sla/SlaChip';
import { TimeLeft } from '../sla/TimeLeft';
import type { Complaint } from '../types';
import { CaseTimeline } from '../cases/CaseTimeline';
import { CaseTasks } from '../tasks/CaseTasks';
import { ComplaintActions } from './ComplaintActions';
import { categories, channels, choices, complaintStatuses, rootCauses, severities } from './enums';
import { StateField } from './StateField';
import { Section } from '../layout/Section';

// `label` is read by SimpleShowLayout, which wraps each child in a <Labeled>.
const Sla = (_: { label: string }) => {
  const c = useRecordContext<Complaint>();
  if (!c) return null;
  return (
    <span style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
      <SlaChip state={c.slaState} closed={c.status === 'closed'} />
      <TimeLeft dueAt={c.status === 'closed' ? null : c.dueAt} slaState={c.slaState} />
    </span>
  );
};

export const ComplaintShow = () => (
  <Show actions={<ComplaintActions />} sx={{ '& .RaShow-card': { background: 'none', boxShadow: 'none' } }}>
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 7 }}>
        <Section title="complaint.sections.summary">
          <Grid container>
            <Grid size={{ xs: 12, sm: 6 }}>
              <SimpleShowLayout sx={{ p: 0 }}>
                <TextField source="reference" />
                <ReferenceField source="clientId" reference="clients" link="show" />
                <SelectField source="channel" choices={choices('complaint.channel', channels)} />
                <SelectField source="category" choices={choices('complaint.category', categories)} />
                <SelectField source="severity" choices={choices('complaint.severity', severities)} />
                <SelectField source="status" choices={choices('complaint.status', complaintStatuses)} />
                <StateField source="state" />
              </SimpleShowLayout>
            </Grid>
            <Grid size={{ xs: 12, sm: 6 }}>
              <SimpleShowLayout sx={{ p: 0 }}>
                <Sla label="resources.complaints.fields.slaState" />
                <LocalDateField source="dueAt" />
                <LocalDateField source="openedAt" />
                <LocalDateField source="closedAt" emptyText="-" />
                <NumberField source="reopenCount" />
                <TextField source="assignee.name" emptyText="app.unassigned" />
              </SimpleShowLayout>
            </Grid>
          </Grid>
          <SimpleShowLayout sx={{ p: 0 }}>
            <TextField source="description" />
            <TextField source="resolution" emptyText="-" />
            <SelectField source="rootCause" choices={choices('complaint.root_cause', rootCauses)} emptyText="-" />
          </SimpleShowLayout>
        </Section>
        <Section title="complaint.sections.tasks">
          <CaseTasks />
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <Section title="complaint.sections.timeline">
          <CaseTimeline resource="complaints" namespace="complaint" testId="complaint-timeline" />
        </Section>
      </Grid>
    </Grid>
  </Show>
);
