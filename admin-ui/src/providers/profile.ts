// The signed-in user's public profile, kept in the browser between visits (the session token lives in the
// httpOnly cookie). Read at start, before the libraries load (prefetch.ts, the starting language): imports nothing.
import type { User } from '../types';

export const PROFILE_KEY = 'broker-crm.profile';

export const storedProfile = (): User | null => {
  try {
    return JSON.parse(localStorage.getItem(PROFILE_KEY) ?? 'null') as User | null;
  } catch {
    return null;
  }
};
