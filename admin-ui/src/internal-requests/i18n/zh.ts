import type { MessagesOf } from '../../i18n/types';
import type { en } from './en';

export const zh = {
  internal_request: {
    kind: {
      document: '文件',
      callback: '回电',
      data_correction: '数据更正',
      other: '其他',
    },
    status: {
      open: '处理中',
      awaiting_requester: '等待请求人答复',
      closed: '已关闭',
    },
    state: {
      fulfil: '团队处理中',
      awaiting_requester: '向请求人提问',
      closed: '已关闭',
    },
    event: {
      case_opened: '已发送请求',
      task_opened: '步骤已开启',
      task_claimed: '已领取',
      task_released: '已退回队列',
      task_reassigned: '已改派',
      task_completed: '已答复',
      task_cancelled: '已撤回',
      state_changed: '状态变更',
      sla_reminder: 'SLA 提醒',
      sla_escalated: '已升级',
      case_sla_breached: '请求已超期',
    },
    sections: {
      summary: '请求',
      tasks: '当前任务',
      timeline: '时间线',
    },
    actions: {
      answer: '回答问题',
    },
    dialog: {
      answer: '您的回答',
    },
    done: {
      answered: '已发送回答；请求已退回团队',
    },
    task: {
      step: {
        fulfil: '处理请求',
      },
      outcome: {
        fulfilled: '已完成（回复请求人）',
        declined: '已拒绝',
        need_info: '先向请求人提问',
      },
      field: {
        reply: '回复',
        reason: '原因',
        question: '问题',
      },
    },
    empty: '没有请求。可点击“新建”向其他团队索取文件、回电或更正数据。',
    severity: {
      urgent: '紧急',
    },
  },
  resources: {
    'internal-requests': {
      name: '内部请求',
      fields: {
        reference: '编号',
        subject: '主题',
        client: {
          name: '客户',
          id: '客户',
        },
        clientId: '客户',
        teamId: '受理团队',
        team: {
          name: '受理团队',
        },
        requestedBy: {
          name: '请求人',
        },
        kind: '类型',
        urgent: '紧急',
        status: '状态',
        state: '阶段',
        dueAt: '截止',
        details: '详情',
        question: '问题',
        answer: '回答',
        reply: '回复',
        declineReason: '拒绝原因',
        slaState: 'SLA',
        openedAt: '发送时间',
        mine: '我发出的',
      },
    },
  },
} satisfies MessagesOf<typeof en>;
