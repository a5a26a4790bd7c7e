import { useEffect } from 'react';
import { CreateButton, DataTable, List, SelectInput, SimpleList, TopToolbar, useListContext, useRefresh, useTranslate } from 'react-admin';
import { choices } from '../i18n/choices';
import { LocalDateField } from '../i18n/LocalDateField';
import { ListEmpty } from '../lists/EmptyState';
import { useSmallScreen } from '../layout/useSmallScreen';
import { ProgressBar, StatusChip } from './ImportProgress';
import { finished, importKinds, importStatuses, type ImportJob } from './types';

const POLL_MS = 2000;

const filters = [
  <SelectInput key="kind" source="kind" choices={choices('imports.kind', importKinds)} alwaysOn />,
  <SelectInput key="status" source="status" choices={choices('imports.status', importStatuses)} alwaysOn />,
];

/** While a job on the page runs, the list refetches every 2 s. */
const RefreshWhileRunning = () => {
  const { data } = useListContext<ImportJob>();
  const refresh = useRefresh();
  const running = (data ?? []).some((j) => !finished(j.status));
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(refresh, POLL_MS);
    return () => clearInterval(timer);
  }, [running, refresh]);
  return null;
};

const Empty = () => <ListEmpty message="imports.empty" action={<CreateButton data-testid="import-create" />} />;

const who = (j: ImportJob) => j.createdByName ?? j.createdBy ?? '';

const Table = () => {
  const translate = useTranslate();
  return (
    <DataTable<ImportJob> rowClick="show" bulkActionButtons={false} empty={<Empty />}>
      <DataTable.Col source="createdAt" disableSort>
        <LocalDateField source="createdAt" showTime />
      </DataTable.Col>
      <DataTable.Col source="kind" disableSort render={(r) => translate(`imports.kind.${r.kind}`, { _: r.kind })} />
      <DataTable.Col source="fileName" disableSort render={(r) => <span data-testid="import-row-file">{r.fileName}</span>} />
      <DataTable.Col source="status" disableSort render={(r) => <StatusChip status={r.status} />} />
      <DataTable.Col source="progress" disableSort render={(r) => <ProgressBar job={r as ImportJob} />} />
      <DataTable.NumberCol source="total" disableSort />
      <DataTable.NumberCol source="applied" disableSort />
      <DataTable.NumberCol source="rejected" disableSort />
      <DataTable.Col source="createdBy" disableSort render={who} />
    </DataTable>
  );
};

const Lines = () => {
  const translate = useTranslate();
  return (
    <SimpleList<ImportJob>
      empty={<Empty />}
      linkType="show"
      primaryText={(r) => `${r.fileName} · ${translate(`imports.kind.${r.kind}`, { _: r.kind })}`}
      secondaryText={(r) => <ProgressBar job={r} />}
      tertiaryText={(r) => translate(`imports.status.${r.status}`, { _: r.status })}
    />
  );
};

/** Every import job the user may see: what, which file, how far, how many rows applied and rejected, by whom. */
export const ImportList = () => (
  <List
    perPage={25}
    filters={filters}
    sort={{ field: 'createdAt', order: 'DESC' }}
    exporter={false}
    actions={
      <TopToolbar>
        <CreateButton data-testid="import-create" />
      </TopToolbar>
    }
    empty={false}
  >
    <RefreshWhileRunning />
    {useSmallScreen() ? <Lines /> : <Table />}
  </List>
);
