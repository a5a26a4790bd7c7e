import type { MessagesOf } from '../../i18n/types';
import type { accountList as en, resource as enResource } from './en';

export const accountList = {
  empty: 'Khách hàng của bạn chưa có tài khoản giao dịch nào.',
} satisfies MessagesOf<typeof en>;

export const resource = {
  name: 'Tài khoản giao dịch |||| Tài khoản giao dịch',
  fields: {
    login: 'Số tài khoản',
    platform: 'Nền tảng',
    client: 'Khách hàng',
    clientId: 'Khách hàng',
    currency: 'Tiền tệ',
    leverage: 'Đòn bẩy',
    balance: 'Số dư',
    equity: 'Vốn chủ sở hữu',
    marginLevel: 'Mức ký quỹ',
    status: 'Trạng thái',
    openedAt: 'Ngày mở',
  },
} satisfies MessagesOf<typeof enResource>;
