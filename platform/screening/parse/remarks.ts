import type { BirthDate, Identifier } from '../types';
import { parseOfacDob } from './dates';

// OFAC packs everything but the name into one free-text "Remarks" field of `;`-separated facts:
// "DOB 12 Mar 1960; POB Tikrit, Iraq; nationality Iraq; Passport A123 (Iraq); a.k.a. 'X'; Linked To: Y."

export interface RemarkFacts {
  birthDates: BirthDate[];
  birthPlaces: string[];
  nationalities: string[];
  identifiers: Identifier[];
  aliases: { name: string; kind: 'aka' | 'fka' | 'nka' }[];
  gender?: string;
}

/** Labels that carry an id number, with the kind they normalise to. Checked in order; first match wins. */
const ID_LABELS: [RegExp, string][] = [
  [/\bimo\b/i, 'imo'],
  [/passport/i, 'passport'],
  [/tax|r\.f\.c|rfc|\bnit\b|ruc\b|rtn\b|v\.a\.t|vat|inn\b|c\.u\.i\.t|cuit/i, 'tax_id'],
  [
    /national id|cedula|c\.u\.r\.p|curp|d\.n\.i|dni|identification number|personal id|id card|id no|i\.f\.e|credencial|electoral|c\.u\.i\.p|cartilla|ssn|social security|birth certificate|kebele/i,
    'national_id',
  ],
  [/mmsi/i, 'mmsi'],
  [/swift|bic\b|bik\b/i, 'swift_bic'],
  [
    /registration|register|registry|company number|business|commercial|folio|unified social credit|uscc|ogrn|d-u-n-s|legal entity|lei\b|trade licen[sc]e|certificate of incorporation|chamber of commerce|kpp|okpo|enterprise number/i,
    'registration',
  ],
  [/licen[sc]e/i, 'licence'],
  [/serial number|msn\b|aircraft/i, 'aircraft'],
  [/isin/i, 'isin'],
];

/** Remark labels that look like "Label 123…" but are not identifiers. */
const NOT_ID =
  /^(dob|pob|nationality|citizen|gender|linked to|a\.k\.a|f\.k\.a|n\.k\.a|additional sanctions|executive order|website|email|e-mail|telephone|phone|fax|listing date|effective date|organization established|organization type|target type|secondary sanctions|transactions prohibited|ifca determination|caatsa|equity ticker|purchase\/sales|issuer name|stock ticker|digital currency address|aircraft construction|aircraft manufacture date|aircraft model|aircraft operator|aircraft tail|vessel year|vessel type|other vessel|previous aircraft|ICTY)/i;

const KNOWN_LABEL_WORDS = new Set(['IMO', 'ID', 'NIT', 'RUC', 'RFC', 'SSN', 'RTN', 'BIK', 'MSN', 'RU', 'No']);

function splitRemarks(text: string): string[] {
  const parts: string[] = [];
  let buf = '';
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    // a.k.a. names are single-quoted and may contain ';' and apostrophes ("'ABU MU'AMMAR'")
    if (ch === "'" && (inQuote ? !/\w/.test(text[i + 1] ?? '') : /[afn]\.k\.a\.,?\s*$/i.test(buf))) inQuote = !inQuote;
    if (ch === ';' && !inQuote) {
      parts.push(buf.trim());
      buf = '';
    } else buf += ch;
  }
  parts.push(buf.trim());
  return parts.map((p) => p.replace(/\.$/, '').trim()).filter(Boolean);
}

function identifier(part: string): Identifier | undefined {
  if (NOT_ID.test(part)) return undefined;
  // label = words before the first token holding a digit; number = that token and any digit-bearing tokens after it
  const m = /^(.*?)\s*((?:[A-Z]{0,4}[-/]?\d[\w\-/.]*)(?:\s+[\w\-/.]*\d[\w\-/.]*)*)\s*(?:\(([^)]+)\))?\s*(.*)$/.exec(part);
  if (!m || !m[1]) return undefined;
  let label = m[1].replace(/[#:]\s*$/, '').trim();
  let prefix = '';
  // "Passport RL 0123", "Trade License No. HRB 456": a short capital series prefix belongs to the number
  const series = /^(.*\S)\s+([A-Z]{1,3})$/.exec(label);
  if (series && !KNOWN_LABEL_WORDS.has(series[2])) {
    label = series[1];
    prefix = `${series[2]} `;
  }
  const kind = ID_LABELS.find(([re]) => re.test(label))?.[1];
  if (!kind || label.split(/\s+/).length > 8) return undefined;
  const number = prefix + m[2].replace(/[.,]$/, '');
  const id: Identifier = { type: kind, label, number };
  if (m[3]) id.country = m[3].trim();
  if (m[4]) id.note = m[4].trim();
  return id;
}

export function parseRemarks(text: string | undefined): RemarkFacts {
  const facts: RemarkFacts = { birthDates: [], birthPlaces: [], nationalities: [], identifiers: [], aliases: [] };
  if (!text) return facts;
  for (const raw of splitRemarks(text)) {
    const part = raw.replace(/^alt\.\s+/i, '');
    let m: RegExpExecArray | null;
    if ((m = /^DOB\s+(.+)$/i.exec(part))) {
      const d = parseOfacDob(m[1]);
      if (d) facts.birthDates.push(d);
    } else if ((m = /^POB\s+(.+)$/i.exec(part))) facts.birthPlaces.push(m[1].trim());
    else if ((m = /^(?:nationality|citizen)\s+(.+)$/i.exec(part))) facts.nationalities.push(m[1].trim());
    else if ((m = /^SWIFT\/BIC\s+([A-Z0-9]{8,11})$/.exec(part)))
      facts.identifiers.push({ type: 'swift_bic', label: 'SWIFT/BIC', number: m[1] });
    else if ((m = /^Gender\s+(.+)$/i.exec(part))) facts.gender = m[1].trim();
    else if ((m = /^([afn])\.k\.a\.?,?\s+['"](.+)['"]$/i.exec(part)))
      facts.aliases.push({ name: m[2].trim(), kind: `${m[1].toLowerCase()}ka` as 'aka' | 'fka' | 'nka' });
    else {
      const id = identifier(part);
      if (id) facts.identifiers.push(id);
    }
  }
  facts.nationalities = [...new Set(facts.nationalities)];
  return facts;
}
