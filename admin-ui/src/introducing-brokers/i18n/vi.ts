import type { MessagesOf } from '../../i18n/types';
import type { ib as en } from './en';

export const ib: MessagesOf<typeof en> = {
  title: 'Nhà môi giới giới thiệu',
  hint: 'Mỗi nhà môi giới giới thiệu (IB) thấy khách hàng của mình và của mọi IB cấp dưới. Khi chuyển một IB, các IB cấp dưới đi theo.',
  empty: 'Chưa có nhà môi giới giới thiệu nào.',
  create: 'Nhà môi giới giới thiệu mới',
  edit: 'Sửa %{name}',
  created: 'Đã thêm nhà môi giới giới thiệu',
  saved: 'Đã lưu nhà môi giới giới thiệu',
  top: 'Không có (cấp cao nhất)',
  id_hint: 'Chữ cái, chữ số, - và _; không đổi được về sau',
  branch_hint: 'Mã chi nhánh, ví dụ london',
  active: 'Đang hoạt động',
  inactive: 'Ngừng hoạt động',
  fields: {
    id: 'Mã',
    name: 'Tên',
    parentId: 'Cấp trên',
    branchId: 'Chi nhánh',
    active: 'Đang hoạt động',
  },
  errors: {
    id: 'Chỉ chữ cái, chữ số, - và _, hoặc mã này đã được dùng',
    name: 'Nhập tên tối đa 200 ký tự',
    parentId: 'Không thể: không có IB này, hoặc đó là chính IB này hay một IB cấp dưới',
    branchId: 'Không có chi nhánh này',
    active: 'Giá trị không hợp lệ',
    form: 'Hãy thay đổi điều gì đó trước',
  },
};
