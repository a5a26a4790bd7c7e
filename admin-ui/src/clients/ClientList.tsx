import { DataTable, List, SearchInput, SimpleList, TopToolbar } from 'react-admin';
import { useSmallScreen } from '../layout/useSmallScreen';
import { ListEmpty } from '../lists/EmptyState';
import { ServerExportButton } from '../lists/ServerExportButton';
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
    exporter={false}
    actions={
      <TopToolbar>
        <ServerExportButton path="/api/clients/export.csv" testId="export" />
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
