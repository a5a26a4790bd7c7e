import { DataTable, List, SearchInput, SimpleList } from 'react-admin';
import { useSmallScreen } from '../layout/useSmallScreen';
import { CountryField, KycStatusField } from './fields';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

interface Client {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
}

const ClientTable = () => (
  <DataTable rowClick="show">
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
    rowClick="show"
    primaryText={(c) => c.name}
    secondaryText={(c) => c.email ?? c.phone ?? ''}
    tertiaryText={<KycStatusField />}
  />
);

export const ClientList = () => (
  <List exporter={false} perPage={25} filters={filters} sort={{ field: 'name', order: 'ASC' }}>
    {useSmallScreen() ? <ClientLines /> : <ClientTable />}
  </List>
);
