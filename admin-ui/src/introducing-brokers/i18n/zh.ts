import type { MessagesOf } from '../../i18n/types';
import type { ib as en } from './en';

export const ib: MessagesOf<typeof en> = {
  title: '介绍经纪商',
  hint: '每个介绍经纪商可以看到自己的客户及其下所有介绍经纪商的客户。移动一个介绍经纪商时，其下级也随之移动。',
  empty: '尚无介绍经纪商。',
  create: '新建介绍经纪商',
  edit: '编辑 %{name}',
  created: '已添加介绍经纪商',
  saved: '已保存介绍经纪商',
  top: '无（顶级）',
  id_hint: '字母、数字、- 和 _；之后不可更改',
  branch_hint: '分支机构代码，例如 london',
  active: '启用',
  inactive: '停用',
  fields: {
    id: '代码',
    name: '名称',
    parentId: '上级',
    branchId: '分支机构',
    active: '启用',
  },
  errors: {
    id: '只能使用字母、数字、- 和 _，或该代码已被占用',
    name: '请填写不超过 200 个字符的名称',
    parentId: '无法设置：该介绍经纪商不存在，或就是它本身或其下级',
    branchId: '没有该分支机构',
    active: '无效的值',
    form: '请先做出修改',
  },
};
