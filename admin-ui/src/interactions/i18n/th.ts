import type { MessagesOf } from '../../i18n/types';
import type { interactionList as en, resource as enResource } from './en';

export const interactionList = {
  empty: 'ยังไม่มีการติดต่อกับลูกค้าของคุณ',
} satisfies MessagesOf<typeof en>;

export const resource = {
  name: 'การติดต่อ |||| การติดต่อ',
  fields: {
    occurredAt: 'เมื่อ',
    client: 'ลูกค้า',
    clientId: 'ลูกค้า',
    kind: 'ประเภท',
    direction: 'ทิศทาง',
    channel: 'ช่องทาง',
    subject: 'หัวข้อ',
    agent: 'พนักงาน',
    agentId: 'พนักงาน',
    mine: 'เฉพาะของฉัน',
    durationSeconds: 'ระยะเวลา',
    outcome: 'ผลลัพธ์',
    from: 'ตั้งแต่',
    to: 'ถึง',
  },
} satisfies MessagesOf<typeof enResource>;
