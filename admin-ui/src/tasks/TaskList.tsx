import { Divider, Tab, Tabs } from '@mui/material';
import { useEffect } from 'react';
import {
  DataTable,
  DataTableBody,
  DataTableRow,
  ExportButton,
  FilterButton,
  List,
  SearchInput,
  TopToolbar,
  SelectField,
  SelectInput,
  SimpleList,
  TextField,
  useListContext,
  useRecordContext,
  useStore,
  useTranslate,
  type DataTableBodyProps,
  type DataTableRowProps,
} from 'react-admin';
import { stepChoices } from '../caseTypeModule';
import { useCaseTypes } from '../caseTypeRegistry';
import { choices } from '../i18n/choices';
import { inboxShown } from '../layout/inboxFirst';
import { useSmallScreen } from '../layout/useSmallScreen';
import { supervises, usePerms } from '../providers/permissions';
import { INBOX } from '../providers/prefetch';
import { EXPORT_MAX, useCsvExporter } from '../lists/csv';
import { ListEmpty } from '../lists/EmptyState';
import { AssigneeFilter, ClientFilter } from '../lists/filters';
import { NextTaskButton } from './NextTaskButton';
import { SlaChip } from '../sla/SlaChip';
import { slaStates } from '../sla/slaStates';
import { TimeLeft } from '../sla/TimeLeft';
import type { Task } from '../types';
import { taskStatuses } from './enums';
import { CaseLink, caseReferenceOf } from './CaseLink';
import { useTaskLabels } from './labels';
import { BulkReassignButton } from './ReassignButtons';
import { ClaimButton, ReleaseButton } from './TaskButtons';

type View = 'mine' | 'team';

const useFilters = (supervisor: boolean) => {
  const labels = useTaskLabels();
  const caseTypes = useCaseTypes();
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="slaState" source="slaState" choices={choices('sla.state', slaStates)} alwaysOn />,
    <SelectInput key="status" source="status" choices={choices('inbox.status', taskStatuses)} alwaysOn />,
    <SelectInput key="step" source="step" choices={stepChoices(caseTypes)} />,
    <SelectInput
      key="caseType"
      source="caseType"
      choices={caseTypes.map(({ key }) => ({ id: key, name: labels.caseType(key) }))}
      translateChoice={false}
    />,
    <ClientFilter key="clientId" source="clientId" label="resources.tasks.fields.client.name" />,
    ...(supervisor ? [<AssigneeFilter key="assigneeId" source="assigneeId" label="resources.tasks.fields.assignee.name" />] : []),
  ];
};

const useExporter = () => {
  const labels = useTaskLabels();
  const translate = useTranslate();
  return useCsvExporter<Task>('tasks', [
    { header: 'resources.tasks.fields.caseId', value: (t) => caseReferenceOf(t) },
    { header: 'resources.tasks.fields.client.name', value: (t) => t.client?.name },
    { header: 'resources.tasks.fields.caseType', value: (t) => labels.caseType(t.caseType) },
    { header: 'resources.tasks.fields.step', value: (t) => labels.step(t.caseType, t.step) },
    { header: 'resources.tasks.fields.status', value: (t) => translate(`inbox.status.${t.status}`) },
    { header: 'resources.tasks.fields.assignee.name', value: (t) => t.assignee?.name ?? '' },
    { header: 'resources.tasks.fields.priority', value: (t) => `P${t.priority}` },
    { header: 'resources.tasks.fields.dueAt', value: (t) => t.dueAt },
    { header: 'resources.tasks.fields.slaState', value: (t) => translate(`sla.state.${t.slaState}`) },
  ]);
};

const Actions = ({ view }: { view: View }) => (
  <TopToolbar>
    <FilterButton />
    <NextTaskButton />
    <ExportButton maxResults={EXPORT_MAX} meta={{ query: { view } }} data-testid="export" />
  </TopToolbar>
);

/** An empty inbox says why and what to do: take the next task, or clear the filters. */
const Empty = ({ view }: { view: View }) =>
  view === 'mine' ? (
    <ListEmpty message="inbox.empty.mine" action={<NextTaskButton variant="contained" />} />
  ) : (
    <ListEmpty message="inbox.empty.team" />
  );

