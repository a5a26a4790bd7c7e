import { Box, Typography } from '@mui/material';
import { DataTable, ReferenceManyField, SelectField, useTranslate } from 'react-admin';
import { LocalDateField } from '../i18n/LocalDateField';
import { SlaChip } from '../sla/SlaChip';
import type { Complaint } from '../types';
import { categories, choices, complaintStatuses } from './enums';

/** The client page's section: the client's complaints. */
export const ClientComplaints = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ px: 2, pb: 2 }}>
      <Typography variant="h6">{translate('complaint.client_section')}</Typography>
      <ReferenceManyField reference="complaints" target="clientId" sort={{ field: 'openedAt', order: 'DESC' }}>
        <DataTable<Complaint> rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="reference" />
          <DataTable.Col source="category">
            <SelectField source="category" choices={choices('complaint.category', categories)} />
          </DataTable.Col>
          <DataTable.Col source="status">
            <SelectField source="status" choices={choices('complaint.status', complaintStatuses)} />
          </DataTable.Col>
          <DataTable.Col source="slaState" render={(c) => <SlaChip state={c.slaState} closed={c.status === 'closed'} />} />
          <DataTable.Col source="openedAt">
            <LocalDateField source="openedAt" />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </Box>
  );
};
