import type { Translations } from '../../i18n/types';
import { en } from './en';

export const messages: Translations = {
  en,
  ru: () => import('./ru').then((m) => m.ru),
  zh: () => import('./zh').then((m) => m.zh),
  th: () => import('./th').then((m) => m.th),
  vi: () => import('./vi').then((m) => m.vi),
};
