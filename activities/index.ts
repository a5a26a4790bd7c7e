import type { Db } from '../api/db';
import { createEngineActivities } from './engine';
import { createComplaintActivities } from './complaint';
import { createKycActivities } from './kyc-review';

/** Every activity the worker registers, bound to this process's database. */
export function createActivities(db: Db) {
  return { ...createEngineActivities(db), ...createComplaintActivities(db), ...createKycActivities(db) };
}
