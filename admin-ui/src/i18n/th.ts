import type { MessagesOf } from './types';
import type { en } from './en';

export const th = {
  app: {
    timeline_empty: 'ยังไม่มีเหตุการณ์',
    unassigned: 'ยังไม่มอบหมาย',
    system: 'ระบบ',
  },
  login: {
    title: 'เข้าสู่ระบบ Broker CRM',
    email: 'อีเมล',
    password: 'รหัสผ่าน',
    submit: 'เข้าสู่ระบบ',
    code: 'รหัส',
    code_hint: 'กรอกรหัส 6 หลักจากแอปยืนยันตัวตน หรือรหัสกู้คืน',
    verify: 'ยืนยัน',
    enrol_title: 'ตั้งค่าการยืนยันตัวตนแบบสองขั้นตอน',
    enrol_hint: 'บทบาทของคุณต้องใช้การยืนยันตัวตนแบบสองขั้นตอน เพิ่มคีย์นี้ในแอปยืนยันตัวตน (หรือเปิดลิงก์บนโทรศัพท์) แล้วกรอกรหัสที่แอปแสดง',
    secret: 'คีย์',
    recovery_title: 'รหัสกู้คืน',
    recovery_hint: 'เก็บรหัสเหล่านี้ไว้ในที่ปลอดภัย แต่ละรหัสใช้เข้าสู่ระบบได้หนึ่งครั้งหากคุณทำโทรศัพท์หาย รหัสจะแสดงเฉพาะตอนนี้เท่านั้น',
    continue: 'ดำเนินการต่อ',
  },
  errors: {
    code: {
      VALIDATION_FAILED: 'ข้อมูลบางช่องไม่ถูกต้อง',
      INVALID_CREDENTIALS: 'อีเมลหรือรหัสผ่านไม่ถูกต้อง',
      INVALID_CODE: 'รหัสไม่ถูกต้องหรือหมดอายุแล้ว',
      UNAUTHENTICATED: 'เซสชันสิ้นสุดแล้ว โปรดเข้าสู่ระบบอีกครั้ง',
      FORBIDDEN: 'คุณไม่มีสิทธิ์ทำรายการนี้',
      NOT_FOUND: 'ไม่พบข้อมูล หรืออยู่นอกขอบเขตสิทธิ์ของคุณ',
      CONFLICT: 'ข้อมูลถูกเปลี่ยนแปลงระหว่างนี้ รีเฟรชหน้าให้แล้ว',
      RATE_LIMITED: 'พยายามหลายครั้งเกินไป โปรดรอสักครู่',
      INTERNAL: 'เซิร์ฟเวอร์เกิดข้อผิดพลาด โปรดลองอีกครั้ง',
    },
    reason: {
      TWO_FACTOR_ENROLMENT_REQUIRED: 'โปรดตั้งค่าการยืนยันตัวตนแบบสองขั้นตอนก่อน',
      TASK_ALREADY_CLAIMED: 'มีผู้อื่นรับงานนี้ไปแล้วเมื่อสักครู่',
      FOUR_EYES: 'ต้องให้ผู้อื่นอนุมัติ เนื่องจากคุณทำขั้นตอนก่อนหน้าของเรื่องนี้',
      STEP_NOT_OPEN: 'ขั้นตอนนี้ปิดไปแล้ว',
    },
  },
  sla: {
    state: {
      on_track: 'ตามกำหนด',
      at_risk: 'เสี่ยงเกินกำหนด',
      breached: 'เกินกำหนด',
      paused: 'หยุดนับเวลา',
    },
    left: 'เหลือ %{time}',
    overdue: 'เกินมา %{time}',
    paused: 'หยุดนับเวลาชั่วคราว',
    units: {
      d: '%{n} วัน',
      h: '%{n} ชม.',
      m: '%{n} นาที',
      s: '%{n} วินาที',
    },
  },
  inbox: {
    title: 'กล่องงาน',
    tabs: {
      mine: 'งานของฉัน',
      team: 'คิวของทีม',
    },
    status: {
      open: 'รอรับงาน',
      claimed: 'กำลังดำเนินการ',
      completed: 'เสร็จสิ้น',
      cancelled: 'ยกเลิก',
    },
    actions: {
      claim: 'รับงาน',
      release: 'คืนงาน',
      complete: 'ทำให้เสร็จ',
      reassign: 'มอบหมายใหม่',
    },
    claimed: 'รับงานแล้ว',
    released: 'คืนงานเข้าคิวแล้ว',
    completed: 'ขั้นตอนเสร็จสิ้น',
    reassigned: 'มอบหมายงานใหม่แล้ว',
    bulk_reassigned: 'มอบหมายใหม่แล้ว %{ok} จาก %{total} งาน',
    reassign: {
      title: 'มอบหมายใหม่',
      assignee: 'ผู้รับผิดชอบคนใหม่',
      confirm: 'มอบหมายใหม่',
    },
    form: {
      title: 'ดำเนินการขั้นตอนนี้ให้เสร็จ',
      outcome: 'ผลลัพธ์',
      submit: 'เสร็จสิ้นขั้นตอน',
      claim_first: 'โปรดรับงานนี้ก่อนจึงจะดำเนินการได้',
      not_yours: 'งานนี้มอบหมายให้ %{name}',
      closed: 'สถานะงาน: %{status}',
    },
    no_open_tasks: 'ไม่มีงานค้าง',
  },
  notification: {
    bell: 'การแจ้งเตือน',
    empty: 'ไม่มีการแจ้งเตือนที่ยังไม่อ่าน',
    marked_all: 'ทำเครื่องหมายอ่านแล้วทั้งหมด',
    message: {
      task_assigned: 'มอบหมายให้คุณ: %{step} (%{client})',
      task_available: 'งานใหม่ในคิว: %{step} (%{client})',
      sla_reminder: 'เวลาสำหรับ %{step} ผ่านไปแล้ว %{percent}% (%{client})',
      sla_escalation: 'ยกระดับขั้นที่ %{level}: %{step} เกินกำหนด (%{client})',
      case_breach: 'เลยกำหนดเวลาของเคส (%{client})',
    },
    type: {
      task_assigned: 'มีงานมอบหมายให้คุณ',
      task_available: 'มีงานใหม่ในคิว',
      sla_reminder: 'เตือนกำหนดเวลา SLA',
      sla_escalation: 'ยกระดับเรื่อง SLA',
      case_update: 'อัปเดตเรื่อง',
    },
    actions: {
      mark_read: 'อ่านแล้ว',
      mark_all_read: 'อ่านแล้วทั้งหมด',
      see_all: 'ดูทั้งหมด',
    },
  },
  dashboard: {
    agent: {
      title: 'งานของฉัน',
      next_due: 'ใกล้ครบกำหนด',
      nothing: 'ขณะนี้ไม่มีงานที่มอบหมายให้คุณ',
    },
  },
  client: {
    kyc_status: {
      pending: 'รอตรวจสอบ',
      in_review: 'กำลังตรวจสอบ',
      approved: 'อนุมัติแล้ว',
      rejected: 'ไม่อนุมัติ',
      suspended: 'ระงับชั่วคราว',
    },
  },
  resources: {
    tasks: {
      name: 'งาน',
      fields: {
        caseId: 'เรื่อง',
        caseType: 'ประเภทเรื่อง',
        client: {
          name: 'ลูกค้า',
        },
        step: 'ขั้นตอน',
        status: 'สถานะ',
        assignee: {
          name: 'ผู้รับผิดชอบ',
        },
        priority: 'ลำดับความสำคัญ',
        dueAt: 'เวลาที่เหลือ',
        slaState: 'SLA',
        createdAt: 'สร้างเมื่อ',
      },
    },
    clients: {
      name: 'ลูกค้า',
      fields: {
        name: 'ชื่อ',
        email: 'อีเมล',
        phone: 'โทรศัพท์',
        country: 'ประเทศ',
        kycStatus: 'สถานะ KYC',
      },
    },
    notifications: {
      name: 'การแจ้งเตือน',
      fields: {
        createdAt: 'ได้รับเมื่อ',
        type: 'ประเภท',
        title: 'หัวข้อ',
        body: 'รายละเอียด',
        unread: 'ยังไม่อ่าน',
        data: {
          reference: 'เคส',
        },
      },
    },
  },
} satisfies MessagesOf<typeof en>;
