import type { TranslateFunction } from 'react-admin';
import { taskLabelKey } from '../caseTypeModule';
import { humanize } from '../i18n/humanize';
import type { AppNotification } from '../types';

/**
 * A notification in the reader's language, built from its type and data; the server's English `title`
 * is the fallback for types this console does not know.
 */
export function notificationText(translate: TranslateFunction, n: AppNotification): string {
  const data = (n.data ?? {}) as { step?: string; clientName?: string; percent?: number; level?: number; caseType?: string };
  const key = n.type === 'sla_escalation' && !data.step ? 'case_breach' : n.type;
  return translate(`notification.message.${key}`, {
    _: n.title,
    step: data.step ? translate(taskLabelKey(data.caseType ?? '', 'step', data.step), { _: humanize(data.step) }) : '',
    client: data.clientName ?? '',
    percent: data.percent ?? '',
    level: data.level ?? '',
  });
}

/** The reference of the case a notification is about (CMP-2026-000123), when it names one. */
export const referenceOf = (n: AppNotification): string | undefined =>
  typeof n.data?.reference === 'string' ? n.data.reference : undefined;
