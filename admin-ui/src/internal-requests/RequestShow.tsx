import { Grid } from '@mui/material';
import { BooleanField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { CaseTimeline } from '../cases/CaseTimeline';
import { LocalDateField } from '../i18n/LocalDateField';
import { CaseTasks } from '../tasks/CaseTasks';
import { AnswerButton } from './AnswerButton';
import { choices, requestKinds, requestStates, requestStatuses } from './enums';
import { Section } from '../layout/Section';

export const RequestShow = () => (
  <Show
    actions={
      <TopToolbar>
        <AnswerButton />
      </TopToolbar>
    }
    sx={{ '& .RaShow-card': { background: 'none', boxShadow: 'none' } }}
  >
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 7 }}>
        <Section title="internal_request.sections.summary">
          <SimpleShowLayout sx={{ p: 0 }}>
            <TextField source="reference" />
            <TextField source="subject" />
            <ReferenceField source="client.id" reference="clients" link="show">
              <TextField source="name" />
            </ReferenceField>
            <TextField source="team.name" />
            <TextField source="requestedBy.name" />
            <SelectField source="kind" choices={choices('internal_request.kind', requestKinds)} />
            <BooleanField source="urgent" />
            <SelectField source="status" choices={choices('internal_request.status', requestStatuses)} />
            <SelectField source="state" choices={choices('internal_request.state', requestStates)} />
            <LocalDateField source="dueAt" emptyText="-" />
            <TextField source="details" />
            <TextField source="question" emptyText="-" />
            <TextField source="answer" emptyText="-" />
            <TextField source="reply" emptyText="-" />
            <TextField source="declineReason" emptyText="-" />
          </SimpleShowLayout>
        </Section>
        <Section title="internal_request.sections.tasks">
          <CaseTasks />
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <Section title="internal_request.sections.timeline">
          <CaseTimeline resource="internal-requests" namespace="internal_request" />
        </Section>
      </Grid>
    </Grid>
  </Show>
);
