import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { CASE_TYPES } from '../caseTypes';
import { en } from './en';
import { ra as raOwn } from './ra';
import { ru } from './ru';
import { th } from './th';
import { LOCALES, type Locale, type Messages } from './types';
import { vi } from './vi';
import { zh } from './zh';

export const locales = LOCALES.map(({ locale, name }) => ({ locale, name }));

const merge = (base: Messages, over: Messages): Messages => {
  const out: Messages = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const below = out[key];
    out[key] = typeof value === 'object' && typeof below === 'object' ? merge(below, value) : value;
  }
  return out;
};

const shell: Record<Locale, Messages> = { en, ru, zh, th, vi };
const reactAdmin: Record<Locale, Messages> = { en: englishMessages as Messages, ...raOwn };

/** One language's messages: react-admin's own, the shell's, and every case type's. */
const own = (locale: Locale): Messages =>
  CASE_TYPES.reduce((out, t) => merge(out, t.messages[locale]), merge(reactAdmin[locale], shell[locale]));

const english = own('en');
// Every language is laid over English, so a key nobody translated yet shows in English rather than as a key.
const catalog = Object.fromEntries(LOCALES.map(({ locale }) => [locale, locale === 'en' ? english : merge(english, own(locale))]));

export const messagesFor = (locale: string) => (catalog[locale] ?? english) as TranslationMessages;

/** "zh-CN" → "zh" when we have it, else undefined. */
export const supportedLocale = (candidate: string | null | undefined) => {
  const base = candidate?.toLowerCase().split(/[-_]/)[0];
  return locales.find((l) => l.locale === base)?.locale;
};
