import type { MessagesOf } from './types';
import type { en } from './en';

// Russian plurals have three forms: one |||| few |||| many.
export const ru = {
  app: {
    timeline_empty: 'Пока ничего не произошло',
    unassigned: 'Не назначено',
    system: 'Система',
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
    enrol_hint: 'Для вашей роли требуется двухфакторная аутентификация. Добавьте этот ключ в приложение-аутентификатор (или откройте ссылку на телефоне) и введите код, который оно покажет.',
    secret: 'Ключ',
    recovery_title: 'Коды восстановления',
    recovery_hint: 'Сохраните эти коды в надёжном месте. Каждый из них один раз позволяет войти, если вы потеряете телефон. Они показываются только сейчас.',
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
    },
    reason: {
      TWO_FACTOR_ENROLMENT_REQUIRED: 'Сначала настройте двухфакторную аутентификацию',
      TASK_ALREADY_CLAIMED: 'Эту задачу только что взял кто-то другой',
      FOUR_EYES: 'Утвердить должен другой сотрудник: вы работали над предыдущим шагом этого дела',
      STEP_NOT_OPEN: 'Этот шаг уже закрыт',
    },
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
    },
    no_open_tasks: 'Открытых задач нет',
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
    },
    actions: {
      mark_read: 'Прочитано',
      mark_all_read: 'Прочитать все',
      see_all: 'Все уведомления',
    },
  },
  dashboard: {
    agent: {
      title: 'Моя работа',
      next_due: 'Ближайшие сроки',
      nothing: 'Сейчас на вас ничего не назначено',
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
  },
  resources: {
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
  },
} satisfies MessagesOf<typeof en>;
