import AccountIcon from '@mui/icons-material/AccountBalanceWallet';
import { lazy } from 'react';

// Trading accounts of every client in the user's scope (GET /api/accounts), with balance, equity and margin level as
// the platform last reported them, filtered by platform, currency, login, status and client. A row opens its client.
export default {
  list: lazy(() => import('./AccountList').then((m) => ({ default: m.AccountList }))),
  icon: AccountIcon,
};
