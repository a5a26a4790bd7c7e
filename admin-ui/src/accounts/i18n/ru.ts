import type { MessagesOf } from '../../i18n/types';
import type { accountList as en, resource as enResource } from './en';

export const accountList = {
  empty: 'У ваших клиентов пока нет торговых счетов.',
} satisfies MessagesOf<typeof en>;

export const resource = {
  name: 'Торговый счёт |||| Торговых счёта |||| Торговых счетов',
  fields: {
    login: 'Логин',
    platform: 'Платформа',
    client: 'Клиент',
    clientId: 'Клиент',
    currency: 'Валюта',
    leverage: 'Плечо',
    balance: 'Баланс',
    equity: 'Средства',
    marginLevel: 'Уровень маржи',
    status: 'Статус',
    openedAt: 'Открыт',
  },
} satisfies MessagesOf<typeof enResource>;
