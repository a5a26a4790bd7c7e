import { Grid, Step, StepLabel, Stepper, Typography } from '@mui/material';
import { NumberField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField, useRecordContext, useTranslate } from 'react-admin';
import { CaseTimeline } from '../cases/CaseTimeline';
import { LocalDateField } from '../i18n/LocalDateField';
import { useFormat } from '../i18n/format';
import { CaseTasks } from '../tasks/CaseTasks';
import { choices, developmentStages, developmentStates, developmentStatuses, lostReasons, temperatures } from './enums';
import type { DevelopmentCase } from './types';
import { Section } from '../layout/Section';

/** The funnel's stages with when each was reached; a lost case shows where it was lost. */
const StageStepper = () => {
  const record = useRecordContext<DevelopmentCase>();
  const translate = useTranslate();
  const format = useFormat();
  if (!record) return null;
  const reached = developmentStages.filter((s) => record.stages?.[s]);
  const current = record.state === 'lost' ? (record.lostFrom ?? reached[reached.length - 1]) : record.state;
  return (
    <Stepper
      activeStep={Math.max(0, developmentStages.indexOf(current as (typeof developmentStages)[number]))}
      alternativeLabel
      data-testid="development-stages"
    >
      {developmentStages.map((s) => (
        <Step key={s} completed={!!record.stages?.[s] && s !== current}>
          <StepLabel
            error={record.state === 'lost' && s === current}
            optional={record.stages?.[s] ? <Typography variant="caption">{format.date(record.stages[s])}</Typography> : undefined}
          >
            {translate(`client_development.state.${s}`)}
          </StepLabel>
        </Step>
      ))}
    </Stepper>
  );
};

export const DevelopmentShow = () => (
  <Show sx={{ '& .RaShow-card': { background: 'none', boxShadow: 'none' } }}>
    <Section title="client_development.sections.stages">
      <StageStepper />
    </Section>
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 7 }}>
        <Section title="client_development.sections.summary">
          <SimpleShowLayout sx={{ p: 0 }}>
            <TextField source="reference" />
            <TextField source="lead.name" />
            <ReferenceField source="client.id" reference="clients" link="show" emptyText="-">
              <TextField source="name" />
            </ReferenceField>
            <SelectField source="state" choices={choices('client_development.state', developmentStates)} />
            <SelectField source="status" choices={choices('client_development.status', developmentStatuses)} />
            <SelectField source="temperature" choices={choices('client_development.temperature', temperatures)} />
            <TextField source="source" />
            <TextField source="campaign" emptyText="-" />
            <TextField source="introducingBrokerId" emptyText="-" />
            <TextField source="accountManager.name" emptyText="-" />
            <LocalDateField source="followUpAt" emptyText="-" />
            <LocalDateField source="depositedAt" emptyText="-" />
            <LocalDateField source="tradedAt" emptyText="-" />
            <SelectField source="lostReason" choices={choices('client_development.lost_reason', lostReasons)} emptyText="-" />
            <TextField source="lostNote" emptyText="-" />
            <NumberField source="reopenCount" />
            <LocalDateField source="dueAt" emptyText="-" />
          </SimpleShowLayout>
        </Section>
        <Section title="client_development.sections.tasks">
          <CaseTasks />
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <Section title="client_development.sections.timeline">
          <CaseTimeline resource="client-development" namespace="client_development" />
        </Section>
      </Grid>
    </Grid>
  </Show>
);
