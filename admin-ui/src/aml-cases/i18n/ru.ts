import type { MessagesOf } from '../../i18n/types';
import type { en } from './en';

export const ru = {
  aml_case: {
    status: {
      open: 'Открыто',
      closed: 'Закрыто',
    },
    state: {
      investigate: 'Расследование',
      decide: 'Решение',
      sar_draft: 'Подготовка сообщения',
      sar_approval: 'Сообщение на утверждении',
      file_sar: 'Сообщение к отправке',
      closed: 'Закрыто',
    },
    closure: {
      false_positive: 'Ложное срабатывание',
      sar_filed: 'Сообщение направлено',
      withdrawn: 'Сигналы отозваны',
    },
    sar_status: {
      none: 'Ещё не составлено',
      draft: 'Черновик',
      submitted: 'Передано на утверждение',
      approved: 'Утверждено',
      filed: 'Направлено',
    },
    event: {
      case_opened: 'Дело открыто',
      alerts_added: 'Добавлены сигналы',
      task_opened: 'Шаг открыт',
      task_claimed: 'Взято в работу',
      task_released: 'Возвращено в очередь',
      task_reassigned: 'Переназначено',
      task_completed: 'Шаг выполнен',
      task_cancelled: 'Шаг отменён',
      state_changed: 'Переход',
      sla_reminder: 'Напоминание SLA',
      sla_escalated: 'Эскалация',
      case_sla_breached: 'Срок дела пропущен',
    },
    sections: {
      summary: 'Расследование',
      tasks: 'Текущая задача',
      alerts: 'Сигналы и доказательства',
      report: 'Сообщение о подозрительной операции',
      timeline: 'История',
    },
    sar: {
      status: 'Сообщение',
      prepared_by: 'Подготовил',
      approved_by: 'Утвердил',
      filed: 'Направлено',
      preview:
        'Сообщение ещё не составлено: это текст, который сейчас следует из доказательств. Аналитик редактирует его после эскалации дела.',
      narrative_hint: 'Составлено по доказательствам: перед отправкой допишите основания для подозрения.',
    },
    task: {
      step: {
        investigate: 'Расследовать сигналы',
        decide: 'Решить: ложное срабатывание или эскалация',
        sar_draft: 'Составить сообщение о подозрительной операции',
        sar_approval: 'Утвердить сообщение (принцип четырёх глаз)',
        file_sar: 'Направить сообщение регулятору',
      },
      outcome: {
        findings_recorded: 'Выводы записаны',
        false_positive: 'Ложное срабатывание: закрыть дело',
        escalate: 'Эскалировать: сообщить о подозрительной операции',
        submitted: 'Передать на утверждение',
        approved: 'Утвердить',
        rejected: 'Вернуть аналитику',
        filed: 'Направлено',
      },
      field: {
        findings: 'Выводы',
        reason: 'Причина',
        narrative: 'Текст сообщения',
        note: 'Комментарий',
        reference: 'Номер у регулятора',
      },
    },
    actions: {
      reopen: 'Переоткрыть дело',
    },
    dialog: {
      reopen_reason: 'Почему дело переоткрывается',
    },
    done: {
      reopened: 'Дело переоткрыто и вернулось к расследованию',
    },
    setting: {
      aml_reopenWindowDays: 'Календарных дней после закрытия, в течение которых дело можно переоткрыть',
      aml_eddReviewOnEscalation: 'Запускать углублённую проверку клиента при эскалации дела (1 да, 0 нет)',
    },
    empty: 'Дел ПОД/ФТ нет. Дело открывается само, когда мониторинг поднимает сигнал по клиенту.',
    no_alerts: 'В деле нет сигналов',
    evidence: 'Доказательства',
    evidence_pdf: 'Пакет доказательств (PDF)',
    evidence_json: 'Пакет доказательств (JSON)',
    open_case: 'Открыть дело со всеми доказательствами',
    client_section: 'Дела ПОД/ФТ',
  },
  resources: {
    'aml-cases': {
      name: 'Дело ПОД/ФТ |||| Дела ПОД/ФТ',
      fields: {
        reference: 'Номер',
        client: {
          name: 'Клиент',
          id: 'Клиент',
        },
        clientId: 'Клиент',
        scenarios: 'Сценарии',
        scenario: 'Сценарий',
        alertIds: 'Сигналы',
        state: 'Этап',
        status: 'Статус',
        closure: 'Итог',
        assignee: {
          name: 'Исполнитель',
        },
        slaState: 'SLA',
        dueAt: 'Срок',
        openedAt: 'Открыто',
        closedAt: 'Закрыто',
        findings: 'Выводы',
        decision: 'Решение',
        decisionReason: 'Обоснование решения',
        sarReference: 'Номер сообщения',
      },
    },
  },
} satisfies MessagesOf<typeof en>;
