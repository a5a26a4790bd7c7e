import type { PrismaClient } from '@prisma/client';

/** Who did what outside a case's timeline. Never pass secrets in `data`. */
export async function audit(
  prisma: PrismaClient,
  e: { actorId: string | null; action: string; entity?: string; entityId?: string | null; data?: Record<string, unknown>; ip?: string },
): Promise<void> {
  await prisma.auditEvent.create({
    data: { actorId: e.actorId, action: e.action, entity: e.entity, entityId: e.entityId ?? null, data: (e.data ?? undefined) as object | undefined, ip: e.ip },
  });
}
