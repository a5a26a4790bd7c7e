import type { MessagesOf } from '../../i18n/types';
import type { en } from './en';

export const th = {
  internal_request: {
    kind: {
      document: 'เอกสาร',
      callback: 'โทรกลับ',
      data_correction: 'แก้ไขข้อมูล',
      other: 'อื่น ๆ',
    },
    status: {
      open: 'เปิด',
      awaiting_requester: 'รอผู้ขอตอบ',
      closed: 'ปิด',
    },
    state: {
      fulfil: 'อยู่กับทีม',
      awaiting_requester: 'ถามผู้ขอ',
      closed: 'ปิด',
    },
    event: {
      case_opened: 'ส่งคำขอแล้ว',
      task_opened: 'เปิดขั้นตอน',
      task_claimed: 'รับงานแล้ว',
      task_released: 'คืนเข้าคิว',
      task_reassigned: 'มอบหมายใหม่',
      task_completed: 'ตอบแล้ว',
      task_cancelled: 'ถอนแล้ว',
      state_changed: 'เปลี่ยนสถานะ',
      sla_reminder: 'แจ้งเตือน SLA',
      sla_escalated: 'ยกระดับ',
      case_sla_breached: 'คำขอเกินกำหนด',
    },
    sections: {
      summary: 'คำขอ',
      tasks: 'งานปัจจุบัน',
      timeline: 'ไทม์ไลน์',
    },
    actions: {
      answer: 'ตอบคำถาม',
    },
    dialog: {
      answer: 'คำตอบของคุณ',
    },
    done: {
      answered: 'ส่งคำตอบแล้ว คำขอกลับไปที่ทีม',
    },
    task: {
      step: {
        fulfil: 'ดำเนินการตามคำขอ',
      },
      outcome: {
        fulfilled: 'ดำเนินการแล้ว (ตอบกลับผู้ขอ)',
        declined: 'ปฏิเสธ',
        need_info: 'ถามผู้ขอก่อน',
      },
      field: {
        reply: 'คำตอบ',
        reason: 'เหตุผล',
        question: 'คำถาม',
      },
    },
    empty: 'ไม่มีคำขอ ขอเอกสาร การโทรกลับ หรือการแก้ไขข้อมูลจากทีมอื่นด้วยปุ่มสร้าง',
    severity: {
      urgent: 'ด่วน',
    },
  },
  resources: {
    'internal-requests': {
      name: 'คำขอภายใน',
      fields: {
        reference: 'เลขที่',
        subject: 'เรื่อง',
        client: {
          name: 'ลูกค้า',
          id: 'ลูกค้า',
        },
        clientId: 'ลูกค้า',
        teamId: 'ทีมที่ขอ',
        team: {
          name: 'ทีมที่ขอ',
        },
        requestedBy: {
          name: 'ผู้ขอ',
        },
        kind: 'ประเภท',
        urgent: 'ด่วน',
        status: 'สถานะ',
        state: 'ขั้น',
        dueAt: 'กำหนด',
        details: 'รายละเอียด',
        question: 'คำถาม',
        answer: 'คำตอบของผู้ขอ',
        reply: 'คำตอบของทีม',
        declineReason: 'เหตุผลที่ปฏิเสธ',
        slaState: 'SLA',
        openedAt: 'ส่งเมื่อ',
        mine: 'ที่ฉันขอ',
      },
    },
  },
} satisfies MessagesOf<typeof en>;
