import { BooleanInput, CreateButton, DataTable, FilterButton, List, SearchInput, SelectField, SelectInput, SimpleList, TopToolbar, useTranslate } from 'react-admin';
import { LocalDateField } from '../i18n/LocalDateField';
import { useSmallScreen } from '../layout/useSmallScreen';
import { SlaChip } from '../sla/SlaChip';
import { choices, requestKinds, requestStatuses } from './enums';
import type { InternalRequest } from './types';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={choices('internal_request.status', requestStatuses)} alwaysOn />,
  <BooleanInput key="mine" source="mine" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={choices('internal_request.kind', requestKinds)} />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton data-testid="request-create" />
  </TopToolbar>
);

const Table = () => (
  <DataTable<InternalRequest> rowClick="show">
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
      rowClick="show"
      primaryText={(r) => `${r.reference} · ${r.subject}`}
      secondaryText={(r) => `${r.client?.name ?? ''} → ${r.team?.name ?? ''}`}
      tertiaryText={(r) => translate(`internal_request.status.${r.status}`)}
    />
  );
};

export const RequestList = () => (
  <List exporter={false} perPage={25} filters={filters} actions={<Actions />} sort={{ field: 'openedAt', order: 'DESC' }} empty={false}>
    {useSmallScreen() ? <Lines /> : <Table />}
  </List>
);