const TaskRow = (props: DataTableRowProps) => {
  const task = useRecordContext<Task>();
  return <DataTableRow {...props} data-testid={`task-row-${task?.step}`} />;
};
const TaskBody = (props: DataTableBodyProps) => <DataTableBody {...props} row={TaskRow} />;

const ViewTabs = ({ view, onChange }: { view: View; onChange: (view: View) => void }) => {
  const translate = useTranslate();
  const { setPage, onUnselectItems } = useListContext();
  return (
    <Tabs
      value={view}
      onChange={(_, next: View) => {
        onUnselectItems();
        setPage(1);
        onChange(next);
      }}
    >
      <Tab value="mine" label={translate('inbox.tabs.mine')} data-testid="tab-mine" />
      <Tab value="team" label={translate('inbox.tabs.team')} data-testid="tab-team" />
    </Tabs>
  );
};

/** Tells the layout the inbox's rows are on screen (or that it has nothing to show): its extras may render now. */
const ShownSignal = () => {
  const { isPending } = useListContext();
  useEffect(() => {
    if (!isPending) inboxShown();
  }, [isPending]);
  return null;
};

export const TaskList = () => {
  const [view, setView] = useStore<View>(INBOX.viewKey, INBOX.view as View);
  const { permissions } = usePerms();
  const labels = useTaskLabels();
  const small = useSmallScreen();
  const translate = useTranslate();
  const exporter = useExporter();
  return (
    <List
      exporter={exporter}
      actions={<Actions view={view} />}
      perPage={INBOX.perPage}
      title="inbox.title"
      filters={useFilters(supervises(permissions))}
      sort={INBOX.sort}
      queryOptions={{ meta: { query: { view } } }}
      empty={false}
      // The whole console requires a session (App: requireAuth) and every user may list tasks: the list does not
      // check both again before asking (two more rounds before the first rows); a lapsed session still gets its
      // 401 and the sign-in page (authProvider.checkError).
      disableAuthentication
    >
      <ShownSignal />
      <ViewTabs view={view} onChange={setView} />
      <Divider />
      {small ? (
        // Phones: one entry per task (step and client; case and assignee; time left); the task page holds the
        // actions.
        <SimpleList<Task>
          empty={<Empty view={view} />}
          rowClick="show"
          primaryText={(task) => (
            <span data-testid={`task-row-${task.step}`}>{`${labels.step(task.caseType, task.step)} · ${task.client?.name ?? ''}`}</span>
          )}
          secondaryText={(task) => `${caseReferenceOf(task)} · ${task.assignee?.name ?? translate('app.unassigned')}`}
          tertiaryText={(task) => (
            <TimeLeft dueAt={task.dueAt} atRiskAt={task.atRiskAt} breachAt={task.breachAt} slaState={task.slaState} />
          )}
        />
      ) : (
        <DataTable<Task>
          empty={<Empty view={view} />}
          body={TaskBody}
          rowClick="show"
          bulkActionButtons={supervises(permissions) ? <BulkReassignButton /> : false}
        >
          <DataTable.Col source="caseId" disableSort render={(task) => <CaseLink task={task as Task} />} />
          <DataTable.Col source="client.name" disableSort />
          <DataTable.Col source="step" disableSort render={(task) => labels.step(task.caseType, task.step)} />
          <DataTable.Col source="status" disableSort>
            <SelectField source="status" choices={choices('inbox.status', taskStatuses)} />
          </DataTable.Col>
          <DataTable.Col source="assignee.name" disableSort>
            <TextField source="assignee.name" emptyText="app.unassigned" />
          </DataTable.Col>
          <DataTable.Col source="priority" render={(task) => `P${task.priority}`} />
          <DataTable.Col
            source="dueAt"
            render={(task) => <TimeLeft dueAt={task.dueAt} atRiskAt={task.atRiskAt} breachAt={task.breachAt} slaState={task.slaState} />}
          />
          <DataTable.Col source="slaState" disableSort render={(task) => <SlaChip state={task.slaState} />} />
          <DataTable.Col label="" disableSort>
            <ClaimButton />
            <ReleaseButton />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
};
