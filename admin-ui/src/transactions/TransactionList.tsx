import { DataTable, DateInput, List, SelectInput, SimpleList, TopToolbar, useTranslate } from 'react-admin';
import { useMoney } from '../clients/money';
import type { Transaction } from '../clients/types';
import { choices } from '../i18n/choices';
import { useFormat } from '../i18n/format';
import { humanize } from '../i18n/humanize';
import { useSmallScreen } from '../layout/useSmallScreen';
import { ClientLinkField, toClientPage } from '../lists/ClientLinkField';
import { ListEmpty } from '../lists/EmptyState';
import { ServerExportButton } from '../lists/ServerExportButton';
import { ClientFilter } from '../lists/filters';

/** A row of GET /api/transactions (api/clients/lists.ts): the transaction as on the client page, with its client and account. */
export interface TransactionRow extends Transaction {
  clientId: string;
  client: { id: string; name: string };
  account: { id: string; platform: string; login: string } | null;
}

const TYPES = ['deposit', 'withdrawal', 'transfer', 'trade'] as const;
const STATUSES = ['pending', 'completed', 'failed', 'cancelled', 'reversed'] as const;

const useFilters = () => {
  const translate = useTranslate();
  return [
    <SelectInput key="type" source="type" choices={choices('client.transactions.kind', TYPES)} alwaysOn data-testid="filter-type" />,
    <SelectInput
      key="status"
      source="status"
      choices={choices('client.transactions.state', STATUSES)}
      alwaysOn
      data-testid="filter-status"
    />,
    <ClientFilter key="clientId" source="clientId" label={translate('resources.transactions.fields.client')} alwaysOn />,
    <DateInput key="from" source="from" alwaysOn data-testid="filter-from" />,
    <DateInput key="to" source="to" alwaysOn data-testid="filter-to" />,
  ];
};

const Empty = () => <ListEmpty message="transactionList.empty" />;

const TransactionTable = () => {
  const translate = useTranslate();
  const format = useFormat();
  const money = useMoney();
  return (
    <DataTable rowClick={toClientPage} empty={<Empty />} bulkActionButtons={false}>
      <DataTable.Col source="bookedAt" render={(t: TransactionRow) => format.dateTime(t.bookedAt)} />
      <DataTable.Col source="client" disableSort field={ClientLinkField} />
      <DataTable.Col
        source="account"
        disableSort
        render={(t: TransactionRow) => (t.account ? `${t.account.platform.toUpperCase()} ${t.account.login}` : '-')}
      />
      <DataTable.Col
        source="type"
        disableSort
        render={(t: TransactionRow) => translate(`client.transactions.kind.${t.type}`, { _: humanize(t.type) })}
      />
      <DataTable.Col
        source="amount"
        disableSort
        align="right"
        render={(t: TransactionRow) => <span data-testid="transaction-amount">{money(t.amount, t.currency)}</span>}
      />
      <DataTable.Col
        source="method"
        disableSort
        render={(t: TransactionRow) => (t.method ? translate(`client.transactions.methods.${t.method}`, { _: humanize(t.method) }) : '-')}
      />
      <DataTable.Col
        source="status"
        disableSort
        render={(t: TransactionRow) => translate(`client.transactions.state.${t.status}`, { _: humanize(t.status) })}
      />
    </DataTable>
  );
};

// Phones: one entry per transaction (client; amount and type; when).
const TransactionLines = () => {
  const translate = useTranslate();
  const format = useFormat();
  const money = useMoney();
  return (
    <SimpleList<TransactionRow>
      empty={<Empty />}
      rowClick={toClientPage}
      primaryText={(t) => t.client.name}
      secondaryText={(t) => `${translate(`client.transactions.kind.${t.type}`, { _: humanize(t.type) })} ${money(t.amount, t.currency)}`}
      tertiaryText={(t) => format.dateTime(t.bookedAt)}
    />
  );
};

/** The server's CSV of everything the list selects (GET /api/transactions/export.csv), audited there. */
const Actions = () => (
  <TopToolbar>
    <ServerExportButton path="/api/transactions/export.csv" testId="transactions-export" />
  </TopToolbar>
);

export const TransactionList = () => (
  <List
    exporter={false}
    actions={<Actions />}
    perPage={25}
    filters={useFilters()}
    sort={{ field: 'bookedAt', order: 'DESC' }}
    empty={false}
  >
    {useSmallScreen() ? <TransactionLines /> : <TransactionTable />}
  </List>
);
