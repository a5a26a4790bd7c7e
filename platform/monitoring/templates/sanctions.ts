import { z } from 'zod';
import { defineTemplate } from './template';

/**
 * A client matched to a sanctions list entry by re-screening when a list changed (platform/monitoring/
 * rescreen). Not a transaction rule: it has no query; its version records the score threshold used.
 */
export const sanctionsMatch = defineTemplate({
  id: 'sanctions_match',
  name: 'Sanctions list match',
  execution: 'rescreen',
  description:
    'A client name matches an entry added to or changed on a sanctions list (OFAC SDN and consolidated, UN Security Council) ' +
    'since the client was last screened: dealing with a listed person is prohibited (FATF Recommendation 6; OFAC).',
  params: z.object({
    /** screening score (0..1) at or above which a client is a possible match */
    minScore: z.number().min(0).max(1),
  }),
  defaults: { default: { minScore: 0.8 } },
  dedupeByWindow: false,
});
