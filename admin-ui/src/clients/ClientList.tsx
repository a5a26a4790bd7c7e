import { DataTable, ExportButton, List, SearchInput, SimpleList, TopToolbar, useTranslate } from 'react-admin';
import { useFormat } from '../i18n/format';
import { useSmallScreen } from '../layout/useSmallScreen';
import { EXPORT_MAX, useCsvExporter } from '../lists/csv';
import { ListEmpty } from '../lists/EmptyState';
import { CountryField, KycStatusField } from './fields';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

interface Client {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  country?: string | null;
  kycStatus?: string | null;
}

const useExporter = () => {
  const translate = useTranslate();
  const format = useFormat();
  return useCsvExporter<Client>('clients', [
    { header: 'resources.clients.fields.name', value: (c) => c.name },
    { header: 'resources.clients.fields.email', value: (c) => c.email },
    { header: 'resources.clients.fields.phone', value: (c) => c.phone },
    { header: 'resources.clients.fields.country', value: (c) => (c.country ? format.country(c.country) : '') },
    {
      header: 'resources.clients.fields.kycStatus',
      value: (c) => (c.kycStatus ? translate(`client.kyc_status.${c.kycStatus}`, { _: c.kycStatus }) : ''),
    },
  ]);
};

const Empty = () => <ListEmpty message="client.empty" />;

const ClientTable = () => (
  <DataTable rowClick="show" empty={<Empty />}>
    <DataTable.Col source="name" />
    <DataTable.Col source="email" />
    <DataTable.Col source="phone" disableSort />
    <DataTable.Col source="country" field={CountryField} />
    <DataTable.Col source="kycStatus" field={KycStatusField} />
  </DataTable>
);

// Phones: one entry per client (name; e-mail or phone; KYC status).
const ClientLines = () => (
  <SimpleList<Client>
    empty={<Empty />}
    rowClick="show"
    primaryText={(c) => c.name}
    secondaryText={(c) => c.email ?? c.phone ?? ''}
    tertiaryText={<KycStatusField />}
  />
);

export const ClientList = () => (
  <List
    exporter={useExporter()}
    actions={
      <TopToolbar>
        <ExportButton maxResults={EXPORT_MAX} data-testid="export" />
      </TopToolbar>
    }
    perPage={25}
    filters={filters}
    sort={{ field: 'name', order: 'ASC' }}
    empty={false}
  >
    {useSmallScreen() ? <ClientLines /> : <ClientTable />}
  </List>
);
