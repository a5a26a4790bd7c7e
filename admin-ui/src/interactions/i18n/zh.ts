import type { MessagesOf } from '../../i18n/types';
import type { interactionList as en, resource as enResource } from './en';

export const interactionList = {
  empty: '您与客户之间还没有互动记录。',
} satisfies MessagesOf<typeof en>;

export const resource = {
  name: '互动 |||| 互动',
  fields: {
    occurredAt: '时间',
    client: '客户',
    clientId: '客户',
    kind: '类型',
    direction: '方向',
    channel: '渠道',
    subject: '主题',
    agent: '员工',
    agentId: '员工',
    mine: '仅我的',
    durationSeconds: '时长',
    outcome: '结果',
    from: '起始日',
    to: '截止日',
  },
} satisfies MessagesOf<typeof enResource>;
