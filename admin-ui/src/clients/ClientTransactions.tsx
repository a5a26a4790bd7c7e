import {
  Datagrid,
  DateInput,
  FilterForm,
  FunctionField,
  ListBase,
  Pagination,
  SelectInput,
  useListContext,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { choices } from '../i18n/choices';
import { useFormat } from '../i18n/format';
import { humanize } from '../i18n/humanize';
import { useMoney } from './money';
import type { Client360, Transaction } from './types';

const PER_PAGE = 10;
const TYPES = ['deposit', 'withdrawal', 'transfer', 'trade'] as const;
const STATUSES = ['pending', 'completed', 'failed', 'cancelled', 'reversed'] as const;

/** No rows: none at all, or none the filters let through. */
const Empty = ({ none, filtered }: { none: string; filtered: string }) => {
  const { filterValues } = useListContext();
  return <span data-testid="client-transactions-none">{Object.keys(filterValues ?? {}).length ? filtered : none}</span>;
};

/** The client's deposits, withdrawals, transfers and trades with their status, newest first, a page at a time
 * (GET /api/clients/:id/transactions), filtered by type, status and the days they were booked from and to (both
 * included; the API reads the days in UTC). */
export const ClientTransactions = () => {
  const client = useRecordContext<Client360>();
  const translate = useTranslate();
  const format = useFormat();
  const money = useMoney();
  if (!client) return null;
  const label = (key: string) => translate(`client.transactions.${key}`);
  const filters = [
    <SelectInput
      key="type"
      source="type"
      label={label('type')}
      choices={choices('client.transactions.kind', TYPES)}
      alwaysOn
      data-testid="transactions-filter-type"
    />,
    <SelectInput
      key="status"
      source="status"
      label={label('status')}
      choices={choices('client.transactions.state', STATUSES)}
      alwaysOn
      data-testid="transactions-filter-status"
    />,
    <DateInput key="from" source="from" label={label('from')} alwaysOn data-testid="transactions-filter-from" />,
    <DateInput key="to" source="to" label={label('to')} alwaysOn data-testid="transactions-filter-to" />,
  ];
  return (
    <div data-testid="client-transactions">
      <ListBase
        resource={`clients/${encodeURIComponent(String(client.id))}/transactions`}
        disableSyncWithLocation
        storeKey={false}
        perPage={PER_PAGE}
        sort={{ field: 'bookedAt', order: 'DESC' }}
      >
        <FilterForm filters={filters} />
        <Datagrid bulkActionButtons={false} rowClick={false} empty={<Empty none={label('none')} filtered={label('none_filtered')} />}>
          <FunctionField<Transaction> label={label('booked_at')} source="bookedAt" render={(t) => format.dateTime(t.bookedAt)} />
          <FunctionField<Transaction>
            label={label('type')}
            sortable={false}
            render={(t) => translate(`client.transactions.kind.${t.type}`, { _: humanize(t.type) })}
          />
          <FunctionField<Transaction>
            label={label('amount')}
            sortable={false}
            textAlign="right"
            render={(t) => <span data-testid="transaction-amount">{money(t.amount, t.currency)}</span>}
          />
          <FunctionField<Transaction> label={label('currency')} sortable={false} render={(t) => t.currency} />
          <FunctionField<Transaction>
            label={label('method')}
            sortable={false}
            render={(t) => (t.method ? translate(`client.transactions.methods.${t.method}`, { _: humanize(t.method) }) : '-')}
          />
          <FunctionField<Transaction>
            label={label('status')}
            sortable={false}
            render={(t) => translate(`client.transactions.state.${t.status}`, { _: humanize(t.status) })}
          />
        </Datagrid>
        <Pagination rowsPerPageOptions={[10, 25, 50]} />
      </ListBase>
    </div>
  );
};
