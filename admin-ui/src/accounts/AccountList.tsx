import { DataTable, FilterButton, List, SelectInput, SimpleList, TextInput, TopToolbar, useTranslate } from 'react-admin';
import { useMoney } from '../clients/money';
import type { TradingAccount } from '../clients/types';
import { choices } from '../i18n/choices';
import { useFormat } from '../i18n/format';
import { humanize } from '../i18n/humanize';
import { useSmallScreen } from '../layout/useSmallScreen';
import { ClientLinkField, toClientPage } from '../lists/ClientLinkField';
import { ListEmpty } from '../lists/EmptyState';
import { ServerExportButton } from '../lists/ServerExportButton';
import { ClientFilter } from '../lists/filters';

/** A row of GET /api/accounts (api/clients/lists.ts): the account as on the client page, with its client. */
export interface AccountRow extends TradingAccount {
  clientId: string;
  client: { id: string; name: string };
  openedAt: string;
}

const STATUSES = ['active', 'disabled', 'closed'] as const;

const useFilters = () => {
  const translate = useTranslate();
  return [
    <TextInput key="login" source="login" alwaysOn slotProps={{ htmlInput: { 'data-testid': 'filter-login' } }} />,
    <TextInput key="platform" source="platform" alwaysOn parse={(v: string) => v.trim().toLowerCase() || undefined} />,
    <TextInput key="currency" source="currency" parse={(v: string) => v.trim().toUpperCase() || undefined} />,
    <SelectInput key="status" source="status" choices={choices('client.accounts.state', STATUSES)} />,
    <ClientFilter key="clientId" source="clientId" label={translate('resources.accounts.fields.client')} alwaysOn />,
  ];
};

const Empty = () => <ListEmpty message="accountList.empty" />;

const AccountTable = () => {
  const translate = useTranslate();
  const format = useFormat();
  const money = useMoney();
  return (
    <DataTable rowClick={toClientPage} empty={<Empty />} bulkActionButtons={false}>
      <DataTable.Col source="login" />
      <DataTable.Col source="platform" render={(a: AccountRow) => a.platform.toUpperCase()} />
      <DataTable.Col source="client" disableSort field={ClientLinkField} />
      <DataTable.Col source="currency" disableSort />
      <DataTable.Col source="leverage" disableSort align="right" render={(a: AccountRow) => (a.leverage ? `1:${a.leverage}` : '-')} />
      <DataTable.Col source="balance" disableSort align="right" render={(a: AccountRow) => money(a.balance, a.currency)} />
      <DataTable.Col source="equity" disableSort align="right" render={(a: AccountRow) => money(a.equity, a.currency)} />
      <DataTable.Col
        source="marginLevel"
        disableSort
        align="right"
        render={(a: AccountRow) =>
          a.marginLevel === null ? '-' : format.number(Number(a.marginLevel) / 100, { style: 'percent', maximumFractionDigits: 1 })
        }
      />
      <DataTable.Col
        source="status"
        disableSort
        render={(a: AccountRow) => translate(`client.accounts.state.${a.status}`, { _: humanize(a.status) })}
      />
      <DataTable.Col source="openedAt" render={(a: AccountRow) => format.date(a.openedAt)} />
    </DataTable>
  );
};

// Phones: one entry per account (platform and login; client; balance).
const AccountLines = () => {
  const money = useMoney();
  return (
    <SimpleList<AccountRow>
      empty={<Empty />}
      rowClick={toClientPage}
      primaryText={(a) => `${a.platform.toUpperCase()} ${a.login}`}
      secondaryText={(a) => a.client.name}
      tertiaryText={(a) => money(a.balance, a.currency)}
    />
  );
};

/** The server's CSV of everything the list selects (GET /api/accounts/export.csv), audited there. */
const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <ServerExportButton path="/api/accounts/export.csv" testId="accounts-export" />
  </TopToolbar>
);

export const AccountList = () => (
  <List
    exporter={false}
    actions={<Actions />}
    perPage={25}
    filters={useFilters()}
    sort={{ field: 'openedAt', order: 'DESC' }}
    empty={false}
  >
    {useSmallScreen() ? <AccountLines /> : <AccountTable />}
  </List>
);
