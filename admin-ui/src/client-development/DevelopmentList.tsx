import {
  BooleanInput,
  DataTable,
  ExportButton,
  FilterButton,
  List,
  SearchInput,
  SelectField,
  SelectInput,
  SimpleList,
  TextInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { LocalDateField } from '../i18n/LocalDateField';
import { EXPORT_MAX, useCsvExporter } from '../lists/csv';
import { ListEmpty } from '../lists/EmptyState';
import { useSmallScreen } from '../layout/useSmallScreen';
import { SlaChip } from '../sla/SlaChip';
import { choices, developmentStates, developmentStatuses, temperatures } from './enums';
import type { DevelopmentCase } from './types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="state" source="state" choices={choices('client_development.state', developmentStates)} alwaysOn />,
  <BooleanInput key="mine" source="mine" alwaysOn />,
  <SelectInput key="status" source="status" choices={choices('client_development.status', developmentStatuses)} />,
  <SelectInput key="temperature" source="temperature" choices={choices('client_development.temperature', temperatures)} />,
  <TextInput key="source" source="source" />,
  <TextInput key="campaign" source="campaign" />,
];

const useExporter = () => {
  const translate = useTranslate();
  return useCsvExporter<DevelopmentCase>('client-development', [
    { header: 'resources.client-development.fields.reference', value: (r) => r.reference },
    { header: 'resources.client-development.fields.lead.name', value: (r) => r.lead?.name },
    { header: 'resources.client-development.fields.state', value: (r) => translate(`client_development.state.${r.state}`) },
    {
      header: 'resources.client-development.fields.temperature',
      value: (r) => translate(`client_development.temperature.${r.temperature}`),
    },
    { header: 'resources.client-development.fields.source', value: (r) => r.source },
    { header: 'resources.client-development.fields.campaign', value: (r) => r.campaign },
    { header: 'resources.client-development.fields.accountManager.name', value: (r) => r.accountManager?.name },
    {
      header: 'resources.client-development.fields.lostReason',
      value: (r) => (r.lostReason ? translate(`client_development.lost_reason.${r.lostReason}`) : ''),
    },
    { header: 'resources.client-development.fields.slaState', value: (r) => translate(`sla.state.${r.slaState}`) },
    { header: 'resources.client-development.fields.openedAt', value: (r) => r.openedAt },
  ]);
};

// cases start from leads (web forms, partners, staff entering a lead), not from here
const Empty = () => <ListEmpty message="client_development.empty" />;

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportButton maxResults={EXPORT_MAX} data-testid="export" />
  </TopToolbar>
);

const Table = () => (
  <DataTable<DevelopmentCase> rowClick="show" empty={<Empty />}>
    <DataTable.Col source="reference" />
    <DataTable.Col source="lead.name" disableSort />
    <DataTable.Col source="state">
      <SelectField source="state" choices={choices('client_development.state', developmentStates)} />
    </DataTable.Col>
    <DataTable.Col source="temperature" disableSort>
      <SelectField source="temperature" choices={choices('client_development.temperature', temperatures)} />
    </DataTable.Col>
    <DataTable.Col source="source" disableSort />
    <DataTable.Col source="accountManager.name" disableSort />
    <DataTable.Col source="slaState" disableSort render={(r) => <SlaChip state={r.slaState} closed={r.status !== 'open'} />} />
    <DataTable.Col source="openedAt">
      <LocalDateField source="openedAt" />
    </DataTable.Col>
  </DataTable>
);

const Lines = () => {
  const translate = useTranslate();
  return (
    <SimpleList<DevelopmentCase>
      empty={<Empty />}
      rowClick="show"
      primaryText={(r) => `${r.reference} · ${r.lead?.name ?? ''}`}
      secondaryText={(r) => `${translate(`client_development.temperature.${r.temperature}`)} · ${r.source}`}
      tertiaryText={(r) => translate(`client_development.state.${r.state}`)}
    />
  );
};

export const DevelopmentList = () => (
  <List
    exporter={useExporter()}
    perPage={25}
    filters={filters}
    actions={<Actions />}
    sort={{ field: 'openedAt', order: 'DESC' }}
    empty={false}
  >
    {useSmallScreen() ? <Lines /> : <Table />}
  </List>
);
