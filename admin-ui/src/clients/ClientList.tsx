import { DataTable, List, SearchInput } from 'react-admin';
import { CountryField, KycStatusField } from './fields';

const filters = [<SearchInput key="q" source="q" alwaysOn />];

export const ClientList = () => (
  <List exporter={false} perPage={25} filters={filters} sort={{ field: 'name', order: 'ASC' }}>
    <DataTable rowClick="show">
      <DataTable.Col source="name" />
      <DataTable.Col source="email" />
      <DataTable.Col source="phone" disableSort />
      <DataTable.Col source="country" field={CountryField} />
      <DataTable.Col source="kycStatus" field={KycStatusField} />
    </DataTable>
  </List>
);
