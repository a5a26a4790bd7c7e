import type { MessagesOf } from '../../i18n/types';
import type { transactionList as en, resource as enResource } from './en';

export const transactionList = {
  empty: '您的客户还没有交易记录。',
} satisfies MessagesOf<typeof en>;

export const resource = {
  name: '交易 |||| 交易',
  fields: {
    bookedAt: '入账时间',
    client: '客户',
    clientId: '客户',
    account: '账户',
    type: '类型',
    amount: '金额',
    method: '方式',
    status: '状态',
    from: '入账起始日',
    to: '入账截止日',
  },
} satisfies MessagesOf<typeof enResource>;
