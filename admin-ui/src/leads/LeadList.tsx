import {
  BooleanInput,
  CreateButton,
  DataTable,
  List,
  SearchInput,
  SelectInput,
  SimpleList,
  TextInput,
  TopToolbar,
  useListContext,
  useTranslate,
} from 'react-admin';
import { useSmallScreen } from '../layout/useSmallScreen';
import { ListEmpty } from '../lists/EmptyState';
import { ServerExportButton } from '../lists/ServerExportButton';
import { usePerms } from '../providers/permissions';
import { editsLeads } from './access';
import { AccountManagerField, CreatedField, LeadCountryField, LeadNameField, LeadStatusField } from './fields';
import { LEAD_STATUSES, type Lead } from './types';

const Actions = () => {
  const { permissions } = usePerms();
  return (
    <TopToolbar>
      {editsLeads(permissions) && <CreateButton data-testid="lead-create" />}
      <ServerExportButton path="/api/leads/export.csv" testId="leads-export" />
    </TopToolbar>
  );
};

/** Search, status, source and "has open duplicates" (on: the review queue; off: every lead, not those without findings). */
const useLeadFilters = () => {
  const translate = useTranslate();
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput
      key="status"
      source="status"
      choices={LEAD_STATUSES.map((id) => ({ id, name: translate(`lead.status.${id}`) }))}
      data-testid="lead-filter-status"
    />,
    <TextInput key="source" source="source" slotProps={{ htmlInput: { 'data-testid': 'lead-filter-source' } }} />,
    <BooleanInput
      key="duplicate"
      source="duplicate"
      label="lead.filter.duplicate"
      parse={(v: boolean) => (v ? true : undefined)}
      alwaysOn
      data-testid="lead-filter-duplicate"
    />,
  ];
};

const Empty = () => <ListEmpty message="lead.empty" />;

const LeadTable = () => (
  <DataTable rowClick="show" empty={<Empty />} bulkActionButtons={false}>
    <DataTable.Col source="lastName" label="resources.leads.fields.name" field={LeadNameField} />
    <DataTable.Col source="email" disableSort />
    <DataTable.Col source="phone" disableSort />
    <DataTable.Col source="country" disableSort field={LeadCountryField} />
    <DataTable.Col source="source" disableSort />
    <DataTable.Col source="campaign" disableSort />
    <DataTable.Col source="status" disableSort field={LeadStatusField} />
    <DataTable.Col source="accountManagerId" disableSort field={AccountManagerField} />
    <DataTable.Col source="createdAt" field={CreatedField} />
  </DataTable>
);

// Phones: one entry per lead (name; e-mail or phone; status).
const LeadLines = () => (
  <SimpleList<Lead>
    empty={<Empty />}
    rowClick="show"
    primaryText={(l) => `${l.firstName} ${l.lastName}`}
    secondaryText={(l) => l.email ?? l.phone ?? ''}
    tertiaryText={<LeadStatusField />}
  />
);

/** The duplicate review queue is this list filtered to leads with open findings (the menu's entry opens it so). */
const Title = () => {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  return <span>{translate(filterValues?.duplicate === true ? 'lead.queue.title' : 'resources.leads.name', { smart_count: 2 })}</span>;
};

export const LeadList = () => {
  const filters = useLeadFilters();
  const small = useSmallScreen();
  return (
    <List
      exporter={false}
      actions={<Actions />}
      perPage={25}
      filters={filters}
      sort={{ field: 'createdAt', order: 'DESC' }}
      empty={false}
      title={<Title />}
    >
      {small ? <LeadLines /> : <LeadTable />}
    </List>
  );
};
