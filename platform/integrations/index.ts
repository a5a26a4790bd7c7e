// The feeds the CRM reads (docs/integrations.md): one adapter per trading platform or payments system.
// An adapter is served at POST /api/integrations/<name>/events once INTEGRATION_SECRET_<NAME> is set.
import { referenceAdapter } from './reference';
import type { Adapter } from './types';

export const ADAPTERS: readonly Adapter[] = [referenceAdapter];

export function adapterNamed(name: string): Adapter | undefined {
  return ADAPTERS.find((a) => a.name === name);
}

export type { Adapter, FeedEvent } from './types';
export { FeedFormatError } from './types';
export { applyEvents, type EventOutcome } from './apply';
export { SIGNATURE_HEADER, signFeed, verifyFeedSignature } from './signature';
