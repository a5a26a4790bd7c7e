import type { MessagesOf } from './types';
import type { en } from './en';

export const zh = {
  app: {
    timeline_empty: '尚无记录',
    unassigned: '未分配',
    system: '系统',
  },
  login: {
    title: '登录 Broker CRM',
    email: '电子邮箱',
    password: '密码',
    submit: '登录',
    code: '验证码',
    code_hint: '请输入身份验证器应用中的 6 位验证码，或一个恢复码。',
    verify: '验证',
    enrol_title: '设置双重身份验证',
    enrol_hint: '您的角色要求使用双重身份验证。请将此密钥添加到身份验证器应用（或在手机上打开该链接），然后输入应用显示的验证码。',
    secret: '密钥',
    recovery_title: '恢复码',
    recovery_hint: '请妥善保管这些恢复码。手机丢失时，每个恢复码可用于登录一次。它们只显示这一次。',
    continue: '继续',
  },
  errors: {
    code: {
      VALIDATION_FAILED: '部分字段无效',
      INVALID_CREDENTIALS: '电子邮箱或密码错误',
      INVALID_CODE: '验证码错误或已过期',
      UNAUTHENTICATED: '会话已结束，请重新登录',
      FORBIDDEN: '您无权执行此操作',
      NOT_FOUND: '未找到，或不在您的权限范围内',
      CONFLICT: '数据已被他人修改，页面已刷新',
      RATE_LIMITED: '尝试次数过多，请几分钟后再试',
      INTERNAL: '服务器出错，请重试',
    },
    reason: {
      TWO_FACTOR_ENROLMENT_REQUIRED: '请先设置双重身份验证',
      TASK_ALREADY_CLAIMED: '其他人刚刚领取了这项任务',
      FOUR_EYES: '须由他人审批：您参与过此案件的前一步骤',
      STEP_NOT_OPEN: '此步骤已关闭',
    },
  },
  sla: {
    state: {
      on_track: '正常',
      at_risk: '有风险',
      breached: '已超时',
      paused: '已暂停',
    },
    left: '剩余 %{time}',
    overdue: '已超时 %{time}',
    paused: '计时已暂停',
    units: {
      d: '%{n}天',
      h: '%{n}小时',
      m: '%{n}分',
      s: '%{n}秒',
    },
  },
  inbox: {
    title: '收件箱',
    tabs: {
      mine: '我的任务',
      team: '团队队列',
    },
    status: {
      open: '待领取',
      claimed: '处理中',
      completed: '已完成',
      cancelled: '已取消',
    },
    actions: {
      claim: '领取',
      release: '退回',
      complete: '完成',
      reassign: '重新分配',
    },
    claimed: '已领取任务',
    released: '任务已退回队列',
    completed: '步骤已完成',
    reassigned: '任务已重新分配',
    bulk_reassigned: '已重新分配 %{ok}/%{total} 项任务',
    reassign: {
      title: '重新分配',
      assignee: '新负责人',
      confirm: '重新分配',
    },
    form: {
      title: '完成此步骤',
      outcome: '结果',
      submit: '完成步骤',
      claim_first: '请先领取此任务再完成。',
      not_yours: '此任务已分配给 %{name}。',
      closed: '此任务状态：%{status}。',
    },
    no_open_tasks: '没有待处理的任务',
  },
  notification: {
    bell: '通知',
    empty: '没有未读通知',
    marked_all: '已将全部通知标为已读',
    message: {
      task_assigned: '分配给您：%{step}（%{client}）',
      task_available: '队列中有新任务：%{step}（%{client}）',
      sla_reminder: '%{step} 的时限已过去 %{percent}%（%{client}）',
      sla_escalation: '升级第 %{level} 级：%{step} 已逾期（%{client}）',
      case_breach: '案件期限已错过（%{client}）',
    },
    type: {
      task_assigned: '有任务分配给您',
      task_available: '队列中有新任务',
      sla_reminder: 'SLA 提醒',
      sla_escalation: 'SLA 升级',
      case_update: '案件更新',
    },
    actions: {
      mark_read: '标为已读',
      mark_all_read: '全部标为已读',
      see_all: '查看全部',
    },
  },
  dashboard: {
    agent: {
      title: '我的工作',
      next_due: '即将到期',
      nothing: '目前没有分配给您的任务',
    },
  },
  client: {
    kyc_status: {
      pending: '待审查',
      in_review: '审查中',
      approved: '已批准',
      rejected: '已驳回',
      suspended: '已暂停',
    },
  },
  resources: {
    tasks: {
      name: '任务',
      fields: {
        caseId: '案件',
        caseType: '案件类型',
        client: {
          name: '客户',
        },
        step: '步骤',
        status: '状态',
        assignee: {
          name: '负责人',
        },
        priority: '优先级',
        dueAt: '剩余时间',
        slaState: 'SLA',
        createdAt: '创建时间',
      },
    },
    clients: {
      name: '客户',
      fields: {
        name: '姓名',
        email: '电子邮箱',
        phone: '电话',
        country: '国家/地区',
        kycStatus: 'KYC 状态',
      },
    },
    notifications: {
      name: '通知',
      fields: {
        createdAt: '接收时间',
        type: '类型',
        title: '标题',
        body: '详情',
        unread: '未读',
        data: {
          reference: '案件',
        },
      },
    },
  },
} satisfies MessagesOf<typeof en>;
