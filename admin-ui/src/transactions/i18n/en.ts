// The transactions list's strings (admin-ui/src/transactions): part of the shell's catalog (admin-ui/src/i18n/<locale>.ts
// takes `transactionList` and the `resources.transactions` entry from here); types, statuses and methods are the client page's.
export const transactionList = {
  empty: 'No transactions of your clients yet.',
};

export const resource = {
  name: 'Transaction |||| Transactions',
  fields: {
    bookedAt: 'Booked at',
    client: 'Client',
    clientId: 'Client',
    account: 'Account',
    type: 'Type',
    amount: 'Amount',
    method: 'Method',
    status: 'Status',
    from: 'Booked from',
    to: 'Booked to',
  },
};
