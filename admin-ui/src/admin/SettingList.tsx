import EditIcon from '@mui/icons-material/Edit';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, DataTable, List, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { humanize } from '../i18n/humanize';
import { http } from '../providers/dataProvider';
import { useTaskLabels } from '../tasks/labels';
import { EditNumbers } from './EditNumbers';

interface Setting {
  id: string;
  key: string;
  caseType: string;
  value: number;
  default: number;
}

/** A setting's label, from its case type's messages: `<caseType>.setting.<key with _ for .>`. */
const useSettingLabel = () => {
  const translate = useTranslate();
  return (s: Setting) => translate(`${s.caseType}.setting.${s.key.replace(/\./g, '_')}`, { _: humanize(s.key.split('.').pop() ?? s.key) });
};

const EditButton = () => {
  const setting = useRecordContext<Setting>();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const label = useSettingLabel();
  const [open, setOpen] = useState(false);
  if (!setting) return null;
  const save = async ({ value }: Record<string, number | null>) => {
    try {
      await http(`/settings/${encodeURIComponent(setting.key)}`, { method: 'PUT', body: JSON.stringify({ value }) });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
      throw error;
    }
    notify('admin.saved', { type: 'success' });
    await queryClient.invalidateQueries({ queryKey: ['settings'] });
  };
  return (
    <>
      <Button label="ra.action.edit" onClick={() => setOpen(true)} data-testid={`setting-edit-${setting.key}`}>
        <EditIcon />
      </Button>
      <EditNumbers
        open={open}
        testId="setting-dialog"
        title={label(setting)}
        onClose={() => setOpen(false)}
        onSave={save}
        fields={[{ name: 'value', label: 'resources.settings.fields.value', value: setting.value }]}
      />
    </>
  );
};

/** The settings case types read (reopen window, reminders, review intervals...), with their defaults. */
export const SettingList = () => {
  const labels = useTaskLabels();
  const label = useSettingLabel();
  const translate = useTranslate();
  return (
    <List perPage={200} pagination={false} exporter={false} empty={false} sort={{ field: 'key', order: 'ASC' }}>
      <DataTable<Setting> bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="caseType" disableSort render={(s) => labels.caseType(s.caseType)} />
        <DataTable.Col source="key" disableSort render={(s) => label(s as Setting)} />
        <DataTable.Col
          source="value"
          disableSort
          render={(s) =>
            s.value === s.default ? String(s.value) : `${s.value} (${translate('admin.setting.default', { value: s.default })})`
          }
        />
        <DataTable.Col label="" disableSort>
          <EditButton />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};
