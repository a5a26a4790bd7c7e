import type { MessagesOf } from '../../i18n/types';
import type { accountList as en, resource as enResource } from './en';

export const accountList = {
  empty: '您的客户还没有交易账户。',
} satisfies MessagesOf<typeof en>;

export const resource = {
  name: '交易账户 |||| 交易账户',
  fields: {
    login: '登录号',
    platform: '平台',
    client: '客户',
    clientId: '客户',
    currency: '币种',
    leverage: '杠杆',
    balance: '余额',
    equity: '净值',
    marginLevel: '保证金水平',
    status: '状态',
    openedAt: '开户日期',
  },
} satisfies MessagesOf<typeof enResource>;
