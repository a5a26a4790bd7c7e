import type { Db } from '../../api/db';
import type { ProjectionBatch } from '../../workflows/engine/types';
import { applyProjection } from './projection';

/** Activities every case type uses. */
export function createEngineActivities(db: Db) {
  return {
    async project(batch: ProjectionBatch): Promise<void> {
      await applyProjection(db.pool, batch);
    },
  };
}

export type EngineActivities = ReturnType<typeof createEngineActivities>;
