import type { MessagesLike } from '../../i18n/types';
import type { en } from './en';

export const vi = {
  kyc_review: {
    title: 'Thẩm định KYC',
    sections: {
      summary: 'Thẩm định',
      risk: 'Điểm rủi ro',
      checks: 'Kiểm tra tự động',
      hits: 'Kết quả sàng lọc trùng khớp',
      documents: 'Tài liệu',
      next_review: 'Lần thẩm định định kỳ tiếp theo',
      timeline: 'Dòng thời gian',
      tasks: 'Các bước đang mở',
    },
    dashboard: {
      title: 'Tuân thủ',
    },
    task: {
      step: {
        collect_documents: 'Thu thập tài liệu',
        screening_review: 'Xem xét kết quả sàng lọc',
        cdd_review: 'Thẩm định CDD',
        source_of_funds: 'Nguồn tiền',
        source_of_wealth: 'Nguồn gốc tài sản',
        senior_approval: 'Phê duyệt cấp cao',
      },
      outcome: {
        documents_complete: 'Đã đủ tài liệu',
        request_information: 'Yêu cầu khách hàng cung cấp thông tin (tạm dừng đồng hồ)',
        true_match: 'Trùng khớp thật',
        false_positive: 'Cảnh báo nhầm',
        approved: 'Phê duyệt',
        rejected: 'Từ chối',
        verified: 'Đã xác minh',
        not_verified: 'Không xác minh được',
      },
      field: {
        note: 'Ghi chú',
        request: 'Thông tin cần từ khách hàng',
        reason: 'Lý do',
        summary: 'Tóm tắt kết quả',
      },
    },
  },
  resources: {
    'kyc-reviews': {
      name: 'Thẩm định KYC',
    },
  },
} satisfies MessagesLike<typeof en>;
