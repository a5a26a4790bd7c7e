import type { Db } from '../platform/db';
import type { CaseTypeActivities } from './engine/case-type';
import { createEngineActivities } from './engine';
import { withFailurePolicy } from './engine/failures';
import { complaintActivities } from './complaint';
import { kycActivities } from './kyc-review';

/** Every case type's activities: one line per case type. */
export const CASE_TYPE_ACTIVITIES: CaseTypeActivities[] = [complaintActivities, kycActivities];

/** Every activity the worker registers, bound to this process's database. */
export function createActivities(db: Db) {
  return withFailurePolicy(Object.assign(createEngineActivities(db), ...CASE_TYPE_ACTIVITIES.map((m) => m.create(db))));
}
