import type { MessagesOf } from '../../i18n/types';
import type { lead as en, resource as enResource } from './en';

// Russian plurals have three forms: one |||| few |||| many.
export const lead = {
  status: {
    new: 'Новый',
    contacted: 'Связались',
    qualified: 'Квалифицирован',
    converted: 'Стал клиентом',
    lost: 'Потерян',
    merged: 'Объединён',
  },
  temperature: {
    hot: 'Горячий',
    warm: 'Тёплый',
    cold: 'Холодный',
  },
  utm: {
    source: 'UTM source',
    medium: 'UTM medium',
    campaign: 'UTM campaign',
    term: 'UTM term',
    content: 'UTM content',
  },
  filter: {
    duplicate: 'Есть непроверенные дубликаты',
  },
  queue: {
    title: 'Проверка дубликатов',
  },
  empty: 'Лидов не найдено. Ищите по имени, e-mail или телефону или добавьте лид.',
  not_found: 'Такого лида нет, или он вам недоступен.',
  unassigned: 'Не назначен',
  you: 'Вы',
  became_client: 'Этот лид стал клиентом',
  merged_into: {
    lead: 'Объединён с лидом',
    client: 'Объединён с клиентом',
  },
  sections: {
    lead: 'Лид',
    attribution: 'Источник',
    duplicates: 'Возможные дубликаты',
  },
  duplicates: {
    none: 'Дубликатов не найдено.',
    open_count: '%{smart_count} возможный дубликат |||| %{smart_count} возможных дубликата |||| %{smart_count} возможных дубликатов',
    other: 'Другая запись',
    kind_column: 'Тип',
    reason: 'Почему',
    score: 'Оценка',
    status: 'Статус',
    kind: {
      lead: 'Лид',
      client: 'Клиент',
    },
    reasons: {
      email: 'Тот же e-mail',
      phone: 'Тот же телефон',
      name_dob: 'Похожее имя, та же дата рождения',
    },
    statuses: {
      open: 'На проверке',
      merged: 'Объединён',
      dismissed: 'Не дубликат',
    },
  },
  merge: {
    button: 'Объединить с',
    title: 'Объединить этот лид?',
    confirm_lead:
      'Объединить %{lead} с лидом %{other}? Пустые поля того лида заполнятся из этого, взаимодействия перейдут туда, а этот лид станет объединённым. Отменить это нельзя.',
    confirm_client:
      'Объединить %{lead} с клиентом %{other}? E-mail и телефон добавятся к контактам клиента, взаимодействия перейдут туда, а этот лид станет объединённым. Отменить это нельзя.',
    done: 'Объединено',
  },
  dismiss: {
    button: 'Не дубликат',
    done: 'Отмечено: не дубликат',
  },
  create: {
    title: 'Новый лид',
    done: 'Лид создан; дубликатов не найдено',
    created: 'Лид создан: %{name}',
    duplicates:
      'Возможно, он дублирует %{smart_count} уже известную запись: |||| Возможно, он дублирует %{smart_count} уже известные записи: |||| Возможно, он дублирует %{smart_count} уже известных записей:',
    review_hint: 'Откройте лид, чтобы объединить его или отметить находку как не дубликат.',
    open: 'Открыть лид',
    phone_hint: 'В любом формате; национальный номер читается по стране ниже',
    country_hint: 'Две буквы, например GB',
    country_invalid: 'Две буквы, например GB',
    language_hint: 'например en или zh-CN',
    language_invalid: 'Код языка, например en или zh-CN',
    manager_hint: 'Пусто: выбирают правила распределения',
    assign_to_me: 'Назначить на меня (иначе выбирают правила распределения)',
  },
} satisfies MessagesOf<typeof en>;

export const resource = {
  name: 'Лид |||| Лиды |||| Лидов',
  fields: {
    name: 'Имя',
    firstName: 'Имя',
    lastName: 'Фамилия',
    email: 'E-mail',
    phone: 'Телефон',
    country: 'Страна',
    language: 'Язык',
    dateOfBirth: 'Дата рождения',
    source: 'Источник',
    campaign: 'Кампания',
    ib: 'Представляющий брокер',
    status: 'Статус',
    temperature: 'Температура',
    accountManagerId: 'Менеджер',
    branchId: 'Филиал',
    createdAt: 'Создан',
    lostReason: 'Причина потери',
    q: 'Поиск',
  },
} satisfies MessagesOf<typeof enResource>;
