// react-admin's own strings (`ra.*`) for the languages other than English.
import type { Messages } from '../types';
import { ru } from './ru';
import { th } from './th';
import { vi } from './vi';
import { zh } from './zh';

export const ra: Record<'ru' | 'zh' | 'th' | 'vi', Messages> = { ru, zh, th, vi };
