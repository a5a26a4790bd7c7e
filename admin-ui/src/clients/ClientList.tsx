import DownloadIcon from '@mui/icons-material/GetApp';
import { Button } from '@mui/material';
import { DataTable, List, SearchInput, SimpleList, TopToolbar, useListContext, useTranslate } from 'react-admin';
import { useSmallScreen } from '../layout/useSmallScreen';
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

/** The server's export of what the list selects (its filters, or its search, and its sort) within the user's scope and
 * masking, as CSV: all of it, not one page, audited by the API. A link, so the browser downloads it with the session's cookie. */
const ExportClientsButton = () => {
  const { filterValues, sort, total } = useListContext();
  const translate = useTranslate();
  const query = new URLSearchParams({ filter: JSON.stringify(filterValues ?? {}) });
  if (sort?.field) query.set('sort', JSON.stringify([sort.field, sort.order]));
  return (
    <Button
      component="a"
      href={`/api/clients/export.csv?${query}`}
      download
      size="small"
      startIcon={<DownloadIcon />}
      disabled={total === 0}
      data-testid="export"
    >
      {translate('ra.action.export')}
    </Button>
  );
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
    exporter={false}
    actions={
      <TopToolbar>
        <ExportClientsButton />
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
