import { parseEnv } from '../env';

/** Score at or above which a hit goes to a compliance officer for review (see api/config/env.ts). */
export { DEFAULT_REVIEW_THRESHOLD } from '../env';

/** The review threshold from `SCREENING_REVIEW_THRESHOLD` (parsed with the rest of the environment), or the default. */
export function reviewThreshold(env: NodeJS.ProcessEnv = process.env): number {
  return parseEnv(env).SCREENING_REVIEW_THRESHOLD;
}
