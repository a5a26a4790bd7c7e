import type { MessagesLike } from '../../i18n/types';
import type { en } from './en';

export const ru = {
  kyc_review: {
    title: 'Проверки KYC',
    sections: {
      summary: 'Проверка',
      risk: 'Оценка риска',
      checks: 'Автоматические проверки',
      hits: 'Совпадения при скрининге',
      documents: 'Документы',
      next_review: 'Следующая периодическая проверка',
      timeline: 'Хронология',
      tasks: 'Открытые шаги',
    },
    dashboard: {
      title: 'Комплаенс',
    },
    task: {
      step: {
        collect_documents: 'Сбор документов',
        screening_review: 'Проверка совпадений',
        cdd_review: 'Проверка CDD',
        source_of_funds: 'Источник средств',
        source_of_wealth: 'Источник благосостояния',
        senior_approval: 'Одобрение старшим сотрудником',
      },
      outcome: {
        documents_complete: 'Документы собраны',
        request_information: 'Запросить сведения у клиента (отсчёт приостанавливается)',
        true_match: 'Истинное совпадение',
        false_positive: 'Ложное срабатывание',
        approved: 'Утвердить',
        rejected: 'Отклонить',
        verified: 'Подтверждено',
        not_verified: 'Не подтверждено',
      },
      field: {
        note: 'Примечание',
        request: 'Что нужно от клиента',
        reason: 'Причина',
        summary: 'Итоги проверки',
      },
    },
  },
  resources: {
    'kyc-reviews': {
      name: 'Проверка KYC |||| Проверки KYC',
    },
  },
} satisfies MessagesLike<typeof en>;
