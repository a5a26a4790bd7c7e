import {
  CreateButton,
  DataTable,
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
import { useSmallScreen } from '../layout/useSmallScreen';
import { SlaChip } from '../sla/SlaChip';
import { slaStates } from '../sla/slaStates';
import { TimeLeft } from '../sla/TimeLeft';
import type { Complaint } from '../types';
import { categories, choices, complaintStates, complaintStatuses, severities } from './enums';
import { StateField, useStateLabel } from './StateField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={choices('complaint.status', complaintStatuses)} alwaysOn />,
  <SelectInput key="slaState" source="slaState" choices={choices('sla.state', slaStates)} alwaysOn />,
  <SelectInput key="severity" source="severity" choices={choices('complaint.severity', severities)} />,
  <SelectInput key="category" source="category" choices={choices('complaint.category', categories)} />,
  <SelectInput key="state" source="state" choices={choices('complaint.state', complaintStates)} />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton data-testid="complaint-create" />
  </TopToolbar>
);

const ComplaintTable = () => (
  <DataTable<Complaint> rowClick="show">
    <DataTable.Col source="reference" />
    <DataTable.Col source="client.name" disableSort />
    <DataTable.Col source="category">
      <SelectField source="category" choices={choices('complaint.category', categories)} />
    </DataTable.Col>
    <DataTable.Col source="severity">
      <SelectField source="severity" choices={choices('complaint.severity', severities)} />
    </DataTable.Col>
    <DataTable.Col source="status">
      <SelectField source="status" choices={choices('complaint.status', complaintStatuses)} />
    </DataTable.Col>
    <DataTable.Col source="state" field={StateField} />
    <DataTable.Col
      source="dueAt"
      render={(c) => <TimeLeft dueAt={c.status === 'closed' ? null : c.dueAt} slaState={c.slaState} />}
    />
    <DataTable.Col source="slaState" disableSort render={(c) => <SlaChip state={c.slaState} closed={c.status === 'closed'} />} />
    <DataTable.Col source="openedAt">
      <LocalDateField source="openedAt" />
    </DataTable.Col>
  </DataTable>
);

// Phones: one entry per complaint (client and state; category and severity; SLA).
const ComplaintLines = () => {
  const translate = useTranslate();
  const stateLabel = useStateLabel();
  return (
    <SimpleList<Complaint>
      rowClick="show"
      primaryText={(c) => `${c.reference} · ${c.client?.name ?? ''}`}
      secondaryText={(c) => `${stateLabel(c.state)} · ${translate(`complaint.category.${c.category}`)} · ${translate(`complaint.severity.${c.severity}`)}`}
      tertiaryText={(c) => <SlaChip state={c.slaState} closed={c.status === 'closed'} />}
    />
  );
};

export const ComplaintList = () => (
  <List
    exporter={false}
    perPage={25}
    filters={filters}
    actions={<Actions />}
    sort={{ field: 'dueAt', order: 'ASC' }}
    // Without complaints react-admin would replace the toolbar (and its create button) by a placeholder page.
    empty={false}
  >
    {useSmallScreen() ? <ComplaintLines /> : <ComplaintTable />}
  </List>
);
