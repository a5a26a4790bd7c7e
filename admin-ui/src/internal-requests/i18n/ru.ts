import type { MessagesOf } from '../../i18n/types';
import type { en } from './en';

export const ru = {
  internal_request: {
    kind: {
      document: 'Документ',
      callback: 'Обратный звонок',
      data_correction: 'Исправление данных',
      other: 'Другое',
    },
    status: {
      open: 'Открыт',
      awaiting_requester: 'Ждёт ответа запросившего',
      closed: 'Закрыт',
    },
    state: {
      fulfil: 'У команды',
      awaiting_requester: 'Вопрос запросившему',
      closed: 'Закрыт',
    },
    event: {
      case_opened: 'Запрос отправлен',
      task_opened: 'Шаг открыт',
      task_claimed: 'Взят в работу',
      task_released: 'Возвращён в очередь',
      task_reassigned: 'Переназначен',
      task_completed: 'Отвечено',
      task_cancelled: 'Отозван',
      state_changed: 'Переход',
      sla_reminder: 'Напоминание SLA',
      sla_escalated: 'Эскалация',
      case_sla_breached: 'Срок запроса пропущен',
    },
    sections: {
      summary: 'Запрос',
      tasks: 'Текущая задача',
      timeline: 'История',
    },
    actions: {
      answer: 'Ответить на вопрос',
    },
    dialog: {
      answer: 'Ваш ответ',
    },
    done: {
      answered: 'Ответ отправлен; запрос снова у команды',
    },
    task: {
      step: {
        fulfil: 'Выполнить запрос',
      },
      outcome: {
        fulfilled: 'Выполнено (ответ запросившему)',
        declined: 'Отклонено',
        need_info: 'Сначала задать вопрос запросившему',
      },
      field: {
        reply: 'Ответ',
        reason: 'Причина',
        question: 'Вопрос',
      },
    },
    empty: 'Запросов нет. Попросите другую команду о документе, звонке или исправлении кнопкой «Создать».',
    severity: {
      urgent: 'Срочно',
    },
  },
  resources: {
    'internal-requests': {
      name: 'Внутренний запрос |||| Внутренние запросы',
      fields: {
        reference: 'Номер',
        subject: 'Тема',
        client: {
          name: 'Клиент',
          id: 'Клиент',
        },
        clientId: 'Клиент',
        teamId: 'Команда',
        team: {
          name: 'Команда',
        },
        requestedBy: {
          name: 'Автор',
        },
        kind: 'Вид',
        urgent: 'Срочно',
        status: 'Статус',
        state: 'Этап',
        dueAt: 'Срок',
        details: 'Подробности',
        question: 'Вопрос',
        answer: 'Ответ на вопрос',
        reply: 'Ответ команды',
        declineReason: 'Причина отказа',
        slaState: 'SLA',
        openedAt: 'Отправлен',
        mine: 'Мои запросы',
      },
    },
  },
} satisfies MessagesOf<typeof en>;
