import type { Db } from '../../platform/db';
import type { ProjectionBatch } from '../../workflows/engine/types';
import { applyProjection } from './projection';
import { writeNotifications } from './notifications';
import { inTransaction } from '../../platform/db';

/** Activities every case type uses. */
export function createEngineActivities(db: Db) {
  return {
    project(batch: ProjectionBatch): Promise<{ reference: string | null }> {
      return applyProjection(db.pool, batch);
    },

    /** A case's projection could not be written: one open incident per case, and the administrators are told. */
    async reportCaseIncident(input: {
      workflowId: string;
      caseId: string;
      caseType: string;
      code: string;
      message: string;
    }): Promise<void> {
      await inTransaction(db.pool, async (client) => {
        const { rows } = await client.query<{ id: string }>(
          `INSERT INTO case_incidents (workflow_id, case_id, case_type, code, message) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (workflow_id) WHERE resolved_at IS NULL DO NOTHING RETURNING id`,
          [input.workflowId, input.caseId, input.caseType, input.code, input.message.slice(0, 2000)],
        );
        if (!rows[0]) return;
        await writeNotifications(client, [
          {
            key: `incident/${rows[0].id}`,
            recipients: { roles: ['admin'] },
            type: 'case_stuck',
            title: `A case cannot be saved and waits for a repair (${input.code})`,
            caseId: input.caseId,
            data: { caseType: input.caseType, code: input.code },
          },
        ]);
      });
    },

    async resolveCaseIncident(input: { workflowId: string }): Promise<void> {
      await db.pool.query(
        `UPDATE case_incidents SET resolved_at = now(), resolution = 'repaired' WHERE workflow_id = $1 AND resolved_at IS NULL`,
        [input.workflowId],
      );
    },
  };
}

export type EngineActivities = ReturnType<typeof createEngineActivities>;
