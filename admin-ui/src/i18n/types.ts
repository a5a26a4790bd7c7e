/** The console's languages, in the order the switcher offers them. */
export const LOCALES = [
  { locale: 'en', name: 'English' },
  { locale: 'ru', name: 'Русский' },
  { locale: 'zh', name: '简体中文' },
  { locale: 'th', name: 'ไทย' },
  { locale: 'vi', name: 'Tiếng Việt' },
] as const;
export type Locale = (typeof LOCALES)[number]['locale'];

/** A tree of messages (polyglot format: `%{name}` placeholders, `||||` between plural forms). */
export type Messages = { [key: string]: string | Messages };

/** A translation of the English messages T: every key, nothing else (checked with `satisfies`). */
export type MessagesOf<T> = { [K in keyof T]: T[K] extends string ? string : MessagesOf<T[K]> };

export type OtherLocale = Exclude<Locale, 'en'>;

/** A set of messages in every language: English at hand (the catalog's base: every page needs it), the others
 * loaded when the user picks that language (`() => import('./ru').then((m) => m.ru)`), so nobody downloads
 * the four languages they do not read. */
export type Translations = { en: Messages } & { [L in OtherLocale]: () => Promise<Messages> };
