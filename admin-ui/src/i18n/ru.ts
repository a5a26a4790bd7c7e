import type { MessagesOf } from './types';
import type { en } from './en';
import { alerts as monitoringAlerts, monitoring } from '../monitoring/i18n/ru';
import { imports, resource as importsResource } from '../imports/i18n/ru';

// Russian plurals have three forms: one |||| few |||| many.
export const ru = {
  app: {
    timeline_empty: 'Пока ничего не произошло',
    unassigned: 'Не назначено',
    system: 'Система',
    timeline: {
      outcome: 'Результат: %{outcome}',
      released_from: 'Снята с исполнителя: %{name}',
      level: 'Уровень эскалации %{level}',
    },
    empty_filtered: 'По этим фильтрам ничего не найдено.',
  },
  login: {
    title: 'Вход в Broker CRM',
    email: 'Эл. почта',
    password: 'Пароль',
    submit: 'Войти',
    code: 'Код',
    code_hint: 'Введите 6-значный код из приложения-аутентификатора или код восстановления.',
    verify: 'Подтвердить',
    enrol_title: 'Настройка двухфакторной аутентификации',
    enrol_hint:
      'Для вашей роли требуется двухфакторная аутентификация. Добавьте этот ключ в приложение-аутентификатор (или откройте ссылку на телефоне) и введите код, который оно покажет.',
    secret: 'Ключ',
    recovery_title: 'Коды восстановления',
    recovery_hint:
      'Сохраните эти коды в надёжном месте. Каждый из них один раз позволяет войти, если вы потеряете телефон. Они показываются только сейчас.',
    continue: 'Продолжить',
  },
  errors: {
    code: {
      VALIDATION_FAILED: 'Некоторые поля заполнены неверно',
      INVALID_CREDENTIALS: 'Неверная эл. почта или пароль',
      INVALID_CODE: 'Код неверен или устарел',
      UNAUTHENTICATED: 'Сеанс завершён, войдите снова',
      FORBIDDEN: 'У вас нет прав на это действие',
      NOT_FOUND: 'Не найдено или вне вашей зоны доступа',
      CONFLICT: 'Данные успели измениться; страница обновлена',
      RATE_LIMITED: 'Слишком много попыток; подождите несколько минут',
      INTERNAL: 'Ошибка на сервере; попробуйте ещё раз',
      CASE_STUCK: 'Дело ещё не сохранило это изменение; проверьте чуть позже (не отправляйте повторно)',
      IDEMPOTENCY_KEY_REUSED: 'Этот запрос уже был отправлен с другими данными',
      UNSUPPORTED_MEDIA_TYPE: 'Такой файл или запрос не принимается',
    },
    reason: {
      TWO_FACTOR_ENROLMENT_REQUIRED: 'Сначала настройте двухфакторную аутентификацию',
      TASK_ALREADY_CLAIMED: 'Эту задачу только что взял кто-то другой',
      FOUR_EYES: 'Утвердить должен другой сотрудник: вы работали над предыдущим шагом этого дела',
      STEP_NOT_OPEN: 'Этот шаг уже закрыт',
      ROLE_NOT_ALLOWED: 'Ваша роль не позволяет этого для такого вида работы',
      TASK_NOT_CLAIMED: 'Эту задачу никто не взял',
      NOT_ASSIGNEE: 'Это может сделать только исполнитель задачи (или руководитель)',
      ALREADY_ASSIGNED: 'Задача уже назначена этому сотруднику',
      OUTCOME_NOT_ALLOWED: 'Этот результат сейчас недоступен (например, одобрение при непройденной блокирующей проверке)',
      NOT_AWAITING_CLIENT: 'Дело не ожидает ответа клиента',
      NOT_CLOSED: 'Повторно открыть можно только закрытое дело',
      REOPEN_WINDOW_PASSED: 'Срок повторного открытия этого дела истёк',
      NOT_AWAITING_REQUESTER: 'Ответа никто не ждёт',
      NOT_REQUESTER: 'Ответить может только автор запроса',
      NOT_OVERRIDABLE: 'На этом этапе уровень риска изменить нельзя',
      REASON_REQUIRED: 'Укажите причину',
      KYC_REVIEW_OPEN: 'У этого клиента уже есть открытая проверка KYC',
      CASE_CLOSED: 'Дело закрыто',
      CASE_FINISHED: 'Дело завершено',
      TWO_FACTOR_REQUIRED: 'Для вашей роли требуется двухфакторная аутентификация',
      NOT_STUCK: 'Дело не ожидает исправления',
      NO_TASK: 'Брать нечего: нет открытых задач, доступных вам',
    },
    network: 'Нет связи с сервером: проверьте подключение',
    connection_lost: 'Сервер недоступен. Данные на экране могут быть устаревшими; повторяем попытку…',
  },
  sla: {
    state: {
      on_track: 'В срок',
      at_risk: 'Под угрозой',
      breached: 'Просрочено',
      paused: 'Приостановлено',
    },
    left: 'осталось %{time}',
    overdue: 'просрочено на %{time}',
    paused: 'Отсчёт приостановлен',
    units: {
      d: '%{n} д',
      h: '%{n} ч',
      m: '%{n} мин',
      s: '%{n} с',
    },
    closed: {
      met: 'Закрыто в срок',
      breached: 'Закрыто с опозданием',
    },
  },
  inbox: {
    title: 'Входящие',
    tabs: {
      mine: 'Мои задачи',
      team: 'Очередь команды',
    },
    status: {
      open: 'Открыта',
      claimed: 'В работе',
      completed: 'Выполнена',
      cancelled: 'Отменена',
    },
    actions: {
      claim: 'Взять',
      release: 'Вернуть',
      complete: 'Выполнить',
      reassign: 'Переназначить',
    },
    claimed: 'Задача взята в работу',
    released: 'Задача возвращена в очередь',
    completed: 'Шаг выполнен',
    reassigned: 'Задача переназначена',
    bulk_reassigned: 'Переназначено задач: %{ok} из %{total}',
    reassign: {
      title: 'Переназначить',
      assignee: 'Новый исполнитель',
      confirm: 'Переназначить',
    },
    form: {
      title: 'Завершить шаг',
      outcome: 'Результат',
      submit: 'Завершить шаг',
      claim_first: 'Чтобы выполнить задачу, сначала возьмите её.',
      not_yours: 'Задача назначена: %{name}.',
      closed: 'Статус задачи: %{status}.',
      not_eligible: 'Этот шаг выполняет другая роль: вы не можете взять или завершить его.',
    },
    no_open_tasks: 'Открытых задач нет',
    bulk_refused:
      'Не переназначена %{smart_count} задача: |||| Не переназначены %{smart_count} задачи: |||| Не переназначено %{smart_count} задач:',
    case_card: 'О деле',
    next: {
      button: 'Следующая задача',
      none: 'Брать нечего: нет открытых задач, доступных вам',
    },
    empty: {
      mine: 'На вас ничего не назначено. Возьмите самую срочную задачу из очереди команды кнопкой «Следующая задача».',
      team: 'Очередь команды пуста: нет открытых или взятых задач.',
      clear: 'Сбросить фильтры',
    },
  },
  notification: {
    bell: 'Уведомления',
    empty: 'Непрочитанных уведомлений нет',
    marked_all: 'Все уведомления отмечены как прочитанные',
    message: {
      task_assigned: 'Вам назначено: %{step}, клиент %{client}',
      task_available: 'Новая задача в очереди: %{step}, клиент %{client}',
      sla_reminder: 'Прошло %{percent}% срока этапа «%{step}» (%{client})',
      sla_escalation: 'Эскалация, уровень %{level}: этап «%{step}» просрочен (%{client})',
      case_breach: 'Срок по делу пропущен (%{client})',
    },
    type: {
      task_assigned: 'Вам назначена задача',
      task_available: 'Новая задача в очереди',
      sla_reminder: 'Напоминание о сроке',
      sla_escalation: 'Эскалация по сроку',
      case_update: 'Изменения по делу',
      case_stuck: 'Дело ждёт исправления',
    },
    actions: {
      mark_read: 'Прочитано',
      mark_all_read: 'Прочитать все',
      see_all: 'Все уведомления',
    },
    burst:
      '%{smart_count} новое уведомление (срочных: %{urgent}) |||| %{smart_count} новых уведомления (срочных: %{urgent}) |||| %{smart_count} новых уведомлений (срочных: %{urgent})',
    more: 'ещё %{smart_count} по этому делу',
    preferences: {
      title: 'Всплывающие уведомления',
      hint: 'Выберите, какие уведомления показывать всплывающими. Все они остаются в колокольчике; эскалации и пропущенные сроки всплывают всегда.',
    },
    empty_list: 'Уведомлений нет. Они появляются, когда вам назначают работу или срок требует внимания.',
  },
  dashboard: {
    agent: {
      title: 'Моя работа',
      next_due: 'Ближайшие сроки',
      nothing: 'Сейчас на вас ничего не назначено',
    },
    workload: {
      title: 'Загрузка',
      none: 'Нет открытой работы в вашей зоне',
      assignee: 'Исполнитель',
      open: 'Открыто',
      claimed: 'Взято',
      at_risk: 'Под угрозой',
      breached: 'Просрочено',
      queue: 'Очередь (никто)',
    },
  },
  client: {
    kyc_status: {
      pending: 'Ожидает проверки',
      in_review: 'На проверке',
      approved: 'Одобрен',
      rejected: 'Отклонён',
      suspended: 'Приостановлен',
    },
    empty: 'Клиенты не найдены. Ищите по имени, эл. почте или телефону.',
  },
  resources: {
    alerts: monitoringAlerts,
    imports: importsResource,
    tasks: {
      name: 'Задача |||| Задачи |||| Задач',
      fields: {
        caseId: 'Дело',
        caseType: 'Тип дела',
        client: {
          name: 'Клиент',
        },
        step: 'Шаг',
        status: 'Статус',
        assignee: {
          name: 'Исполнитель',
        },
        priority: 'Приоритет',
        dueAt: 'Осталось',
        slaState: 'SLA',
        createdAt: 'Создана',
      },
    },
    clients: {
      name: 'Клиент |||| Клиенты |||| Клиентов',
      fields: {
        name: 'Имя',
        email: 'Эл. почта',
        phone: 'Телефон',
        country: 'Страна',
        kycStatus: 'Статус KYC',
      },
    },
    notifications: {
      name: 'Уведомление |||| Уведомления |||| Уведомлений',
      fields: {
        createdAt: 'Получено',
        type: 'Тип',
        title: 'Заголовок',
        body: 'Подробности',
        unread: 'Непрочитанные',
        data: {
          reference: 'Дело',
        },
      },
    },
    incidents: {
      name: 'Застрявшее дело |||| Застрявшие дела |||| Застрявших дел',
      fields: {
        reference: 'Дело',
        caseType: 'Тип дела',
        message: 'Что не удалось',
        openedAt: 'С',
        status: 'Статус',
      },
    },
    'sla-policies': {
      name: 'Норматив SLA |||| Нормативы SLA |||| Нормативов SLA',
      fields: {
        caseType: 'Тип дела',
        step: 'Шаг',
        category: 'Категория или вид',
        severity: 'Серьёзность',
        businessDays: 'Рабочих дней',
        businessHours: 'Рабочих часов',
        escalateAfterMinutes: 'Эскалация через (минут)',
        businessMinutes: 'Рабочих минут',
      },
    },
    settings: {
      name: 'Настройка |||| Настройки |||| Настроек',
      fields: {
        caseType: 'Тип дела',
        key: 'Настройка',
        value: 'Значение',
      },
    },
  },
  // alerts, scenarios, backtests, KYC refresh overdue (admin-ui/src/monitoring)
  monitoring,
  // the imports of leads, clients, accounts and transactions (admin-ui/src/imports)
  imports,
  screening: {
    title: 'Санкционные списки',
    current: 'Используется',
    empty:
      'Санкционные списки не загружены: проверка ничего не находит, одобрения KYC ждут. Попросите менеджера по комплаенсу загрузить списки.',
    empty_import:
      'Санкционные списки не загружены: проверка ничего не находит, одобрения KYC ждут. Загрузите файлы эмитентов (OFAC, ООН) кнопкой выше.',
    column: {
      list: 'Список',
      imported: 'Загружен',
      published: 'Опубликован',
      entries: 'Записей',
      files: 'Файлы',
    },
    source: {
      ofac_sdn: 'OFAC SDN',
      ofac_cons: 'OFAC сводный (не SDN)',
      un_sc: 'Совет Безопасности ООН',
    },
    import: {
      button: 'Загрузить списки',
      title: 'Загрузка санкционных списков',
      hint: 'Выберите файлы эмитентов вместе: OFAC SDN (sdn.csv, alt.csv, add.csv, sdn_comments.csv), сводный OFAC (cons_prim.csv, cons_alt.csv, cons_add.csv) и сводный список ООН (XML). Уже загруженные файлы распознаются и не загружаются повторно.',
      choose: 'Выбрать файлы',
      send: 'Загрузить',
      created: '%{list}: новая версия, записей: %{count}',
      unchanged: '%{list}: эти файлы уже загружены (записей: %{count})',
    },
  },
  admin: {
    title: 'Администрирование',
    saved: 'Сохранено; новые дела будут использовать это значение',
    incident: {
      status: {
        open: 'Ждёт исправления',
        resolved: 'Исправлено',
      },
      retry: 'Повторить',
      sanitize: 'Очистить текст и повторить',
      repaired: 'Дело сохранено и продолжается',
      still_stuck: 'Дело всё ещё не удалось сохранить: посмотрите сообщение',
      waiting: '%{smart_count} дело ждёт исправления |||| %{smart_count} дела ждут исправления |||| %{smart_count} дел ждут исправления',
      none: 'Нет дел, ожидающих исправления',
      open_list: 'Открыть',
    },
    sla: {
      any: 'Любой',
      whole_case: 'Всё дело',
    },
    setting: {
      default: 'по умолчанию %{value}',
    },
  },
} satisfies MessagesOf<typeof en>;
