/** The one channel the API listens on; payloads are small ({ kind, ... } with ids), never documents. */
export const LIVE_CHANNEL = 'crm_live';
