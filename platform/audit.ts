import type { PrismaClient } from '@prisma/client';

/** Who did what outside a case's timeline. Never pass secrets in `data`. */
export async function audit(
  prisma: PrismaClient,
  e: { actorId: string | null; action: string; entity?: string; entityId?: string | null; data?: Record<string, unknown>; ip?: string },
): Promise<void> {
  await prisma.auditEvent.create({
    data: {
      actorId: e.actorId,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId ?? null,
      data: (e.data ?? undefined) as object | undefined,
      ip: e.ip,
    },
  });
}

/** The same inside a transaction of raw SQL (pg): the audit row commits or rolls back with the change. */
export async function auditIn(
  client: { query(sql: string, params: unknown[]): Promise<unknown> },
  e: { actorId: string | null; action: string; entity?: string; entityId?: string | null; data?: Record<string, unknown>; ip?: string },
): Promise<void> {
  await client.query(`INSERT INTO audit_events (actor_id, action, entity, entity_id, data, ip) VALUES ($1, $2, $3, $4, $5, $6)`, [
    e.actorId,
    e.action,
    e.entity ?? null,
    e.entityId ?? null,
    e.data === undefined ? null : JSON.stringify(e.data),
    e.ip ?? null,
  ]);
}
