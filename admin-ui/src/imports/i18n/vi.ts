import type { MessagesOf } from '../../i18n/types';
import type { imports as en, resource as enResource } from './en';

export const imports = {
  kind: {
    leads: 'Khách hàng tiềm năng',
    clients: 'Khách hàng',
    accounts: 'Tài khoản giao dịch',
    transactions: 'Giao dịch',
  },
  status: {
    queued: 'Đang chờ',
    running: 'Đang chạy',
    done: 'Hoàn tất',
    failed: 'Thất bại',
    dry_run: 'Đã kiểm tra (không lưu gì)',
  },
  empty: 'Chưa có lần nhập nào. Nhập khách hàng tiềm năng, khách hàng, tài khoản giao dịch hoặc giao dịch từ tệp CSV hoặc XLSX.',
  new: {
    title: 'Nhập mới',
    kind: 'Nội dung tệp',
    choose: 'Chọn tệp CSV hoặc XLSX',
    not_supported: 'Hãy chọn tệp CSV hoặc XLSX',
    read_failed: 'Không đọc được tệp',
    rows: 'Dòng tiêu đề có %{smart_count} cột',
    mapping: 'Cột',
    mapping_hint: 'Mỗi cột của tệp được đưa vào trường cùng tên, trừ khi bạn chọn trường khác ở đây.',
    column: 'Cột trong tệp',
    field: 'Trường',
    by_name: 'Theo tên',
    by_name_field: 'Theo tên (%{field})',
    leave_out: 'Bỏ qua',
    unknown: 'Không có trường nào tên này: hãy chọn một trường hoặc bỏ qua cột',
    check: 'Kiểm tra tệp',
    start: 'Nhập',
    checked: 'Đã kiểm tra: %{total} dòng, %{valid} hợp lệ, %{invalid} không hợp lệ. Chưa lưu gì.',
    all_valid: 'Mọi dòng đều hợp lệ.',
    invalid_title: 'Dòng không hợp lệ',
    more: 'và %{smart_count} dòng nữa',
  },
  show: {
    progress: '%{processed} / %{total} dòng',
    applied: 'Đã áp dụng',
    rejected: 'Bị từ chối',
    total: 'Số dòng',
    download: 'Tải các dòng bị từ chối',
    rejects_title: 'Các dòng bị từ chối',
    no_rejects: 'Không có dòng nào bị từ chối.',
    cases: 'Hồ sơ phát triển khách hàng của khách hàng tiềm năng mới: đã bắt đầu %{processed} / %{total}',
  },
  column: {
    line: 'Dòng',
    field: 'Trường',
    reason: 'Lý do',
    values: 'Giá trị',
  },
} satisfies MessagesOf<typeof en>;

export const resource = {
  name: 'Nhập dữ liệu',
  fields: {
    createdAt: 'Tải lên lúc',
    kind: 'Loại',
    fileName: 'Tệp',
    status: 'Trạng thái',
    progress: 'Tiến độ',
    total: 'Số dòng',
    applied: 'Đã áp dụng',
    rejected: 'Bị từ chối',
    createdBy: 'Người nhập',
    startedAt: 'Bắt đầu',
    finishedAt: 'Kết thúc',
  },
} satisfies MessagesOf<typeof enResource>;
