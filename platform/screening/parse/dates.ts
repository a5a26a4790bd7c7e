import type { BirthDate } from '../types';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
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

// Dates as people and spreadsheets write them in a client book. Accepted only when the form says which
// number is the day and which the month: year first (1975-03-09, 1975-3-9, 1975/3/9, 1975.3.9, 1975-03,
// 1975), day.month.year with dots (9.3.1975, 09.03.1975: the dotted form is day-first wherever it is used),
// and English month names (9 Mar 1975, 9-Mar-1975, 9 March 1975, March 9, 1975, Mar 1975). Refused:
// day/month/year with slashes or hyphens (03/04/1975 is 3 April in Europe and March 4 in the US), two-digit
// years, impossible dates (1975-02-30) and dates in the future.

export type DateInput = { date: string } | { error: string };

const MONTH_NAMES: Record<string, number> = {
  ...MONTHS,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  sept: 9,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

export const DATE_FORMS = '1975-03-09, 1975-3-9, 9.3.1975, 9 Mar 1975, 1975-03 or 1975';

function checked(text: string, year: number, month?: number, day?: number, today = new Date()): DateInput {
  if (year < 1800) return { error: `"${text}": year ${year} is not a birth year` };
  if (month !== undefined && (month < 1 || month > 12)) return { error: `"${text}": there is no month ${month}` };
  if (day !== undefined && month !== undefined) {
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > days) return { error: `"${text}": there is no day ${day} in ${year}-${pad(month)}` };
  }
  const date = [String(year), ...(month ? [pad(month)] : []), ...(day ? [pad(day)] : [])].join('-');
  const todayIso = today.toISOString().slice(0, 10);
  if (date.localeCompare(todayIso.slice(0, date.length)) > 0) return { error: `"${text}": in the future` };
  return { date };
}

/** A date of a client book as YYYY, YYYY-MM or YYYY-MM-DD, or why it cannot be read (forms above). */
export function parseDateInput(input: string, today = new Date()): DateInput {
  const text = input.trim();
  let m = /^(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2}))?)?$/.exec(text);
  if (m) return checked(text, Number(m[1]), m[3] ? Number(m[3]) : undefined, m[4] ? Number(m[4]) : undefined, today);
  if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text))) return checked(text, Number(m[3]), Number(m[2]), Number(m[1]), today);
  const month = (name: string) => MONTH_NAMES[name.toLowerCase()];
  if ((m = /^(?:(\d{1,2})[ -])?([A-Za-z]+)\.?[ -](\d{4})$/.exec(text)) && month(m[2]))
    return checked(text, Number(m[3]), month(m[2]), m[1] ? Number(m[1]) : undefined, today);
  if ((m = /^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(text)) && month(m[1]))
    return checked(text, Number(m[3]), month(m[1]), Number(m[2]), today);
  if (/^\d{1,2}[/-]\d{1,2}[/-]\d{4}$/.test(text))
    return {
      error: `"${text}" is ambiguous: it does not say which number is the day (03/04/1975: 3 April or March 4?); write it year first, YYYY-MM-DD`,
    };
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/.test(text)) return { error: `"${text}" has a two-digit year; write the year in full` };
  return { error: `"${text}" is not a date; expected ${DATE_FORMS}` };
}
