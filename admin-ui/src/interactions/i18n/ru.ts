import type { MessagesOf } from '../../i18n/types';
import type { interactionList as en, resource as enResource } from './en';

export const interactionList = {
  empty: 'С вашими клиентами пока не было взаимодействий.',
} satisfies MessagesOf<typeof en>;

export const resource = {
  name: 'Взаимодействие |||| Взаимодействия |||| Взаимодействий',
  fields: {
    occurredAt: 'Когда',
    client: 'Клиент',
    clientId: 'Клиент',
    kind: 'Вид',
    direction: 'Направление',
    channel: 'Канал',
    subject: 'Тема',
    agent: 'Сотрудник',
    agentId: 'Сотрудник',
    mine: 'Только мои',
    durationSeconds: 'Длительность',
    outcome: 'Итог',
    from: 'С',
    to: 'По',
  },
} satisfies MessagesOf<typeof enResource>;
