import type { MessagesOf } from '../../i18n/types';
import type { lead as en, resource as enResource } from './en';

export const lead = {
  status: {
    new: 'Mới',
    contacted: 'Đã liên hệ',
    qualified: 'Đủ điều kiện',
    converted: 'Đã thành khách hàng',
    lost: 'Đã mất',
    merged: 'Đã gộp',
  },
  temperature: {
    hot: 'Nóng',
    warm: 'Ấm',
    cold: 'Lạnh',
  },
  utm: {
    source: 'UTM source',
    medium: 'UTM medium',
    campaign: 'UTM campaign',
    term: 'UTM term',
    content: 'UTM content',
  },
  filter: {
    duplicate: 'Có trùng lặp chờ xem xét',
  },
  queue: {
    title: 'Xem xét trùng lặp',
  },
  empty: 'Không có khách hàng tiềm năng phù hợp. Tìm theo tên, e-mail hoặc điện thoại, hoặc thêm mới.',
  not_found: 'Không có khách hàng tiềm năng này, hoặc bạn không được xem.',
  unassigned: 'Chưa giao',
  you: 'Bạn',
  became_client: 'Khách hàng tiềm năng này đã trở thành khách hàng',
  merged_into: {
    lead: 'Đã gộp vào khách hàng tiềm năng',
    client: 'Đã gộp vào khách hàng',
  },
  sections: {
    lead: 'Khách hàng tiềm năng',
    attribution: 'Nguồn',
    duplicates: 'Có thể trùng lặp',
  },
  duplicates: {
    none: 'Không tìm thấy trùng lặp.',
    open_count: '%{smart_count} có thể trùng lặp',
    other: 'Bản ghi kia',
    kind_column: 'Loại',
    reason: 'Lý do',
    score: 'Điểm',
    status: 'Trạng thái',
    kind: {
      lead: 'Khách hàng tiềm năng',
      client: 'Khách hàng',
    },
    reasons: {
      email: 'Cùng e-mail',
      phone: 'Cùng điện thoại',
      name_dob: 'Tên tương tự, cùng ngày sinh',
    },
    statuses: {
      open: 'Chờ xem xét',
      merged: 'Đã gộp',
      dismissed: 'Không trùng lặp',
    },
  },
  merge: {
    button: 'Gộp vào',
    title: 'Gộp khách hàng tiềm năng này?',
    confirm_lead:
      'Gộp %{lead} vào khách hàng tiềm năng %{other}? Các trường trống bên đó được điền từ bản ghi này, các tương tác chuyển sang đó và bản ghi này thành đã gộp. Không thể hoàn tác.',
    confirm_client:
      'Gộp %{lead} vào khách hàng %{other}? E-mail và điện thoại được thêm vào liên hệ của khách hàng, các tương tác chuyển sang đó và bản ghi này thành đã gộp. Không thể hoàn tác.',
    done: 'Đã gộp',
  },
  dismiss: {
    button: 'Không trùng lặp',
    done: 'Đã đánh dấu không trùng lặp',
  },
  create: {
    title: 'Khách hàng tiềm năng mới',
    done: 'Đã tạo; không tìm thấy trùng lặp',
    created: 'Đã tạo: %{name}',
    duplicates: 'Có thể trùng với %{smart_count} bản ghi đã có:',
    review_hint: 'Mở bản ghi để gộp hoặc đánh dấu không trùng lặp.',
    open: 'Mở khách hàng tiềm năng',
    phone_hint: 'Định dạng bất kỳ; số trong nước được đọc theo quốc gia bên dưới',
    country_hint: 'Hai chữ cái, ví dụ GB',
    country_invalid: 'Hai chữ cái, ví dụ GB',
    language_hint: 'ví dụ en hoặc zh-CN',
    language_invalid: 'Mã ngôn ngữ, ví dụ en hoặc zh-CN',
    manager_hint: 'Để trống: quy tắc phân công sẽ chọn',
    assign_to_me: 'Giao cho tôi (nếu không, quy tắc phân công sẽ chọn)',
  },
} satisfies MessagesOf<typeof en>;

export const resource = {
  name: 'Khách hàng tiềm năng',
  fields: {
    name: 'Tên',
    firstName: 'Tên',
    lastName: 'Họ',
    email: 'E-mail',
    phone: 'Điện thoại',
    country: 'Quốc gia',
    language: 'Ngôn ngữ',
    dateOfBirth: 'Ngày sinh',
    source: 'Nguồn',
    campaign: 'Chiến dịch',
    ib: 'Nhà môi giới giới thiệu',
    status: 'Trạng thái',
    temperature: 'Mức độ quan tâm',
    accountManagerId: 'Người quản lý tài khoản',
    branchId: 'Chi nhánh',
    createdAt: 'Ngày tạo',
    lostReason: 'Lý do mất',
    q: 'Tìm kiếm',
  },
} satisfies MessagesOf<typeof enResource>;
