import type { MessagesLike } from '../../i18n/types';
import type { en } from './en';

export const th = {
  kyc_review: {
    title: 'การตรวจสอบ KYC',
    sections: {
      summary: 'การตรวจสอบ',
      risk: 'คะแนนความเสี่ยง',
      checks: 'การตรวจสอบอัตโนมัติ',
      hits: 'ผลการคัดกรองที่ตรงกัน',
      documents: 'เอกสาร',
      next_review: 'การตรวจสอบตามรอบครั้งถัดไป',
      timeline: 'ลำดับเหตุการณ์',
      tasks: 'ขั้นตอนที่เปิดอยู่',
    },
    dashboard: {
      title: 'การปฏิบัติตามกฎระเบียบ',
    },
    task: {
      step: {
        collect_documents: 'รวบรวมเอกสาร',
        screening_review: 'ตรวจสอบผลการคัดกรอง',
        cdd_review: 'การตรวจสอบ CDD',
        source_of_funds: 'แหล่งที่มาของเงินทุน',
        source_of_wealth: 'แหล่งที่มาของความมั่งคั่ง',
        senior_approval: 'การอนุมัติโดยเจ้าหน้าที่อาวุโส',
      },
      outcome: {
        documents_complete: 'เอกสารครบถ้วน',
        request_information: 'ขอข้อมูลเพิ่มจากลูกค้า (หยุดนับเวลา)',
        true_match: 'ตรงกันจริง',
        false_positive: 'ผลบวกลวง',
        approved: 'อนุมัติ',
        rejected: 'ไม่อนุมัติ',
        verified: 'ยืนยันแล้ว',
        not_verified: 'ยืนยันไม่ได้',
      },
      field: {
        note: 'หมายเหตุ',
        request: 'ข้อมูลที่ต้องการจากลูกค้า',
        reason: 'เหตุผล',
        summary: 'สรุปผลการตรวจสอบ',
      },
    },
  },
  resources: {
    'kyc-reviews': {
      name: 'การตรวจสอบ KYC',
    },
  },
} satisfies MessagesLike<typeof en>;
