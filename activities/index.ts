import type { Db } from '../platform/db';
import type { CaseTypeActivities } from './engine/case-type';
import { createEngineActivities } from './engine';
import { withFailurePolicy } from './engine/failures';
import * as registered from './case-types';
import { createMonitoringActivities } from './monitoring';
import { createKycRefreshActivities } from './kyc-refresh';
import { createRescreenActivities } from './monitoring/rescreen';
import { createImportActivities } from './imports';

/** Every case type's activities (registered in ./case-types.ts). */
export const CASE_TYPE_ACTIVITIES: CaseTypeActivities[] = Object.values(registered);

/** Every activity the worker registers, bound to this process's database. */
export function createActivities(db: Db) {
  return withFailurePolicy(
    Object.assign(
      createEngineActivities(db),
      ...CASE_TYPE_ACTIVITIES.map((m) => m.create(db)),
      createMonitoringActivities(db),
      createKycRefreshActivities(db),
      createRescreenActivities(db),
      createImportActivities(db),
    ),
  );
}
