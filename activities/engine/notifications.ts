import type pg from 'pg';
import type { NotificationInput, Recipients } from '../../workflows/engine/types';
import { LIVE_CHANNEL } from '../../platform/live';

async function resolveRecipients(client: pg.PoolClient, r: Recipients): Promise<string[]> {
  const ids = new Set(r.userIds ?? []);
  if (r.team) {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM users WHERE active AND team_id = $1 AND ($2::text[] IS NULL OR roles && $2::text[])`,
      [r.team.teamId, r.team.roles ?? null],
    );
    rows.forEach((u) => ids.add(u.id));
  }
  if (r.branch) {
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM users WHERE active AND roles && $2::text[] AND branch_id = $1`, [
      r.branch.branchId,
      r.branch.roles,
    ]);
    rows.forEach((u) => ids.add(u.id));
  }
  if (r.roles) {
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM users WHERE active AND roles && $1::text[]`, [r.roles]);
    rows.forEach((u) => ids.add(u.id));
  }
  return [...ids];
}

/** Inserts one row per recipient (idempotent by key) and announces the new ones on LIVE_CHANNEL at commit. */
export async function writeNotifications(client: pg.PoolClient, notifications: NotificationInput[]): Promise<void> {
  for (const n of notifications) {
    for (const userId of await resolveRecipients(client, n.recipients)) {
      const { rowCount } = await client.query(
        `INSERT INTO notifications (id, user_id, type, case_id, task_id, title, body, data)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
        [`${n.key}#${userId}`, userId, n.type, n.caseId ?? null, n.taskId ?? null, n.title, n.body ?? null, JSON.stringify(n.data ?? {})],
      );
      if (rowCount) {
        await client.query('SELECT pg_notify($1, $2)', [
          LIVE_CHANNEL,
          JSON.stringify({ kind: 'notification', id: `${n.key}#${userId}`, userId }),
        ]);
      }
    }
  }
}
