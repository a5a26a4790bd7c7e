import type { MessagesOf } from '../../i18n/types';
import type { en } from './en';

export const vi = {
  internal_request: {
    kind: {
      document: 'Tài liệu',
      callback: 'Gọi lại',
      data_correction: 'Sửa dữ liệu',
      other: 'Khác',
    },
    status: {
      open: 'Đang mở',
      awaiting_requester: 'Chờ người yêu cầu trả lời',
      closed: 'Đã đóng',
    },
    state: {
      fulfil: 'Nhóm đang xử lý',
      awaiting_requester: 'Hỏi người yêu cầu',
      closed: 'Đã đóng',
    },
    event: {
      case_opened: 'Đã gửi yêu cầu',
      task_opened: 'Mở bước',
      task_claimed: 'Đã nhận',
      task_released: 'Trả về hàng đợi',
      task_reassigned: 'Giao lại',
      task_completed: 'Đã trả lời',
      task_cancelled: 'Đã rút',
      state_changed: 'Chuyển trạng thái',
      sla_reminder: 'Nhắc SLA',
      sla_escalated: 'Đã chuyển cấp',
      case_sla_breached: 'Yêu cầu quá hạn',
    },
    sections: {
      summary: 'Yêu cầu',
      tasks: 'Việc hiện tại',
      timeline: 'Dòng thời gian',
    },
    actions: {
      answer: 'Trả lời câu hỏi',
    },
    dialog: {
      answer: 'Câu trả lời của bạn',
    },
    done: {
      answered: 'Đã gửi câu trả lời; yêu cầu quay lại nhóm',
    },
    task: {
      step: {
        fulfil: 'Xử lý yêu cầu',
      },
      outcome: {
        fulfilled: 'Đã thực hiện (trả lời người yêu cầu)',
        declined: 'Từ chối',
        need_info: 'Hỏi người yêu cầu trước',
      },
      field: {
        reply: 'Trả lời',
        reason: 'Lý do',
        question: 'Câu hỏi',
      },
    },
    empty: 'Không có yêu cầu nào. Nhờ nhóm khác cung cấp tài liệu, gọi lại hoặc sửa dữ liệu bằng nút Tạo.',
    severity: {
      urgent: 'Khẩn',
    },
  },
  resources: {
    'internal-requests': {
      name: 'Yêu cầu nội bộ',
      fields: {
        reference: 'Mã',
        subject: 'Chủ đề',
        client: {
          name: 'Khách hàng',
          id: 'Khách hàng',
        },
        clientId: 'Khách hàng',
        teamId: 'Nhóm được hỏi',
        team: {
          name: 'Nhóm được hỏi',
        },
        requestedBy: {
          name: 'Người yêu cầu',
        },
        kind: 'Loại',
        urgent: 'Khẩn',
        status: 'Trạng thái',
        state: 'Giai đoạn',
        dueAt: 'Hạn',
        details: 'Chi tiết',
        question: 'Câu hỏi',
        answer: 'Câu trả lời',
        reply: 'Phản hồi',
        declineReason: 'Lý do từ chối',
        slaState: 'SLA',
        openedAt: 'Gửi lúc',
        mine: 'Do tôi gửi',
      },
    },
  },
} satisfies MessagesOf<typeof en>;
