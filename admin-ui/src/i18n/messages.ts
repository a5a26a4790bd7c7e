import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { CASE_TYPES } from '../caseTypes';
import { en } from './en';
import { ra } from './ra';
import { LOCALES, type Locale, type Messages, type OtherLocale, type Translations } from './types';

export const locales = LOCALES.map(({ locale, name }) => ({ locale, name }));

const merge = (base: Messages, over: Messages): Messages => {
  const out: Messages = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const below = out[key];
    out[key] = typeof value === 'object' && typeof below === 'object' ? merge(below, value) : value;
  }
  return out;
};

// The shell's own strings; a case type brings its own (caseTypeModule.ts).
const shell: Translations = {
  en,
  ru: () => import('./ru').then((m) => m.ru),
  zh: () => import('./zh').then((m) => m.zh),
  th: () => import('./th').then((m) => m.th),
  vi: () => import('./vi').then((m) => m.vi),
};

// react-admin's, the shell's and every case type's messages.
const english = CASE_TYPES.reduce((out, t) => merge(out, t.messages.en), merge(englishMessages as Messages, en));
const catalogs = new Map<string, Messages>([['en', english]]);

const isOther = (locale: string): locale is OtherLocale => locale !== 'en' && LOCALES.some((l) => l.locale === locale);

/** Loads a language's messages (once): each laid over English, so a key missing in one shows in English. */
export const loadMessages = async (locale: string): Promise<Messages> => {
  const loaded = catalogs.get(locale);
  if (loaded) return loaded;
  if (!isOther(locale)) return english;
  const parts = await Promise.all([ra[locale](), shell[locale](), ...CASE_TYPES.map((t) => t.messages[locale]())]);
  const messages = parts.reduce(merge, english);
  catalogs.set(locale, messages);
  return messages;
};

/** What react-admin's polyglot provider asks for: the messages, or a promise of them the first time. */
export const messagesFor = (locale: string): TranslationMessages | Promise<TranslationMessages> =>
  (catalogs.get(locale) ?? loadMessages(locale)) as TranslationMessages | Promise<TranslationMessages>;

/** "zh-CN" → "zh" when we have it, else undefined. */
export const supportedLocale = (candidate: string | null | undefined): Locale | undefined => {
  const base = candidate?.toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((l) => l.locale === base)?.locale;
};
