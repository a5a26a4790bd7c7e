import { Box, Typography } from '@mui/material';
import { DataTable, ReferenceManyField, SelectField, useTranslate } from 'react-admin';
import { LocalDateField } from '../i18n/LocalDateField';
import { useMonitoringLabels } from '../monitoring/labels';
import { takesPart, usePerms } from '../providers/permissions';
import { amlStates, choices, closures } from './enums';
import type { AmlCase } from './types';

/** The client page's section: the client's AML cases, for the people who take part in them. */
export const ClientAmlCases = () => {
  const translate = useTranslate();
  const l = useMonitoringLabels();
  const { permissions } = usePerms();
  if (!takesPart(permissions, 'aml_case')) return null;
  return (
    <Box sx={{ px: 2, pb: 2 }} data-testid="client-aml-cases">
      <Typography variant="h6">{translate('aml_case.client_section')}</Typography>
      <ReferenceManyField reference="aml-cases" target="clientId" sort={{ field: 'openedAt', order: 'DESC' }}>
        <DataTable<AmlCase> rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="reference" />
          <DataTable.Col source="scenarios" render={(r: AmlCase) => r.scenarios.map((s) => l.scenario(s)).join(', ')} />
          <DataTable.Col source="state">
            <SelectField source="state" choices={choices('aml_case.state', amlStates)} />
          </DataTable.Col>
          <DataTable.Col source="closure">
            <SelectField source="closure" choices={choices('aml_case.closure', closures)} emptyText="-" />
          </DataTable.Col>
          <DataTable.Col source="openedAt">
            <LocalDateField source="openedAt" />
          </DataTable.Col>
        </DataTable>
      </ReferenceManyField>
    </Box>
  );
};
