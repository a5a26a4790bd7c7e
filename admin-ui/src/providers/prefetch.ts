// The first requests of a returning user's page, sent the moment the page starts: before the libraries are
// evaluated and react-admin has checked the session, rendered the layout and mounted the inbox (about half a
// second of work one after the other). The data provider's `http` takes each answer once, for exactly the same
// request (`takePrefetched`); a request nobody took in time is dropped and asked again when needed.
// main.tsx imports this module first, and the build keeps it in a chunk of its own without dependencies
// (vite.config.ts), so it runs before anything else. It imports nothing from the libraries.
import { listQuery } from './listQuery';
import { storedProfile } from './profile';

const API = '/api';
/** An answer older than this is not handed out: the caller asks again. */
const FRESH_MS = 10_000;

// The inbox (TaskList.tsx uses these): its store keys (react-admin's `<resource>.listParams`), default view,
// page size and sort.
export const INBOX = {
  viewKey: 'tasks.view',
  paramsKey: 'tasks.listParams',
  view: 'mine',
  perPage: 25,
  sort: { field: 'dueAt', order: 'ASC' as 'ASC' | 'DESC' },
};

const early = new Map<string, { at: number; response: Promise<Response> }>();

const ask = (path: string) => {
  const response = fetch(`${API}${path}`, { credentials: 'include', headers: { Accept: 'application/json' } });
  // taken or not, a failure here is the taker's to report (or nobody's)
  response.catch(() => undefined);
  early.set(path, { at: performance.now(), response });
};

/** The answer of a GET sent at start for exactly this path (under /api), once; undefined if none or stale. */
export const takePrefetched = (path: string): Promise<Response> | undefined => {
  const entry = early.get(path);
  if (!entry) return undefined;
  early.delete(path);
  return performance.now() - entry.at < FRESH_MS ? entry.response : undefined;
};

/** Drops every answer not taken yet: they belong to the session the page started with (sign-in, sign-out). */
export const dropPrefetched = () => early.clear();

/** A value of react-admin's store (localStorageStore: JSON under `RaStore.<key>`). */
const stored = (key: string): unknown => {
  try {
    return JSON.parse(localStorage.getItem(`RaStore.${key}`) ?? 'null');
  } catch {
    return null;
  }
};

/** The inbox's first page as react-admin will ask for it when the page opens on `#/tasks`: with the list's
 * defaults, or the parameters the user last chose (react-admin keeps them in its store; ra-core's getQuery);
 * undefined for another page or parameters in the address (the list asks itself). */
export const inboxFirstPage = (hash: string): string | undefined => {
  if (hash !== '#/tasks' && hash !== '#/tasks/') return undefined;
  type Params = { filter?: Record<string, unknown>; sort?: string; order?: string; page?: number; perPage?: number };
  const params = (stored(INBOX.paramsKey) ?? {}) as Params;
  const view = stored(INBOX.viewKey) ?? INBOX.view;
  if (typeof view !== 'string' || typeof params !== 'object') return undefined;
  return `/tasks?${listQuery({
    filter: params.filter ?? {},
    sort: { field: params.sort ?? INBOX.sort.field, order: (params.order as 'ASC' | 'DESC' | undefined) ?? INBOX.sort.order },
    pagination: { page: Number(params.page ?? 1), perPage: Number(params.perPage ?? INBOX.perPage) },
    meta: { query: { view } },
  })}`;
};

// A returning user (a profile kept from the last sign-in): the session, their case types, and the inbox's
// first page when the page opens on it. Without a profile the login page comes first: nothing to ask.
if (storedProfile()) {
  ask('/auth/me');
  ask('/case-types');
  const inbox = inboxFirstPage(location.hash);
  if (inbox) ask(inbox);
}
