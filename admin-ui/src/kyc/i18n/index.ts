import type { Translations } from '../../i18n/types';
import { en } from './en';
import { ru } from './ru';
import { th } from './th';
import { vi } from './vi';
import { zh } from './zh';

export const messages: Translations = { en, ru, zh, th, vi };
