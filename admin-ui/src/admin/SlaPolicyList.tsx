import EditIcon from '@mui/icons-material/Edit';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, DataTable, List, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { humanize } from '../i18n/humanize';
import { http } from '../providers/dataProvider';
import { useTaskLabels } from '../tasks/labels';
import { EditNumbers } from './EditNumbers';

interface SlaPolicy {
  id: string;
  caseType: string;
  step: string;
  category: string;
  severity: string;
  businessDays: number | null;
  businessHours: number | null;
  businessMinutes: number | null;
  escalateAfterMinutes: number;
}

/** A policy's step, category and severity as staff read them ("*": any; "_case": the whole case). */
const useWhat = () => {
  const translate = useTranslate();
  const labels = useTaskLabels();
  const any = translate('admin.sla.any');
  return {
    step: (p: SlaPolicy) => (p.step === '_case' ? translate('admin.sla.whole_case') : labels.step(p.caseType, p.step)),
    // a complaint's category, a KYC review's kind
    category: (p: SlaPolicy) =>
      p.category === '*'
        ? any
        : translate(`${p.caseType}.category.${p.category}`, {
            _: translate(`${p.caseType}.kind.${p.category}`, { _: humanize(p.category) }),
          }),
    severity: (p: SlaPolicy) => (p.severity === '*' ? any : translate(`${p.caseType}.severity.${p.severity}`, { _: humanize(p.severity) })),
  };
};

const EditButton = () => {
  const policy = useRecordContext<SlaPolicy>();
  const labels = useTaskLabels();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const what = useWhat();
  const [open, setOpen] = useState(false);
  if (!policy) return null;
  const save = async (values: Record<string, number | null>) => {
    try {
      await http(`/sla-policies/${encodeURIComponent(policy.id)}`, { method: 'PUT', body: JSON.stringify(values) });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
      throw error;
    }
    notify('admin.saved', { type: 'success' });
    await queryClient.invalidateQueries({ queryKey: ['sla-policies'] });
  };
  return (
    <>
      <Button label="ra.action.edit" onClick={() => setOpen(true)} data-testid="sla-edit">
        <EditIcon />
      </Button>
      <EditNumbers
        open={open}
        testId="sla-dialog"
        title={`${labels.caseType(policy.caseType)} · ${what.step(policy)} · ${what.category(policy)} · ${what.severity(policy)}`}
        onClose={() => setOpen(false)}
        onSave={save}
        fields={[
          { name: 'businessDays', label: 'resources.sla-policies.fields.businessDays', value: policy.businessDays, optional: true },
          { name: 'businessHours', label: 'resources.sla-policies.fields.businessHours', value: policy.businessHours, optional: true },
          // a PUT without it would clear it
          {
            name: 'businessMinutes',
            label: 'resources.sla-policies.fields.businessMinutes',
            value: policy.businessMinutes ?? null,
            optional: true,
          },
          { name: 'escalateAfterMinutes', label: 'resources.sla-policies.fields.escalateAfterMinutes', value: policy.escalateAfterMinutes },
        ]}
      />
    </>
  );
};

/** Each case type's SLA policies; an administrator changes a target (cases opened from then on use it). */
export const SlaPolicyList = () => {
  const labels = useTaskLabels();
  const what = useWhat();
  return (
    <List perPage={200} pagination={false} exporter={false} empty={false} sort={{ field: 'caseType', order: 'ASC' }}>
      <DataTable<SlaPolicy> bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="caseType" disableSort render={(p) => labels.caseType(p.caseType)} />
        <DataTable.Col source="step" disableSort render={(p) => what.step(p as SlaPolicy)} />
        <DataTable.Col source="category" disableSort render={(p) => what.category(p as SlaPolicy)} />
        <DataTable.Col source="severity" disableSort render={(p) => what.severity(p as SlaPolicy)} />
        <DataTable.Col source="businessDays" disableSort render={(p) => p.businessDays ?? '-'} />
        <DataTable.Col source="businessHours" disableSort render={(p) => p.businessHours ?? '-'} />
        <DataTable.Col source="businessMinutes" disableSort render={(p) => p.businessMinutes ?? '-'} />
        <DataTable.Col source="escalateAfterMinutes" disableSort />
        <DataTable.Col label="" disableSort>
          <EditButton />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
