import type { BirthDate } from '../types';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

/** "12 Mar 1960" | "Mar 1960" | "1960" | "1960-03-12" → "1960-03-12" | "1960-03" | "1960". */
export function partialDate(text: string): string | undefined {
  const t = text.trim().replace(/\.$/, '');
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(t);
  if (m) return [m[1], m[2], m[3]].filter(Boolean).join('-');
  m = /^(?:(\d{1,2})\s+)?([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$/.exec(t);
  if (m && MONTHS[m[2].toLowerCase()]) {
    const ym = `${m[3]}-${pad(MONTHS[m[2].toLowerCase()])}`;
    return m[1] ? `${ym}-${pad(Number(m[1]))}` : ym;
  }
  return undefined;
}

/** OFAC's DOB remark value: dates, "circa …", and ranges "1955 to 1957" / "circa 1979-1982". */
export function parseOfacDob(text: string): BirthDate | undefined {
  let t = text.trim().replace(/\.$/, '');
  const circa = /^circa\s+/i.test(t);
  if (circa) t = t.replace(/^circa\s+/i, '');
  const range = /^(.+?)\s*(?:\bto\b|-)\s*(.+)$/.exec(t);
  if (range && !/^\d{4}-\d{2}(-\d{2})?$/.test(t)) {
    const from = partialDate(range[1]);
    const to = partialDate(range[2]);
    if (from && to) return { date: from.slice(0, 4), toYear: Number(to.slice(0, 4)), ...(circa ? { circa } : {}) };
  }
  const date = partialDate(t);
  return date ? { date, ...(circa ? { circa } : {}) } : undefined;
}

/** Year span a birth date covers, widened by two years either side when approximate. */
export function yearSpan(d: BirthDate): [number, number] {
  const from = Number(d.date.slice(0, 4));
  const to = d.toYear ?? from;
  return d.circa ? [from - 2, to + 2] : [from, to];
}
