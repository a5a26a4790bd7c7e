import type { MessagesOf } from '../../i18n/types';
import type { lead as en, resource as enResource } from './en';

export const lead = {
  status: {
    new: 'ใหม่',
    contacted: 'ติดต่อแล้ว',
    qualified: 'ผ่านการคัดกรอง',
    converted: 'เป็นลูกค้าแล้ว',
    lost: 'สูญเสีย',
    merged: 'รวมแล้ว',
  },
  temperature: {
    hot: 'ร้อน',
    warm: 'อุ่น',
    cold: 'เย็น',
  },
  utm: {
    source: 'UTM source',
    medium: 'UTM medium',
    campaign: 'UTM campaign',
    term: 'UTM term',
    content: 'UTM content',
  },
  filter: {
    duplicate: 'มีรายการซ้ำที่รอตรวจ',
  },
  queue: {
    title: 'ตรวจรายการซ้ำ',
  },
  empty: 'ไม่พบลีดที่ตรงกัน ค้นหาด้วยชื่อ อีเมล หรือโทรศัพท์ หรือเพิ่มลีด',
  not_found: 'ไม่มีลีดนี้ หรือคุณไม่มีสิทธิ์ดู',
  unassigned: 'ยังไม่มอบหมาย',
  you: 'คุณ',
  became_client: 'ลีดนี้กลายเป็นลูกค้า',
  merged_into: {
    lead: 'รวมเข้ากับลีด',
    client: 'รวมเข้ากับลูกค้า',
  },
  sections: {
    lead: 'ลีด',
    attribution: 'ที่มา',
    duplicates: 'รายการที่อาจซ้ำ',
  },
  duplicates: {
    none: 'ไม่พบรายการซ้ำ',
    open_count: 'อาจซ้ำ %{smart_count} รายการ',
    other: 'อีกรายการ',
    kind_column: 'ประเภท',
    reason: 'เหตุผล',
    score: 'คะแนน',
    status: 'สถานะ',
    kind: {
      lead: 'ลีด',
      client: 'ลูกค้า',
    },
    reasons: {
      email: 'อีเมลเดียวกัน',
      phone: 'โทรศัพท์เดียวกัน',
      name_dob: 'ชื่อคล้ายกัน วันเกิดเดียวกัน',
    },
    statuses: {
      open: 'รอตรวจ',
      merged: 'รวมแล้ว',
      dismissed: 'ไม่ซ้ำ',
    },
  },
  merge: {
    button: 'รวมเข้ากับ',
    title: 'รวมลีดนี้หรือไม่',
    confirm_lead: 'รวม %{lead} เข้ากับลีด %{other} หรือไม่ ช่องที่ว่างของลีดนั้นจะเติมจากลีดนี้ การติดต่อจะย้ายไปที่นั่น และลีดนี้จะเป็นสถานะรวมแล้ว ย้อนกลับไม่ได้',
    confirm_client:
      'รวม %{lead} เข้ากับลูกค้า %{other} หรือไม่ อีเมลและโทรศัพท์จะเพิ่มในช่องทางติดต่อของลูกค้า การติดต่อจะย้ายไปที่นั่น และลีดนี้จะเป็นสถานะรวมแล้ว ย้อนกลับไม่ได้',
    done: 'รวมแล้ว',
  },
  dismiss: {
    button: 'ไม่ซ้ำ',
    done: 'ทำเครื่องหมายว่าไม่ซ้ำแล้ว',
  },
  create: {
    title: 'ลีดใหม่',
    done: 'สร้างลีดแล้ว ไม่พบรายการซ้ำ',
    created: 'สร้างลีดแล้ว: %{name}',
    duplicates: 'อาจซ้ำกับ %{smart_count} รายการที่มีอยู่แล้ว:',
    review_hint: 'เปิดลีดเพื่อรวม หรือทำเครื่องหมายว่าไม่ซ้ำ',
    open: 'เปิดลีด',
    phone_hint: 'รูปแบบใดก็ได้ หมายเลขในประเทศจะอ่านตามประเทศด้านล่าง',
    country_hint: 'ตัวอักษรสองตัว เช่น GB',
    country_invalid: 'ตัวอักษรสองตัว เช่น GB',
    language_hint: 'เช่น en หรือ zh-CN',
    language_invalid: 'รหัสภาษา เช่น en หรือ zh-CN',
    manager_hint: 'เว้นว่าง: กฎการมอบหมายจะเลือก',
    assign_to_me: 'มอบหมายให้ฉัน (ไม่เช่นนั้นกฎการมอบหมายจะเลือก)',
  },
} satisfies MessagesOf<typeof en>;

export const resource = {
  name: 'ลีด',
  fields: {
    name: 'ชื่อ',
    firstName: 'ชื่อ',
    lastName: 'นามสกุล',
    email: 'อีเมล',
    phone: 'โทรศัพท์',
    country: 'ประเทศ',
    language: 'ภาษา',
    dateOfBirth: 'วันเกิด',
    source: 'แหล่งที่มา',
    campaign: 'แคมเปญ',
    ib: 'โบรกเกอร์แนะนำ',
    status: 'สถานะ',
    temperature: 'ระดับความสนใจ',
    accountManagerId: 'ผู้ดูแลบัญชี',
    branchId: 'สาขา',
    createdAt: 'สร้างเมื่อ',
    lostReason: 'เหตุผลที่สูญเสีย',
    q: 'ค้นหา',
  },
} satisfies MessagesOf<typeof enResource>;
