import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { en } from './en';
import { ru } from './ru';
import { th } from './th';
import { vi } from './vi';
import { zh } from './zh';

type Messages = { [key: string]: string | Messages };

export const locales = [
  { locale: 'en', name: 'English' },
  { locale: 'ru', name: 'Русский' },
  { locale: 'zh', name: '简体中文' },
  { locale: 'th', name: 'ไทย' },
  { locale: 'vi', name: 'Tiếng Việt' },
];

const merge = (base: Messages, over: Messages): Messages => {
  const out: Messages = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const below = out[key];
    out[key] = typeof value === 'object' && typeof below === 'object' ? merge(below, value) : value;
  }
  return out;
};

const english = merge(englishMessages as Messages, en);

// Every language is laid over English, so a key nobody translated yet shows in English.
const catalog: Record<string, Messages> = {
  en: english,
  ru: merge(english, ru),
  zh: merge(english, zh),
  th: merge(english, th),
  vi: merge(english, vi),
};

export const messagesFor = (locale: string) => (catalog[locale] ?? english) as TranslationMessages;

/** "zh-CN" → "zh" when we have it, else undefined. */
export const supportedLocale = (candidate: string | null | undefined) => {
  const base = candidate?.toLowerCase().split(/[-_]/)[0];
  return locales.find((l) => l.locale === base)?.locale;
};
