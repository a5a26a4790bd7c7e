import type { Db } from '../api/db';
import { createEngineActivities } from './engine';
import { createComplaintActivities } from './complaint';

/** Every activity the worker registers, bound to this process's database. */
export function createActivities(db: Db) {
  return { ...createEngineActivities(db), ...createComplaintActivities(db) };
}
