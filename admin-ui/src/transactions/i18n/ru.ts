import type { MessagesOf } from '../../i18n/types';
import type { transactionList as en, resource as enResource } from './en';

export const transactionList = {
  empty: 'У ваших клиентов пока нет операций.',
} satisfies MessagesOf<typeof en>;

export const resource = {
  name: 'Операция |||| Операции |||| Операций',
  fields: {
    bookedAt: 'Проведена',
    client: 'Клиент',
    clientId: 'Клиент',
    account: 'Счёт',
    type: 'Тип',
    amount: 'Сумма',
    method: 'Способ',
    status: 'Статус',
    from: 'Проведена с',
    to: 'Проведена по',
  },
} satisfies MessagesOf<typeof enResource>;
