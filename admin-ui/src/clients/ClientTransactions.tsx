import { Datagrid, FunctionField, ListBase, Pagination, useRecordContext, useTranslate } from 'react-admin';
import { useFormat } from '../i18n/format';
import { humanize } from '../i18n/humanize';
import { useMoney } from './money';
import type { Client360, Transaction } from './types';

const PER_PAGE = 10;

/** The client's deposits, withdrawals, transfers and trades with their status, newest first, a page at a time
 * (GET /api/clients/:id/transactions). */
export const ClientTransactions = () => {
  const client = useRecordContext<Client360>();
  const translate = useTranslate();
  const format = useFormat();
  const money = useMoney();
  if (!client) return null;
  const label = (key: string) => translate(`client.transactions.${key}`);
  return (
    <div data-testid="client-transactions">
      <ListBase
        resource={`clients/${encodeURIComponent(String(client.id))}/transactions`}
        disableSyncWithLocation
        storeKey={false}
        perPage={PER_PAGE}
        sort={{ field: 'bookedAt', order: 'DESC' }}
      >
        <Datagrid bulkActionButtons={false} rowClick={false} empty={<span data-testid="client-transactions-none">{label('none')}</span>}>
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
