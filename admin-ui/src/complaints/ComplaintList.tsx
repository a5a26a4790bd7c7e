import {
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
import { AssigneeFilter, ClientFilter } from '../lists/filters';
import { supervises, usePerms } from '../providers/permissions';
import { useSmallScreen } from '../layout/useSmallScreen';
import { SlaChip } from '../sla/SlaChip';
import { slaStates } from '../sla/slaStates';
import { TimeLeft } from '../sla/TimeLeft';
import type { Complaint } from '../types';
import { categories, choices, complaintStates, complaintStatuses, severities } from './enums';
import { StateField, useStateLabel } from './StateField';

const useFilters = () => {
  const { permissions } = usePerms();
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="status" source="status" choices={choices('complaint.status', complaintStatuses)} alwaysOn />,
    <SelectInput key="slaState" source="slaState" choices={choices('sla.state', slaStates)} alwaysOn />,
    <SelectInput key="severity" source="severity" choices={choices('complaint.severity', severities)} />,
    <SelectInput key="category" source="category" choices={choices('complaint.category', categories)} />,
    <SelectInput key="state" source="state" choices={choices('complaint.state', complaintStates)} />,
    <ClientFilter key="clientId" source="clientId" label="resources.complaints.fields.clientId" />,
    ...(supervises(permissions, 'complaint')
      ? [<AssigneeFilter key="assigneeId" source="assigneeId" label="resources.complaints.fields.assignee.name" />]
      : []),
  ];
};

const useExporter = () => {
  const translate = useTranslate();
  const stateLabel = useStateLabel();
  return useCsvExporter<Complaint>('complaints', [
    { header: 'resources.complaints.fields.reference', value: (c) => c.reference },
    { header: 'resources.complaints.fields.clientId', value: (c) => c.client?.name },
    { header: 'resources.complaints.fields.channel', value: (c) => translate(`complaint.channel.${c.channel}`) },
    { header: 'resources.complaints.fields.category', value: (c) => translate(`complaint.category.${c.category}`) },
    { header: 'resources.complaints.fields.severity', value: (c) => translate(`complaint.severity.${c.severity}`) },
    { header: 'resources.complaints.fields.status', value: (c) => translate(`complaint.status.${c.status}`) },
    { header: 'resources.complaints.fields.state', value: (c) => stateLabel(c.state) },
    { header: 'resources.complaints.fields.assignee.name', value: (c) => c.assignee?.name ?? '' },
    { header: 'resources.complaints.fields.slaState', value: (c) => translate(`sla.state.${c.slaState}`) },
    { header: 'resources.complaints.fields.dueAt', value: (c) => c.dueAt },
    { header: 'resources.complaints.fields.openedAt', value: (c) => c.openedAt },
    { header: 'resources.complaints.fields.closedAt', value: (c) => c.closedAt },
  ]);
};

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton data-testid="complaint-create" />
    <ExportButton maxResults={EXPORT_MAX} data-testid="export" />
  </TopToolbar>
);

const Empty = () => <ListEmpty message="complaint.empty" action={<CreateButton variant="contained" />} />;

const ComplaintTable = () => (
  <DataTable<Complaint> rowClick="show" empty={<Empty />}>
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
    <DataTable.Col source="dueAt" render={(c) => <TimeLeft dueAt={c.status === 'closed' ? null : c.dueAt} slaState={c.slaState} />} />
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
      empty={<Empty />}
      rowClick="show"
      primaryText={(c) => `${c.reference} · ${c.client?.name ?? ''}`}
      secondaryText={(c) =>
        `${stateLabel(c.state)} · ${translate(`complaint.category.${c.category}`)} · ${translate(`complaint.severity.${c.severity}`)}`
      }
      tertiaryText={(c) => <SlaChip state={c.slaState} closed={c.status === 'closed'} />}
    />
  );
};

export const ComplaintList = () => (
  <List
    exporter={useExporter()}
    perPage={25}
    filters={useFilters()}
    actions={<Actions />}
    sort={{ field: 'dueAt', order: 'ASC' }}
    // Without complaints react-admin would replace the toolbar (and its create button) by a placeholder page.
    empty={false}
  >
    {useSmallScreen() ? <ComplaintLines /> : <ComplaintTable />}
  </List>
);
