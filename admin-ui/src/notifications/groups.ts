import type { AppNotification } from '../types';

/** Escalations, missed deadlines and stuck cases stand out: shown first, in red, and always worth a toast. */
export const isUrgent = (n: Pick<AppNotification, 'type'>) => n.type === 'sla_escalation' || n.type === 'case_stuck';

export interface NotificationGroup {
  /** the case's id, or the notification's own when it is about no case */
  key: string;
  caseId: string | null;
  /** newest first */
  items: AppNotification[];
  latest: AppNotification;
  urgent: boolean;
}

/** Notifications about the same case together (twenty about one client's tasks are one line), urgent groups first,
 * then the most recent. */
export function groupByCase(notifications: AppNotification[]): NotificationGroup[] {
  const groups = new Map<string, AppNotification[]>();
  for (const n of notifications) {
    const key = n.caseId ?? `n:${n.id}`;
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  return [...groups]
    .map(([key, items]) => {
      const sorted = [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      return { key, caseId: sorted[0].caseId, items: sorted, latest: sorted.find(isUrgent) ?? sorted[0], urgent: sorted.some(isUrgent) };
    })
    .sort((a, b) => Number(b.urgent) - Number(a.urgent) || b.items[0].createdAt.localeCompare(a.items[0].createdAt));
}
