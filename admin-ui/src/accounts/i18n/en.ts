// The trading accounts list's strings (admin-ui/src/accounts): part of the shell's catalog (admin-ui/src/i18n/<locale>.ts
// takes `accountList` and the `resources.accounts` entry from here); account states are the client page's.
export const accountList = {
  empty: 'No trading accounts of your clients yet.',
};

export const resource = {
  name: 'Trading account |||| Trading accounts',
  fields: {
    login: 'Login',
    platform: 'Platform',
    client: 'Client',
    clientId: 'Client',
    currency: 'Currency',
    leverage: 'Leverage',
    balance: 'Balance',
    equity: 'Equity',
    marginLevel: 'Margin level',
    status: 'Status',
    openedAt: 'Opened',
  },
};
