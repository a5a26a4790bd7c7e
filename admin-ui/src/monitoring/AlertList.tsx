import { Link } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import {
  DataTable,
  DateInput,
  ExportButton,
  FilterButton,
  List,
  SelectInput,
  SimpleList,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { LocalDateField } from '../i18n/LocalDateField';
import { EXPORT_MAX, useCsvExporter } from '../lists/csv';
import { ListEmpty } from '../lists/EmptyState';
import { ClientFilter } from '../lists/filters';
import { useSmallScreen } from '../layout/useSmallScreen';
import { AlertEvidence } from './AlertEvidence';
import { alertSources, alertStatuses, choices, scenarios } from './enums';
import { useMonitoringLabels } from './labels';
import type { Alert } from './types';

const filters = [
  <SelectInput
    key="scenario"
    source="scenario"
    choices={choices('monitoring.scenario', scenarios)}
    alwaysOn
    data-testid="filter-scenario"
  />,
  <SelectInput key="status" source="status" choices={choices('monitoring.alert_status', alertStatuses)} alwaysOn />,
  <ClientFilter key="clientId" source="clientId" label="resources.alerts.fields.clientId" />,
  <SelectInput key="source" source="source" choices={choices('monitoring.source', alertSources)} />,
  <DateInput key="from" source="from" />,
  <DateInput key="to" source="to" />,
];

const useExporter = () => {
  const l = useMonitoringLabels();
  return useCsvExporter<Alert>('alerts', [
    { header: 'resources.alerts.fields.createdAt', value: (r) => r.createdAt },
    { header: 'resources.alerts.fields.scenario', value: (r) => l.scenario(r.scenario, r.scenarioName) },
    { header: 'resources.alerts.fields.scenarioVersion', value: (r) => r.scenarioVersion },
    { header: 'resources.alerts.fields.clientName', value: (r) => r.clientName },
    { header: 'resources.alerts.fields.status', value: (r) => l.label('alert_status', r.status) },
    { header: 'resources.alerts.fields.source', value: (r) => l.label('source', r.source) },
    { header: 'resources.alerts.fields.caseReference', value: (r) => r.caseReference },
    { header: 'resources.alerts.fields.windowStart', value: (r) => r.windowStart },
    { header: 'resources.alerts.fields.windowEnd', value: (r) => r.windowEnd },
  ]);
};

/** The AML case an alert went to (its page), or a dash. */
export const CaseReference = ({ alert }: { alert: Alert }) =>
  alert.caseId ? (
    <Link
      component={RouterLink}
      to={`/aml-cases/${encodeURIComponent(alert.caseId)}/show`}
      onClick={(e) => e.stopPropagation()}
      data-testid="alert-case-link"
    >
      {alert.caseReference ?? alert.caseId}
    </Link>
  ) : (
    <>-</>
  );

const Evidence = () => {
  const alert = useRecordContext<Alert>();
  return alert ? <AlertEvidence alert={alert} /> : null;
};

const Empty = () => <ListEmpty message="monitoring.alerts_empty" />;

const Table = () => {
  const l = useMonitoringLabels();
  return (
    <DataTable<Alert> rowClick="expand" expand={<Evidence />} bulkActionButtons={false} empty={<Empty />}>
      <DataTable.Col source="createdAt">
        <LocalDateField source="createdAt" showTime />
      </DataTable.Col>
      <DataTable.Col
        source="scenario"
        render={(r) => (
          <span data-testid="alert-row-scenario" data-scenario={r.scenario}>
            {l.scenario(r.scenario, r.scenarioName)}
          </span>
        )}
      />
      <DataTable.Col source="scenarioVersion" disableSort />
      <DataTable.Col
        source="clientName"
        disableSort
        render={(r) => (
          <Link component={RouterLink} to={`/clients/${encodeURIComponent(r.clientId)}/show`} onClick={(e) => e.stopPropagation()}>
            {r.clientName ?? r.clientId}
          </Link>
        )}
      />
      <DataTable.Col source="status" disableSort render={(r) => l.label('alert_status', r.status)} />
      <DataTable.Col source="source" disableSort render={(r) => l.label('source', r.source)} />
      <DataTable.Col source="caseReference" disableSort render={(r) => <CaseReference alert={r as Alert} />} />
      <DataTable.Col source="windowEnd">
        <LocalDateField source="windowEnd" showTime />
      </DataTable.Col>
    </DataTable>
  );
};

const Lines = () => {
  const l = useMonitoringLabels();
  const translate = useTranslate();
  return (
    <SimpleList<Alert>
      empty={<Empty />}
      rowClick={(_, __, r) => (r.caseId ? `/aml-cases/${encodeURIComponent(r.caseId)}/show` : false)}
      primaryText={(r) =>
        `${l.scenario(r.scenario, r.scenarioName)} · ${translate('monitoring.version_n', { version: r.scenarioVersion })}`
      }
      secondaryText={(r) => `${r.clientName ?? r.clientId} · ${l.label('alert_status', r.status)}`}
      tertiaryText={(r) => r.caseReference ?? ''}
    />
  );
};

/** Monitoring alerts (AML staff; an analyst sees their branch's): why each fired, and the case it went to. */
export const AlertList = () => (
  <List
    exporter={useExporter()}
    perPage={25}
    filters={filters}
    sort={{ field: 'createdAt', order: 'DESC' }}
    actions={
      <TopToolbar>
        <FilterButton />
        <ExportButton maxResults={EXPORT_MAX} data-testid="export" />
      </TopToolbar>
    }
    empty={false}
  >
    {useSmallScreen() ? <Lines /> : <Table />}
  </List>
);
