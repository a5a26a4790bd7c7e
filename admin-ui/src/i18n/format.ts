import { useMemo } from 'react';
import { useLocaleState } from 'react-admin';

// The region a console language's dates and numbers follow when the browser prefers no variant of that
// language: English as in the United Kingdom (the demo branch is London), the others as where they are spoken.
const DEFAULT_REGION: Record<string, string> = { en: 'en-GB', ru: 'ru-RU', zh: 'zh-CN', th: 'th-TH', vi: 'vi-VN' };

const browserLanguages = (): readonly string[] => (typeof navigator === 'undefined' ? [] : (navigator.languages ?? []));

/**
 * The locale dates and numbers are written in, for a console language: the browser's own variant of that
 * language when it prefers one (en-GB, en-US, en-IN, zh-SG...), so staff see their usual formats; else the
 * language's default region (English: en-GB, not the US format).
 */
export const formatLocale = (language: string, preferred: readonly string[] = browserLanguages()) =>
  preferred.find((l) => l.toLowerCase().split('-')[0] === language) ?? DEFAULT_REGION[language] ?? language;

type When = string | number | Date;

/** Dates, numbers and country names in the console's language and the user's region. */
export const useFormat = () => {
  const [language] = useLocaleState();
  return useMemo(() => {
    const locale = formatLocale(language);
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const regions = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
    return {
      locale,
      date: (when: When) => date.format(new Date(when)),
      dateTime: (when: When) => dateTime.format(new Date(when)),
      /** how long ago (or until): "now", "5 min ago", "yesterday"; past a week, the date */
      ago: (when: When, now = Date.now()) => {
        const seconds = Math.round((new Date(when).getTime() - now) / 1000);
        const abs = Math.abs(seconds);
        if (abs < 45) return relative.format(0, 'second');
        if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
        if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour');
        if (abs < 7 * 86_400) return relative.format(Math.round(seconds / 86_400), 'day');
        return date.format(new Date(when));
      },
      number: (n: number, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options).format(n),
      /** 0.953 → "95.3%" */
      percent: (fraction: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(fraction),
      /** "GB" → "United Kingdom" (in the console's language); anything else as it is. */
      country: (code: string) => {
        try {
          return regions.of(code.toUpperCase()) ?? code;
        } catch {
          return code;
        }
      },
    };
  }, [language]);
};
