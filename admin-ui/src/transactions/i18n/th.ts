import type { MessagesOf } from '../../i18n/types';
import type { transactionList as en, resource as enResource } from './en';

export const transactionList = {
  empty: 'ลูกค้าของคุณยังไม่มีธุรกรรม',
} satisfies MessagesOf<typeof en>;

export const resource = {
  name: 'ธุรกรรม |||| ธุรกรรม',
  fields: {
    bookedAt: 'วันที่บันทึก',
    client: 'ลูกค้า',
    clientId: 'ลูกค้า',
    account: 'บัญชี',
    type: 'ประเภท',
    amount: 'จำนวนเงิน',
    method: 'วิธีการ',
    status: 'สถานะ',
    from: 'บันทึกตั้งแต่',
    to: 'บันทึกถึง',
  },
} satisfies MessagesOf<typeof enResource>;
