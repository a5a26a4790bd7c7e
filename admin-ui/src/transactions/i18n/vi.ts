import type { MessagesOf } from '../../i18n/types';
import type { transactionList as en, resource as enResource } from './en';

export const transactionList = {
  empty: 'Khách hàng của bạn chưa có giao dịch nào.',
} satisfies MessagesOf<typeof en>;

export const resource = {
  name: 'Giao dịch |||| Giao dịch',
  fields: {
    bookedAt: 'Thời điểm ghi sổ',
    client: 'Khách hàng',
    clientId: 'Khách hàng',
    account: 'Tài khoản',
    type: 'Loại',
    amount: 'Số tiền',
    method: 'Phương thức',
    status: 'Trạng thái',
    from: 'Ghi sổ từ ngày',
    to: 'Ghi sổ đến ngày',
  },
} satisfies MessagesOf<typeof enResource>;
