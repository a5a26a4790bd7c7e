import type { MessagesOf } from '../../i18n/types';
import type { imports as en, resource as enResource } from './en';

export const imports = {
  kind: {
    leads: '潜在客户',
    clients: '客户',
    accounts: '交易账户',
    transactions: '交易记录',
  },
  status: {
    queued: '排队中',
    running: '进行中',
    done: '已完成',
    failed: '失败',
    dry_run: '已检查（未保存任何内容）',
  },
  empty: '尚无导入。可从 CSV 或 XLSX 文件导入潜在客户、客户、交易账户或交易记录。',
  new: {
    title: '新建导入',
    kind: '文件内容',
    choose: '选择 CSV 或 XLSX 文件',
    not_supported: '请选择 CSV 或 XLSX 文件',
    read_failed: '无法读取该文件',
    rows: '表头共 %{smart_count} 列',
    mapping: '列',
    mapping_hint: '文件的每一列默认对应同名字段，除非在此另行选择。',
    column: '文件中的列',
    field: '字段',
    by_name: '按名称',
    by_name_field: '按名称（%{field}）',
    leave_out: '不导入',
    unknown: '没有同名字段：请选择字段或不导入此列',
    check: '检查文件',
    start: '导入',
    checked: '已检查：共 %{total} 行，有效 %{valid} 行，无效 %{invalid} 行。未保存任何内容。',
    all_valid: '所有行均有效。',
    invalid_title: '无效行',
    more: '另有 %{smart_count} 行',
  },
  show: {
    progress: '%{processed} / %{total} 行',
    applied: '已应用',
    rejected: '已拒绝',
    total: '行数',
    download: '下载被拒绝的行',
    rejects_title: '被拒绝的行',
    no_rejects: '没有被拒绝的行。',
    cases: '新潜在客户的客户发展案件：已启动 %{processed} / %{total}',
  },
  column: {
    line: '行号',
    field: '字段',
    reason: '原因',
    values: '值',
  },
} satisfies MessagesOf<typeof en>;

export const resource = {
  name: '导入',
  fields: {
    createdAt: '上传时间',
    kind: '类型',
    fileName: '文件',
    status: '状态',
    progress: '进度',
    total: '行数',
    applied: '已应用',
    rejected: '已拒绝',
    createdBy: '操作人',
    startedAt: '开始时间',
    finishedAt: '完成时间',
  },
} satisfies MessagesOf<typeof enResource>;
