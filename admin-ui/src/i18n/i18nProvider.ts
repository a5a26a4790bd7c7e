import polyglotI18nProvider from 'ra-i18n-polyglot';
import { resolveBrowserLocale } from 'react-admin';
import { storedProfile } from '../providers/authProvider';
import { locales, messagesFor, supportedLocale } from './messages';

// The signed-in user's language if we know it, else the browser's (a choice made in the switcher wins over both:
// react-admin keeps it in its store).
const initialLocale =
  supportedLocale(storedProfile()?.locale) ?? supportedLocale(resolveBrowserLocale()) ?? 'en';

// allowMissing: keys missing even in English (e.g. a server message shown as is) render as the text itself.
export const i18nProvider = polyglotI18nProvider(messagesFor, initialLocale, locales, { allowMissing: true });
