import {
  BooleanInput,
  CreateButton,
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
import { ClientFilter } from '../lists/filters';
import { useSmallScreen } from '../layout/useSmallScreen';
import { SlaChip } from '../sla/SlaChip';
import { choices, requestKinds, requestStatuses } from './enums';
import type { InternalRequest } from './types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={choices('internal_request.status', requestStatuses)} alwaysOn />,
  <BooleanInput key="mine" source="mine" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={choices('internal_request.kind', requestKinds)} />,
  <ClientFilter key="clientId" source="clientId" label="resources.internal-requests.fields.clientId" />,
];

const useExporter = () => {
  const translate = useTranslate();
  return useCsvExporter<InternalRequest>('internal-requests', [
    { header: 'resources.internal-requests.fields.reference', value: (r) => r.reference },
    { header: 'resources.internal-requests.fields.subject', value: (r) => r.subject },
    { header: 'resources.internal-requests.fields.client.name', value: (r) => r.client?.name },
    { header: 'resources.internal-requests.fields.team.name', value: (r) => r.team?.name },
    { header: 'resources.internal-requests.fields.requestedBy.name', value: (r) => r.requestedBy?.name },
    { header: 'resources.internal-requests.fields.kind', value: (r) => translate(`internal_request.kind.${r.kind}`) },
    { header: 'resources.internal-requests.fields.status', value: (r) => translate(`internal_request.status.${r.status}`) },
    { header: 'resources.internal-requests.fields.slaState', value: (r) => translate(`sla.state.${r.slaState}`) },
    { header: 'resources.internal-requests.fields.openedAt', value: (r) => r.openedAt },
  ]);
};

const Empty = () => <ListEmpty message="internal_request.empty" action={<CreateButton variant="contained" />} />;

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton data-testid="request-create" />
    <ExportButton maxResults={EXPORT_MAX} data-testid="export" />
  </TopToolbar>
);

const Table = () => (
  <DataTable<InternalRequest> rowClick="show" empty={<Empty />}>
    <DataTable.Col source="reference" />
    <DataTable.Col source="subject" disableSort />
    <DataTable.Col source="client.name" disableSort />
    <DataTable.Col source="team.name" disableSort />
    <DataTable.Col source="kind" disableSort>
      <SelectField source="kind" choices={choices('internal_request.kind', requestKinds)} />
    </DataTable.Col>
    <DataTable.Col source="status">
      <SelectField source="status" choices={choices('internal_request.status', requestStatuses)} />
    </DataTable.Col>
    <DataTable.Col source="slaState" disableSort render={(r) => <SlaChip state={r.slaState} closed={r.status === 'closed'} />} />
    <DataTable.Col source="openedAt">
      <LocalDateField source="openedAt" />
    </DataTable.Col>
  </DataTable>
);

const Lines = () => {
  const translate = useTranslate();
  return (
    <SimpleList<InternalRequest>
      empty={<Empty />}
      rowClick="show"
      primaryText={(r) => `${r.reference} · ${r.subject}`}
      secondaryText={(r) => `${r.client?.name ?? ''} → ${r.team?.name ?? ''}`}
      tertiaryText={(r) => translate(`internal_request.status.${r.status}`)}
    />
  );
};

export const RequestList = () => (
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
