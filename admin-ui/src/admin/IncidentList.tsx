import RepairIcon from '@mui/icons-material/Build';
import SanitizeIcon from '@mui/icons-material/CleaningServices';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, DataTable, List, SelectInput, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { useCaseTypeOf } from '../caseTypeRegistry';
import { choices } from '../i18n/choices';
import { LocalDateField } from '../i18n/LocalDateField';
import { post } from '../providers/dataProvider';
import { useTaskLabels } from '../tasks/labels';

interface Incident {
  id: string;
  status: 'open' | 'resolved';
  caseId: string;
  caseType: string;
  reference: string | null;
  code: string;
  message: string;
  openedAt: string;
  resolvedAt: string | null;
  resolution: string | null;
}

const filters = [<SelectInput key="status" source="status" choices={choices('admin.incident.status', ['open', 'resolved'])} alwaysOn />];

/** Asks the stuck case to write again: as it is (the cause was fixed) or with unstorable text replaced. */
const RepairButtons = () => {
  const incident = useRecordContext<Incident>();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const repair = useMutation({
    mutationFn: async (mode: 'retry' | 'sanitize') =>
      (await post(`/incidents/${encodeURIComponent(String(incident!.id))}/repair`, { mode })).json as Incident,
    onSuccess: (result) =>
      notify(result.status === 'resolved' ? 'admin.incident.repaired' : 'admin.incident.still_stuck', {
        type: result.status === 'resolved' ? 'success' : 'warning',
      }),
    onError: (error: Error) => notify(error.message, { type: 'error' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['incidents'] }),
  });
  if (!incident || incident.status !== 'open') return null;
  return (
    <>
      <Button label="admin.incident.retry" disabled={repair.isPending} onClick={() => repair.mutate('retry')} data-testid="incident-retry">
        <RepairIcon />
      </Button>
      <Button
        label="admin.incident.sanitize"
        disabled={repair.isPending}
        onClick={() => repair.mutate('sanitize')}
        data-testid="incident-sanitize"
      >
        <SanitizeIcon />
      </Button>
    </>
  );
};

/** Cases that could not be saved and wait for an administrator (docs/api.md, Incidents). */
export const IncidentList = () => {
  const translate = useTranslate();
  const labels = useTaskLabels();
  const caseTypeOf = useCaseTypeOf();
  return (
    <List
      perPage={25}
      filters={filters}
      filterDefaultValues={{ status: 'open' }}
      sort={{ field: 'openedAt', order: 'DESC' }}
      exporter={false}
      empty={false}
    >
      <DataTable<Incident> bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="reference" render={(i) => i.reference ?? i.caseId} />
        <DataTable.Col source="caseType" disableSort render={(i) => (caseTypeOf(i.caseType) ? labels.caseType(i.caseType) : i.caseType)} />
        <DataTable.Col source="message" disableSort render={(i) => <span data-server-text>{`${i.code}: ${i.message}`}</span>} />
        <DataTable.Col source="openedAt">
          <LocalDateField source="openedAt" showTime />
        </DataTable.Col>
        <DataTable.Col
          source="status"
          disableSort
          render={(i) =>
            i.status === 'open'
              ? translate('admin.incident.status.open')
              : `${translate('admin.incident.status.resolved')} (${i.resolution ?? '-'})`
          }
        />
        <DataTable.Col label="" disableSort>
          <RepairButtons />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
