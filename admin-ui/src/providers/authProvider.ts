import { HttpError, type AuthProvider } from 'react-admin';
import type { User } from '../types';
import { http } from './dataProvider';
import type { CaseTypeAccess, Permissions } from './permissions';
import { dropPrefetched } from './prefetch';
import { PROFILE_KEY, storedProfile } from './profile';

// react-admin checks auth on every navigation; one /me round trip per half-minute is plenty.
const ME_TTL_MS = 30_000;

let me: { at: number; user: Promise<User> } | null = null;
// The case types the user takes part in: asked once per session (they change only with the user's roles).
let caseTypes: Promise<CaseTypeAccess[]> | null = null;

export { storedProfile };

const remember = (user: User) => {
  localStorage.setItem(PROFILE_KEY, JSON.stringify(user));
  me = { at: Date.now(), user: Promise.resolve(user) };
};

const forget = () => {
  dropPrefetched();
  localStorage.removeItem(PROFILE_KEY);
  me = null;
  caseTypes = null;
};

const currentCaseTypes = (): Promise<CaseTypeAccess[]> => {
  if (!caseTypes) {
    const asked = http('/case-types').then(({ json }) => json as CaseTypeAccess[]);
    caseTypes = asked;
    // a failure is not remembered: the next check asks again
    asked.catch(() => {
      if (caseTypes === asked) caseTypes = null;
    });
  }
  return caseTypes;
};

const currentUser = (): Promise<User> => {
  if (!me || Date.now() - me.at > ME_TTL_MS) {
    const user = http('/auth/me').then(({ json }) => json as User);
    me = { at: Date.now(), user };
    user.then(remember, forget);
  }
  return me.user;
};

/** A login that needs another step: a code (two-factor authentication), or enrolment first. The login page shows it. */
export class LoginStep extends Error {
  constructor(readonly step: { kind: 'code'; challenge: string } | { kind: 'enrol' }) {
    super(`login.${step.kind}`);
  }
}

type LoginParams = { email: string; password: string } | { challenge: string; code: string } | { resume: true };

export const authProvider: AuthProvider = {
  login: async (params: LoginParams) => {
    caseTypes = null;
    dropPrefetched();
    if ('resume' in params) {
      // enrolment confirmed: the session is complete
      me = null;
      return currentUser();
    }
    const { json } = await http('code' in params ? '/auth/login/code' : '/auth/login', {
      method: 'POST',
      body: JSON.stringify(params),
    });
    if (json.twoFactorRequired) throw new LoginStep({ kind: 'code', challenge: json.challenge });
    if (json.twoFactorEnrolmentRequired) throw new LoginStep({ kind: 'enrol' });
    remember(json.user as User);
    return json.user as User;
  },
  logout: async () => {
    const wasSignedIn = storedProfile() !== null;
    forget();
    if (wasSignedIn) await http('/auth/logout', { method: 'POST' }).catch(() => undefined);
  },
  checkAuth: async () => {
    const hadSession = storedProfile() !== null;
    // a returning user: ask for their case types alongside the session (the menu and the inbox need them)
    if (hadSession) currentCaseTypes().catch(() => undefined);
    let user: User;
    try {
      user = await currentUser();
    } catch {
      // First visit: go to the login page without an "expired session" message.
      throw { message: hadSession ? 'ra.auth.auth_check_error' : false };
    }
    // a session that must first enrol in two-factor authentication: enrolment happens at sign-in
    if (user.twoFactor?.required && !user.twoFactor.enabled) {
      forget();
      await http('/auth/logout', { method: 'POST' }).catch(() => undefined);
      throw { message: 'errors.reason.TWO_FACTOR_ENROLMENT_REQUIRED' };
    }
  },
  checkError: async (error: unknown) => {
    if (error instanceof HttpError && error.status === 401) {
      forget();
      throw error;
    }
  },
  getIdentity: async () => {
    const user = await currentUser();
    return { ...user, fullName: user.name };
  },
  getPermissions: async (): Promise<Permissions> => {
    const user = await currentUser();
    return { roles: user.roles ?? [user.role], caseTypes: await currentCaseTypes() };
  },
  // Regulated records (cases, clients, notifications, the audit trail) are never deleted, by anyone: react-admin
  // then offers no Delete button and no bulk delete (DataTable, without another bulk action, no row checkboxes).
  // What else a role may do is the API's decision; the console offers only what it allows (permissions.ts).
  canAccess: async ({ action }) => action !== 'delete',
};
