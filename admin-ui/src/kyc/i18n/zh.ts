import type { MessagesLike } from '../../i18n/types';
import type { en } from './en';

export const zh = {
  kyc_review: {
    title: 'KYC 审查',
    sections: {
      summary: '审查',
      risk: '风险评分',
      checks: '自动检查',
      hits: '筛查命中',
      documents: '文件',
      next_review: '下次定期审查',
      timeline: '时间线',
      tasks: '未完成步骤',
    },
    dashboard: {
      title: '合规',
    },
    task: {
      step: {
        collect_documents: '收集文件',
        screening_review: '筛查复核',
        cdd_review: 'CDD 审查',
        source_of_funds: '资金来源',
        source_of_wealth: '财富来源',
        senior_approval: '高级审批',
      },
      outcome: {
        documents_complete: '文件已齐全',
        request_information: '向客户索取信息（暂停计时）',
        true_match: '确认匹配',
        false_positive: '误报',
        approved: '批准',
        rejected: '驳回',
        verified: '已核实',
        not_verified: '未能核实',
      },
      field: {
        note: '备注',
        request: '需要客户提供的信息',
        reason: '理由',
        summary: '核查摘要',
      },
    },
  },
  resources: {
    'kyc-reviews': {
      name: 'KYC 审查',
    },
  },
} satisfies MessagesLike<typeof en>;
