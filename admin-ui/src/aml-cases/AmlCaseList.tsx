import {
  DataTable,
  ExportButton,
  FilterButton,
  List,
  SearchInput,
  SelectField,
  SelectInput,
  SimpleList,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { LocalDateField } from '../i18n/LocalDateField';
import { EXPORT_MAX, useCsvExporter } from '../lists/csv';
import { ListEmpty } from '../lists/EmptyState';
import { AssigneeFilter, ClientFilter } from '../lists/filters';
import { useSmallScreen } from '../layout/useSmallScreen';
import { scenarios } from '../monitoring/enums';
import { useMonitoringLabels } from '../monitoring/labels';
import { supervises, usePerms } from '../providers/permissions';
import { SlaChip } from '../sla/SlaChip';
import { amlStates, amlStatuses, choices, closures } from './enums';
import type { AmlCase } from './types';

const useExporter = () => {
  const translate = useTranslate();
  const l = useMonitoringLabels();
  return useCsvExporter<AmlCase>('aml-cases', [
    { header: 'resources.aml-cases.fields.reference', value: (r) => r.reference },
    { header: 'resources.aml-cases.fields.client.name', value: (r) => r.client?.name },
    { header: 'resources.aml-cases.fields.scenarios', value: (r) => r.scenarios.map((s) => l.scenario(s)).join('; ') },
    { header: 'resources.aml-cases.fields.alertIds', value: (r) => r.alertIds.length },
    { header: 'resources.aml-cases.fields.state', value: (r) => translate(`aml_case.state.${r.state}`) },
    { header: 'resources.aml-cases.fields.status', value: (r) => translate(`aml_case.status.${r.status}`) },
    { header: 'resources.aml-cases.fields.closure', value: (r) => (r.closure ? translate(`aml_case.closure.${r.closure}`) : '') },
    { header: 'resources.aml-cases.fields.assignee.name', value: (r) => r.assignee?.name },
    { header: 'resources.aml-cases.fields.slaState', value: (r) => translate(`sla.state.${r.slaState}`) },
    { header: 'resources.aml-cases.fields.dueAt', value: (r) => r.dueAt },
    { header: 'resources.aml-cases.fields.openedAt', value: (r) => r.openedAt },
    { header: 'resources.aml-cases.fields.sarReference', value: (r) => r.sarReference },
  ]);
};

// AML cases open by themselves from alerts: there is nothing to create here.
const Empty = () => <ListEmpty message="aml_case.empty" />;

const Scenarios = ({ record }: { record: AmlCase }) => {
  const l = useMonitoringLabels();
  return <>{record.scenarios.map((s) => l.scenario(s)).join(', ')}</>;
};

/** The AML cases the user may see (analysts: their branch's clients), with the filters of every case list. */
export const AmlCaseList = () => {
  const small = useSmallScreen();
  const translate = useTranslate();
  const { permissions } = usePerms();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="status" source="status" choices={choices('aml_case.status', amlStatuses)} alwaysOn />,
    <SelectInput key="scenario" source="scenario" choices={choices('monitoring.scenario', scenarios)} alwaysOn />,
    <SelectInput key="state" source="state" choices={choices('aml_case.state', amlStates)} />,
    <SelectInput key="closure" source="closure" choices={choices('aml_case.closure', closures)} />,
    <ClientFilter key="clientId" source="clientId" label="resources.aml-cases.fields.clientId" />,
    ...(supervises(permissions, 'aml_case')
      ? [<AssigneeFilter key="assigneeId" source="assigneeId" label="resources.aml-cases.fields.assignee.name" />]
      : []),
  ];
  return (
    <List
      exporter={useExporter()}
      perPage={25}
      filters={filters}
      sort={{ field: 'openedAt', order: 'DESC' }}
      actions={
        <TopToolbar>
          <FilterButton />
          <ExportButton maxResults={EXPORT_MAX} data-testid="export" />
        </TopToolbar>
      }
      empty={false}
    >
      {small ? (
        <SimpleList<AmlCase>
          empty={<Empty />}
          rowClick="show"
          primaryText={(r) => `${r.reference} · ${r.client?.name ?? ''}`}
          secondaryText={(r) => <Scenarios record={r as AmlCase} />}
          tertiaryText={(r) => translate(`aml_case.state.${r.state}`)}
        />
      ) : (
        <DataTable<AmlCase> rowClick="show" bulkActionButtons={false} empty={<Empty />}>
          <DataTable.Col source="reference" />
          <DataTable.Col source="client.name" disableSort />
          <DataTable.Col source="scenarios" disableSort render={(r) => <Scenarios record={r as AmlCase} />} />
          <DataTable.Col source="alertIds" disableSort render={(r) => r.alertIds.length} />
          <DataTable.Col source="state">
            <SelectField source="state" choices={choices('aml_case.state', amlStates)} />
          </DataTable.Col>
          <DataTable.Col source="assignee.name" disableSort />
          <DataTable.Col source="slaState" disableSort render={(r) => <SlaChip state={r.slaState} closed={r.status === 'closed'} />} />
          <DataTable.Col source="dueAt">
            <LocalDateField source="dueAt" />
          </DataTable.Col>
          <DataTable.Col source="openedAt">
            <LocalDateField source="openedAt" />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
};
