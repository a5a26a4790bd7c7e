// The header row of an XLSX workbook's first sheet, read in the browser without a spreadsheet library: the file
// is a ZIP of XML parts, inflated with the browser's DecompressionStream and read with DOMParser. Only the header
// is read here (to offer the column mapping); the API parses the whole file (exceljs).

interface Entry {
  method: number;
  compressedSize: number;
  localOffset: number;
}

const entries = (zip: DataView): Map<string, Entry> => {
  let end = zip.byteLength - 22;
  while (end >= 0 && zip.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a ZIP file');
  const count = zip.getUint16(end + 10, true);
  let at = zip.getUint32(end + 16, true);
  const out = new Map<string, Entry>();
  const decoder = new TextDecoder();
  for (let n = 0; n < count && zip.getUint32(at, true) === 0x02014b50; n++) {
    const nameLength = zip.getUint16(at + 28, true);
    const name = decoder.decode(new Uint8Array(zip.buffer, zip.byteOffset + at + 46, nameLength));
    out.set(name, {
      method: zip.getUint16(at + 10, true),
      compressedSize: zip.getUint32(at + 20, true),
      localOffset: zip.getUint32(at + 42, true),
    });
    at += 46 + nameLength + zip.getUint16(at + 30, true) + zip.getUint16(at + 32, true);
  }
  return out;
};

const read = async (zip: DataView, entry: Entry): Promise<string> => {
  const local = entry.localOffset;
  const start = local + 30 + zip.getUint16(local + 26, true) + zip.getUint16(local + 28, true);
  const bytes = new Uint8Array(zip.buffer as ArrayBuffer, zip.byteOffset + start, entry.compressedSize);
  if (entry.method === 0) return new TextDecoder().decode(bytes);
  if (entry.method !== 8) throw new Error(`unsupported ZIP compression ${entry.method}`);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
};

const xml = (text: string) => new DOMParser().parseFromString(text, 'application/xml');
const byTag = (node: Document | Element, tag: string) => [...node.getElementsByTagNameNS('*', tag)];

/** The first sheet's path: the workbook's first <sheet>, through its relationships; else sheet1. */
const firstSheet = async (zip: DataView, files: Map<string, Entry>): Promise<string> => {
  const workbook = files.get('xl/workbook.xml');
  const rels = files.get('xl/_rels/workbook.xml.rels');
  if (workbook && rels) {
    const sheet = byTag(xml(await read(zip, workbook)), 'sheet')[0];
    const rid = sheet && [...sheet.attributes].find((a) => a.localName === 'id')?.value;
    const target = byTag(xml(await read(zip, rels)), 'Relationship')
      .find((r) => r.getAttribute('Id') === rid)
      ?.getAttribute('Target');
    if (target) return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  return 'xl/worksheets/sheet1.xml';
};

/** "AB1" → 27 */
const columnIndex = (ref: string) => [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** The column names in the first row of the workbook's first sheet. */
export const xlsxColumns = async (buffer: ArrayBuffer): Promise<string[]> => {
  const zip = new DataView(buffer);
  const files = entries(zip);
  const sheetEntry = files.get(await firstSheet(zip, files));
  if (!sheetEntry) return [];
  const strings = files.get('xl/sharedStrings.xml');
  const shared = strings
    ? byTag(xml(await read(zip, strings)), 'si').map((si) =>
        byTag(si, 't')
          .map((t) => t.textContent ?? '')
          .join(''),
      )
    : [];
  const firstRow = byTag(xml(await read(zip, sheetEntry)), 'row')[0];
  if (!firstRow) return [];
  const header: string[] = [];
  for (const cell of byTag(firstRow, 'c')) {
    const type = cell.getAttribute('t');
    const value =
      type === 'inlineStr'
        ? byTag(cell, 't')
            .map((t) => t.textContent ?? '')
            .join('')
        : (byTag(cell, 'v')[0]?.textContent ?? '');
    const text = type === 's' ? (shared[Number(value)] ?? '') : value;
    header[columnIndex(cell.getAttribute('r') ?? 'A')] = text.trim();
  }
  return [...header].filter((c): c is string => !!c);
};
