import type { MessagesOf } from '../../i18n/types';
import type { lead as en, resource as enResource } from './en';

export const lead = {
  status: {
    new: '新建',
    contacted: '已联系',
    qualified: '已确认意向',
    converted: '已转为客户',
    lost: '已流失',
    merged: '已合并',
  },
  temperature: {
    hot: '热',
    warm: '温',
    cold: '冷',
  },
  utm: {
    source: 'UTM 来源',
    medium: 'UTM 媒介',
    campaign: 'UTM 活动',
    term: 'UTM 关键词',
    content: 'UTM 内容',
  },
  filter: {
    duplicate: '有待审核的重复',
  },
  queue: {
    title: '重复审核',
  },
  empty: '没有匹配的潜在客户。按姓名、电子邮件或电话搜索，或新增潜在客户。',
  not_found: '没有这个潜在客户，或您无权查看。',
  unassigned: '未分配',
  you: '您',
  became_client: '该潜在客户已成为客户',
  merged_into: {
    lead: '已合并到潜在客户',
    client: '已合并到客户',
  },
  sections: {
    lead: '潜在客户',
    attribution: '来源归因',
    duplicates: '可能的重复',
  },
  duplicates: {
    none: '未发现重复。',
    open_count: '%{smart_count} 个可能的重复',
    other: '另一条记录',
    kind_column: '类型',
    reason: '原因',
    score: '得分',
    status: '状态',
    kind: {
      lead: '潜在客户',
      client: '客户',
    },
    reasons: {
      email: '相同电子邮件',
      phone: '相同电话',
      name_dob: '姓名相似且出生日期相同',
    },
    statuses: {
      open: '待审核',
      merged: '已合并',
      dismissed: '非重复',
    },
  },
  merge: {
    button: '合并到',
    title: '合并此潜在客户？',
    confirm_lead:
      '将 %{lead} 合并到潜在客户 %{other}？其空白字段将由此潜在客户填充，互动记录将转移过去，此潜在客户将变为已合并。此操作无法撤销。',
    confirm_client:
      '将 %{lead} 合并到客户 %{other}？电子邮件和电话将加入该客户的联系方式，互动记录将转移过去，此潜在客户将变为已合并。此操作无法撤销。',
    done: '已合并',
  },
  dismiss: {
    button: '非重复',
    done: '已标记为非重复',
  },
  create: {
    title: '新增潜在客户',
    done: '潜在客户已创建；未发现重复',
    created: '潜在客户已创建：%{name}',
    duplicates: '它可能与 %{smart_count} 条已有记录重复：',
    review_hint: '打开该潜在客户以进行合并，或将发现标记为非重复。',
    open: '打开潜在客户',
    phone_hint: '任意格式；国内号码按下方国家解读',
    country_hint: '两个字母，例如 GB',
    country_invalid: '两个字母，例如 GB',
    language_hint: '例如 en 或 zh-CN',
    language_invalid: '语言代码，例如 en 或 zh-CN',
    manager_hint: '留空：由分配规则决定',
    assign_to_me: '分配给我（否则由分配规则决定）',
  },
} satisfies MessagesOf<typeof en>;

export const resource = {
  name: '潜在客户',
  fields: {
    name: '姓名',
    firstName: '名',
    lastName: '姓',
    email: '电子邮件',
    phone: '电话',
    country: '国家',
    language: '语言',
    dateOfBirth: '出生日期',
    source: '来源',
    campaign: '活动',
    ib: '介绍经纪人',
    status: '状态',
    temperature: '热度',
    accountManagerId: '客户经理',
    branchId: '分支机构',
    createdAt: '创建时间',
    lostReason: '流失原因',
    q: '搜索',
  },
} satisfies MessagesOf<typeof enResource>;
