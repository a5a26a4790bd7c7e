import type { MessagesOf } from '../../i18n/types';
import type { imports as en, resource as enResource } from './en';

// Russian plurals have three forms: one |||| few |||| many.
export const imports = {
  kind: {
    leads: 'Лиды',
    clients: 'Клиенты',
    accounts: 'Торговые счета',
    transactions: 'Транзакции',
  },
  status: {
    queued: 'В очереди',
    running: 'Выполняется',
    done: 'Завершён',
    failed: 'Ошибка',
    dry_run: 'Проверен (ничего не сохранено)',
  },
  empty: 'Импортов пока нет. Импортируйте лиды, клиентов, торговые счета или транзакции из файла CSV или XLSX.',
  new: {
    title: 'Новый импорт',
    kind: 'Что в файле',
    choose: 'Выберите файл CSV или XLSX',
    not_supported: 'Выберите файл CSV или XLSX',
    read_failed: 'Не удалось прочитать файл',
    rows: '%{smart_count} столбец в заголовке |||| %{smart_count} столбца в заголовке |||| %{smart_count} столбцов в заголовке',
    mapping: 'Столбцы',
    required: 'Обязательные столбцы файла: %{fields}',
    mapping_hint: 'Каждый столбец файла попадает в поле с тем же именем, если здесь не выбрано другое.',
    column: 'Столбец в файле',
    field: 'Поле',
    by_name: 'По имени',
    by_name_field: 'По имени (%{field})',
    leave_out: 'Не импортировать',
    unknown: 'Нет поля с таким именем: выберите поле или не импортируйте столбец',
    check: 'Проверить файл',
    start: 'Импортировать',
    checked: 'Проверено: строк %{total}, верных %{valid}, с ошибками %{invalid}. Ничего не сохранено.',
    all_valid: 'Все строки верны.',
    invalid_title: 'Строки с ошибками',
    more: 'и ещё %{smart_count} строка |||| и ещё %{smart_count} строки |||| и ещё %{smart_count} строк',
  },
  show: {
    progress: '%{processed} из %{total} строк',
    applied: 'Применено',
    rejected: 'Отклонено',
    total: 'Строк',
    download: 'Скачать отклонённые',
    rejects_title: 'Отклонённые строки',
    no_rejects: 'Ни одна строка не отклонена.',
    cases: 'Дела развития клиента для новых лидов: запущено %{processed} из %{total}',
  },
  column: {
    line: 'Строка',
    field: 'Поле',
    reason: 'Причина',
    values: 'Значения',
  },
} satisfies MessagesOf<typeof en>;

export const resource = {
  name: 'Импорт |||| Импорта |||| Импорты',
  fields: {
    createdAt: 'Загружен',
    kind: 'Тип',
    fileName: 'Файл',
    status: 'Статус',
    progress: 'Ход',
    total: 'Строк',
    applied: 'Применено',
    rejected: 'Отклонено',
    createdBy: 'Кто',
    startedAt: 'Начат',
    finishedAt: 'Завершён',
  },
} satisfies MessagesOf<typeof enResource>;
