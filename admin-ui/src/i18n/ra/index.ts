// react-admin's own strings (`ra.*`) in the languages other than English, loaded with the language.
// Russian: the published package, ra-language-russian (5.x: react-admin 5's keys but the guessers').
// Chinese, Thai and Vietnamese have no published package that matches react-admin 5 (checked on the npm
// registry: @haxqer/ra-language-chinese 4.16.2 is written for react-admin 4, requires ra-core 4 and lacks 16
// of version 5's keys; ra-language-vietnamese 3.0.1 lacks 68; there is no Thai package), so they are kept
// here; test/unit/i18n.test.ts checks they have every key of ra-language-english.
import type { Messages, OtherLocale } from '../types';

export const ra: Record<OtherLocale, () => Promise<Messages>> = {
  ru: () => import('ra-language-russian').then((m) => m.default as Messages),
  zh: () => import('./zh').then((m) => m.zh),
  th: () => import('./th').then((m) => m.th),
  vi: () => import('./vi').then((m) => m.vi),
};
