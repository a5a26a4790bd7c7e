import type { MessagesOf } from '../../i18n/types';
import type { accountList as en, resource as enResource } from './en';

export const accountList = {
  empty: 'ลูกค้าของคุณยังไม่มีบัญชีซื้อขาย',
} satisfies MessagesOf<typeof en>;

export const resource = {
  name: 'บัญชีซื้อขาย |||| บัญชีซื้อขาย',
  fields: {
    login: 'ล็อกอิน',
    platform: 'แพลตฟอร์ม',
    client: 'ลูกค้า',
    clientId: 'ลูกค้า',
    currency: 'สกุลเงิน',
    leverage: 'เลเวอเรจ',
    balance: 'ยอดคงเหลือ',
    equity: 'มูลค่าสุทธิ',
    marginLevel: 'ระดับมาร์จิ้น',
    status: 'สถานะ',
    openedAt: 'วันที่เปิด',
  },
} satisfies MessagesOf<typeof enResource>;
