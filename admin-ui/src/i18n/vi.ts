import type { MessagesOf } from './types';
import type { en } from './en';

export const vi = {
  app: {
    timeline_empty: 'Chưa có sự kiện nào',
    unassigned: 'Chưa phân công',
    system: 'Hệ thống',
  },
  login: {
    title: 'Đăng nhập Broker CRM',
    email: 'Email',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    code: 'Mã',
    code_hint: 'Nhập mã 6 chữ số từ ứng dụng xác thực, hoặc một mã khôi phục.',
    verify: 'Xác minh',
    enrol_title: 'Thiết lập xác thực hai yếu tố',
    enrol_hint: 'Vai trò của bạn yêu cầu xác thực hai yếu tố. Hãy thêm khóa này vào ứng dụng xác thực (hoặc mở liên kết trên điện thoại), rồi nhập mã mà ứng dụng hiển thị.',
    secret: 'Khóa',
    recovery_title: 'Mã khôi phục',
    recovery_hint: 'Hãy cất giữ các mã này ở nơi an toàn. Mỗi mã cho phép đăng nhập một lần nếu bạn mất điện thoại. Chúng chỉ được hiển thị lúc này.',
    continue: 'Tiếp tục',
  },
  errors: {
    code: {
      VALIDATION_FAILED: 'Một số trường không hợp lệ',
      INVALID_CREDENTIALS: 'Sai email hoặc mật khẩu',
      INVALID_CODE: 'Mã không đúng hoặc đã hết hạn',
      UNAUTHENTICATED: 'Phiên làm việc đã kết thúc, vui lòng đăng nhập lại',
      FORBIDDEN: 'Bạn không được phép thực hiện thao tác này',
      NOT_FOUND: 'Không tìm thấy, hoặc nằm ngoài phạm vi của bạn',
      CONFLICT: 'Dữ liệu vừa bị thay đổi; trang đã được làm mới',
      RATE_LIMITED: 'Thử quá nhiều lần; vui lòng đợi vài phút',
      INTERNAL: 'Máy chủ gặp lỗi; vui lòng thử lại',
    },
    reason: {
      TWO_FACTOR_ENROLMENT_REQUIRED: 'Vui lòng thiết lập xác thực hai yếu tố trước',
      TASK_ALREADY_CLAIMED: 'Người khác vừa nhận công việc này',
      FOUR_EYES: 'Cần người khác phê duyệt: bạn đã xử lý một bước trước của hồ sơ này',
      STEP_NOT_OPEN: 'Bước này đã đóng',
    },
  },
  sla: {
    state: {
      on_track: 'Đúng hạn',
      at_risk: 'Có nguy cơ trễ',
      breached: 'Quá hạn',
      paused: 'Tạm dừng',
    },
    left: 'còn %{time}',
    overdue: 'quá hạn %{time}',
    paused: 'Đồng hồ tạm dừng',
    units: {
      d: '%{n} ngày',
      h: '%{n} giờ',
      m: '%{n} phút',
      s: '%{n} giây',
    },
  },
  inbox: {
    title: 'Hộp công việc',
    tabs: {
      mine: 'Việc của tôi',
      team: 'Hàng đợi của nhóm',
    },
    status: {
      open: 'Chờ nhận',
      claimed: 'Đang xử lý',
      completed: 'Hoàn thành',
      cancelled: 'Đã hủy',
    },
    actions: {
      claim: 'Nhận việc',
      release: 'Trả lại',
      complete: 'Hoàn thành',
      reassign: 'Phân công lại',
    },
    claimed: 'Đã nhận công việc',
    released: 'Đã trả công việc về hàng đợi',
    completed: 'Đã hoàn thành bước',
    reassigned: 'Đã phân công lại công việc',
    bulk_reassigned: 'Đã phân công lại %{ok}/%{total} công việc',
    reassign: {
      title: 'Phân công lại',
      assignee: 'Người phụ trách mới',
      confirm: 'Phân công lại',
    },
    form: {
      title: 'Hoàn thành bước này',
      outcome: 'Kết quả',
      submit: 'Hoàn thành bước',
      claim_first: 'Hãy nhận công việc này trước khi hoàn thành.',
      not_yours: 'Công việc này được giao cho %{name}.',
      closed: 'Trạng thái công việc: %{status}.',
    },
    no_open_tasks: 'Không có công việc đang mở',
  },
  notification: {
    bell: 'Thông báo',
    empty: 'Không có thông báo chưa đọc',
    marked_all: 'Đã đánh dấu tất cả thông báo là đã đọc',
    message: {
      task_assigned: 'Giao cho bạn: %{step} (%{client})',
      task_available: 'Công việc mới trong hàng đợi: %{step} (%{client})',
      sla_reminder: 'Đã qua %{percent}% thời hạn của %{step} (%{client})',
      sla_escalation: 'Chuyển cấp %{level}: %{step} đã quá hạn (%{client})',
      case_breach: 'Đã trễ hạn xử lý hồ sơ (%{client})',
    },
    type: {
      task_assigned: 'Bạn được giao một công việc',
      task_available: 'Có công việc mới trong hàng đợi',
      sla_reminder: 'Nhắc hạn SLA',
      sla_escalation: 'Chuyển cấp SLA',
      case_update: 'Cập nhật hồ sơ',
    },
    actions: {
      mark_read: 'Đã đọc',
      mark_all_read: 'Đánh dấu tất cả đã đọc',
      see_all: 'Xem tất cả',
    },
  },
  dashboard: {
    agent: {
      title: 'Công việc của tôi',
      next_due: 'Sắp đến hạn',
      nothing: 'Hiện không có việc nào được giao cho bạn',
    },
  },
  client: {
    kyc_status: {
      pending: 'Chờ thẩm định',
      in_review: 'Đang thẩm định',
      approved: 'Đã phê duyệt',
      rejected: 'Đã từ chối',
      suspended: 'Tạm đình chỉ',
    },
  },
  resources: {
    tasks: {
      name: 'Công việc',
      fields: {
        caseId: 'Hồ sơ',
        caseType: 'Loại hồ sơ',
        client: {
          name: 'Khách hàng',
        },
        step: 'Bước',
        status: 'Trạng thái',
        assignee: {
          name: 'Người phụ trách',
        },
        priority: 'Ưu tiên',
        dueAt: 'Thời gian còn lại',
        slaState: 'SLA',
        createdAt: 'Ngày tạo',
      },
    },
    clients: {
      name: 'Khách hàng',
      fields: {
        name: 'Tên',
        email: 'Email',
        phone: 'Điện thoại',
        country: 'Quốc gia',
        kycStatus: 'Trạng thái KYC',
      },
    },
    notifications: {
      name: 'Thông báo',
      fields: {
        createdAt: 'Thời gian nhận',
        type: 'Loại',
        title: 'Tiêu đề',
        body: 'Chi tiết',
        unread: 'Chưa đọc',
        data: {
          reference: 'Hồ sơ',
        },
      },
    },
  },
} satisfies MessagesOf<typeof en>;
