import polyglotI18nProvider from 'ra-i18n-polyglot';
import { resolveBrowserLocale } from 'react-admin';
import { storedProfile } from '../providers/profile';
import { locales, messagesFor, supportedLocale } from './messages';

const chosenInSwitcher = () => {
  try {
    // react-admin's store (localStorageStore) keeps the switcher's choice as JSON under this key.
    return JSON.parse(localStorage.getItem('RaStore.locale') ?? 'null') as string | null;
  } catch {
    return null;
  }
};

/** The language to start in: the one chosen in the switcher, else the signed-in user's, else the browser's. */
export const initialLocale = () =>
  supportedLocale(chosenInSwitcher()) ?? supportedLocale(storedProfile()?.locale) ?? supportedLocale(resolveBrowserLocale()) ?? 'en';

/** Needs the starting language's messages loaded (loadMessages): react-admin reads them synchronously.
 * allowMissing: keys missing even in English (e.g. a server message shown as is) render as the text itself. */
export const createI18nProvider = (locale: string) => polyglotI18nProvider(messagesFor, locale, locales, { allowMissing: true });
