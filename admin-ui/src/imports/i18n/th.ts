import type { MessagesOf } from '../../i18n/types';
import type { imports as en, resource as enResource } from './en';

export const imports = {
  kind: {
    leads: 'ลีด',
    clients: 'ลูกค้า',
    accounts: 'บัญชีซื้อขาย',
    transactions: 'ธุรกรรม',
  },
  status: {
    queued: 'รอคิว',
    running: 'กำลังดำเนินการ',
    done: 'เสร็จแล้ว',
    failed: 'ล้มเหลว',
    dry_run: 'ตรวจแล้ว (ไม่ได้บันทึกสิ่งใด)',
  },
  empty: 'ยังไม่มีการนำเข้า นำเข้าลีด ลูกค้า บัญชีซื้อขาย หรือธุรกรรมจากไฟล์ CSV หรือ XLSX',
  new: {
    title: 'นำเข้าใหม่',
    kind: 'ข้อมูลในไฟล์',
    choose: 'เลือกไฟล์ CSV หรือ XLSX',
    not_supported: 'โปรดเลือกไฟล์ CSV หรือ XLSX',
    read_failed: 'อ่านไฟล์ไม่ได้',
    rows: 'ส่วนหัวมี %{smart_count} คอลัมน์',
    mapping: 'คอลัมน์',
    mapping_hint: 'แต่ละคอลัมน์ของไฟล์จะไปยังฟิลด์ที่มีชื่อเดียวกัน เว้นแต่คุณเลือกฟิลด์อื่นที่นี่',
    column: 'คอลัมน์ในไฟล์',
    field: 'ฟิลด์',
    by_name: 'ตามชื่อ',
    by_name_field: 'ตามชื่อ (%{field})',
    leave_out: 'ไม่นำเข้า',
    unknown: 'ไม่มีฟิลด์ชื่อนี้: เลือกฟิลด์หรือไม่นำเข้าคอลัมน์นี้',
    check: 'ตรวจไฟล์',
    start: 'นำเข้า',
    checked: 'ตรวจแล้ว: %{total} แถว ถูกต้อง %{valid} แถว ไม่ถูกต้อง %{invalid} แถว ไม่ได้บันทึกสิ่งใด',
    all_valid: 'ทุกแถวถูกต้อง',
    invalid_title: 'แถวที่ไม่ถูกต้อง',
    more: 'และอีก %{smart_count} แถว',
  },
  show: {
    progress: '%{processed} จาก %{total} แถว',
    applied: 'นำไปใช้แล้ว',
    rejected: 'ถูกปฏิเสธ',
    total: 'จำนวนแถว',
    download: 'ดาวน์โหลดแถวที่ถูกปฏิเสธ',
    rejects_title: 'แถวที่ถูกปฏิเสธ',
    no_rejects: 'ไม่มีแถวที่ถูกปฏิเสธ',
    cases: 'เคสพัฒนาลูกค้าของลีดใหม่: เริ่มแล้ว %{processed} จาก %{total}',
  },
  column: {
    line: 'บรรทัด',
    field: 'ฟิลด์',
    reason: 'เหตุผล',
    values: 'ค่า',
  },
} satisfies MessagesOf<typeof en>;

export const resource = {
  name: 'การนำเข้า',
  fields: {
    createdAt: 'อัปโหลดเมื่อ',
    kind: 'ประเภท',
    fileName: 'ไฟล์',
    status: 'สถานะ',
    progress: 'ความคืบหน้า',
    total: 'จำนวนแถว',
    applied: 'นำไปใช้แล้ว',
    rejected: 'ถูกปฏิเสธ',
    createdBy: 'โดย',
    startedAt: 'เริ่มเมื่อ',
    finishedAt: 'เสร็จเมื่อ',
  },
} satisfies MessagesOf<typeof enResource>;
