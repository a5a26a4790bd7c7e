import TransactionIcon from '@mui/icons-material/ReceiptLong';
import { lazy } from 'react';

// Transactions of every client in the user's scope (GET /api/transactions): deposits, withdrawals, transfers and
// trades with their status, filtered by type, status, client and the days booked. A row opens its client's page.
export default {
  list: lazy(() => import('./TransactionList').then((m) => ({ default: m.TransactionList }))),
  icon: TransactionIcon,
};
