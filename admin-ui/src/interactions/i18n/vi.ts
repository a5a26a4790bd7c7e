import type { MessagesOf } from '../../i18n/types';
import type { interactionList as en, resource as enResource } from './en';

export const interactionList = {
  empty: 'Chưa có tương tác nào với khách hàng của bạn.',
} satisfies MessagesOf<typeof en>;

export const resource = {
  name: 'Tương tác |||| Tương tác',
  fields: {
    occurredAt: 'Thời điểm',
    client: 'Khách hàng',
    clientId: 'Khách hàng',
    kind: 'Loại',
    direction: 'Chiều',
    channel: 'Kênh',
    subject: 'Chủ đề',
    agent: 'Nhân viên',
    agentId: 'Nhân viên',
    mine: 'Chỉ của tôi',
    durationSeconds: 'Thời lượng',
    outcome: 'Kết quả',
    from: 'Từ ngày',
    to: 'Đến ngày',
  },
} satisfies MessagesOf<typeof enResource>;
