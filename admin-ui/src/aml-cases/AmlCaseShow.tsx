import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, Divider, Grid, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import {
  FunctionField,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { CaseTimeline } from '../cases/CaseTimeline';
import { Fact, Facts } from '../cases/Facts';
import { useFormat } from '../i18n/format';
import { LocalDateField } from '../i18n/LocalDateField';
import { AlertEvidence } from '../monitoring/AlertEvidence';
import { useMonitoringLabels } from '../monitoring/labels';
import { http } from '../providers/dataProvider';
import { CaseTasks } from '../tasks/CaseTasks';
import { ReopenButton } from './ReopenButton';
import { amlStates, amlStatuses, choices, closures } from './enums';
import type { AmlCase, Sar } from './types';
import { Section } from '../layout/Section';

const Alerts = () => {
  const record = useRecordContext<AmlCase>();
  const translate = useTranslate();
  const alerts = record?.alerts ?? [];
  if (!alerts.length) return <Typography color="text.secondary">{translate('aml_case.no_alerts')}</Typography>;
  return (
    <Stack divider={<Divider flexItem />} spacing={1}>
      {alerts.map((a) => (
        <AlertEvidence key={a.id} alert={a} />
      ))}
    </Stack>
  );
};

/** Where the case's evidence pack downloads from (audited by the API). */
export const evidenceUrl = (caseId: string, format: 'json' | 'pdf') => `/api/aml-cases/${encodeURIComponent(caseId)}/evidence.${format}`;

/** The suspicious-activity report: its status, who prepared, approved and filed it, and the narrative (before one is
 * drafted, the narrative the evidence gives now); the evidence pack to download. */
const Report = () => {
  const record = useRecordContext<AmlCase>();
  const translate = useTranslate();
  const format = useFormat();
  const { data: sar } = useQuery({
    queryKey: ['aml-cases', record?.id, 'sar', record?.state],
    enabled: !!record,
    queryFn: async () => (await http(`/aml-cases/${encodeURIComponent(record!.id)}/sar`)).json as Sar,
  });
  if (!record) return null;
  const when = (at: string | null) => (at ? format.dateTime(at) : undefined);
  return (
    <>
      {sar && (
        <>
          <Facts testId="sar-facts">
            <Fact label="aml_case.sar.status" testId="sar-status">
              {translate(`aml_case.sar_status.${sar.status}`)}
            </Fact>
            <Fact label="aml_case.sar.prepared_by">
              {sar.preparedBy ? `${sar.preparedBy.name} · ${when(sar.submittedAt) ?? ''}` : undefined}
            </Fact>
            <Fact label="aml_case.sar.approved_by">
              {sar.approvedBy ? `${sar.approvedBy.name} · ${when(sar.approvedAt) ?? ''}` : undefined}
            </Fact>
            <Fact label="aml_case.sar.filed">{sar.filedAt ? `${when(sar.filedAt)} · ${sar.filingReference ?? ''}` : undefined}</Fact>
          </Facts>
          {sar.preview && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {translate('aml_case.sar.preview')}
            </Typography>
          )}
          <Box
            component="pre"
            data-testid="sar-narrative"
            sx={{
              whiteSpace: 'pre-wrap',
              fontFamily: 'inherit',
              fontSize: '0.875rem',
              bgcolor: 'action.hover',
              p: 1.5,
              borderRadius: 1,
              mt: 1,
              maxHeight: 420,
              overflow: 'auto',
            }}
          >
            {sar.narrative}
          </Box>
        </>
      )}
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        <Button
          component="a"
          href={evidenceUrl(record.id, 'pdf')}
          download
          startIcon={<DownloadIcon />}
          variant="outlined"
          size="small"
          data-testid="evidence-pdf"
        >
          {translate('aml_case.evidence_pdf')}
        </Button>
        <Button
          component="a"
          href={evidenceUrl(record.id, 'json')}
          download
          startIcon={<DownloadIcon />}
          variant="outlined"
          size="small"
          data-testid="evidence-json"
        >
          {translate('aml_case.evidence_json')}
        </Button>
      </Stack>
    </>
  );
};

/** The scenarios that fired, by name (SimpleShowLayout labels it from its `source`). */
const ScenarioNames = (_: { source: string }) => {
  const l = useMonitoringLabels();
  return <FunctionField<AmlCase> source="scenarios" render={(r) => r.scenarios.map((s) => l.scenario(s)).join(', ')} />;
};

/** An AML case: the client, where the investigation stands, the alerts with why each fired, the report and the
 * evidence pack, the current task and the timeline. */
export const AmlCaseShow = () => (
  <Show
    actions={
      <TopToolbar>
        <ReopenButton />
      </TopToolbar>
    }
    sx={{ '& .RaShow-card': { background: 'none', boxShadow: 'none' } }}
  >
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 7 }}>
        <Section title="aml_case.sections.summary">
          <SimpleShowLayout sx={{ p: 0 }}>
            <TextField source="reference" />
            <ReferenceField source="client.id" reference="clients" link="show">
              <TextField source="name" />
            </ReferenceField>
            <ScenarioNames source="scenarios" />
            <SelectField source="state" choices={choices('aml_case.state', amlStates)} />
            <SelectField source="status" choices={choices('aml_case.status', amlStatuses)} />
            <SelectField source="closure" choices={choices('aml_case.closure', closures)} emptyText="-" />
            <TextField source="assignee.name" emptyText="-" />
            <LocalDateField source="dueAt" emptyText="-" />
            <LocalDateField source="openedAt" />
            <LocalDateField source="closedAt" emptyText="-" />
            <TextField source="findings" emptyText="-" />
            <TextField source="decisionReason" emptyText="-" />
            <TextField source="sarReference" emptyText="-" />
          </SimpleShowLayout>
        </Section>
        <Section title="aml_case.sections.tasks">
          <CaseTasks />
        </Section>
        <Section title="aml_case.sections.alerts" testId="aml-alerts">
          <Alerts />
        </Section>
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <Section title="aml_case.sections.report" testId="aml-report">
          <Report />
        </Section>
        <Section title="aml_case.sections.timeline">
          <CaseTimeline resource="aml-cases" namespace="aml_case" testId="aml-timeline" />
        </Section>
      </Grid>
    </Grid>
  </Show>
);
