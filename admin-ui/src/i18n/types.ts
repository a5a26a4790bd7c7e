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

/** One set of messages per language. */
export type Translations = Record<Locale, Messages>;
