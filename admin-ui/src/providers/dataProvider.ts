import { HttpError, fetchUtils, type DataProvider, type GetListParams, type Identifier } from 'react-admin';
import type { BulkResult, Task } from '../types';
import { toHttpError } from './apiError';
import { isNetworkFailure, reportConnection } from './connection';
import { listQuery } from './listQuery';
import { takePrefetched } from './prefetch';

const API = '/api';

/** What fetchUtils.fetchJson makes of a response: the body parsed, an HTTP error status rejected as HttpError. */
const asJson = async (response: Response) => {
  const body = await response.text();
  let json;
  try {
    json = JSON.parse(body);
  } catch {
    // not JSON
  }
  if (response.status < 200 || response.status >= 300) {
    throw new HttpError(json?.message || response.statusText, response.status, json);
  }
  return { status: response.status, headers: response.headers, body, json };
};

/** A call to the API. No answer at all (offline, server unreachable) is `errors.network` (status 0), said in the
 * user's language, and marks the connection lost (connection.ts); any answer marks it back. A GET the page sent
 * at start (prefetch.ts) is answered by that request, once. */
export const http = (path: string, options: fetchUtils.Options = {}) => {
  const early = !options.method && !options.headers ? takePrefetched(path) : undefined;
  return (early ? early.then(asJson) : fetchUtils.fetchJson(`${API}${path}`, { ...options, credentials: 'include' })).then(
    (response) => {
      reportConnection(true);
      return response;
    },
    (e: unknown) => {
      if (isNetworkFailure(e)) {
        reportConnection(false);
        return Promise.reject(new HttpError('errors.network', 0));
      }
      reportConnection(true);
      return Promise.reject(toHttpError(e));
    },
  );
};

export const post = (path: string, body?: unknown) =>
  http(path, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });

/** Sends a file (or files one after the other) as the raw body, with its type: the API's uploads take bytes,
 * not multipart forms. */
export const upload = (path: string, body: Blob, contentType: string) =>
  http(path, { method: 'POST', body: body as unknown as string, headers: new Headers({ 'Content-Type': contentType }) });

const id = (value: Identifier) => encodeURIComponent(String(value));

const unsupported = () => Promise.reject(new Error('Not supported by the API'));

const getList = async (resource: string, params: GetListParams) => {
  const { json, headers } = await http(`/${resource}?${listQuery(params)}`);
  const range = headers.get('Content-Range');
  if (!range) throw new Error(`GET /api/${resource} returned no Content-Range header`);
  // the KYC refresh overdue list names its rows by client
  const data = resource === 'kyc-refresh/overdue' ? (json as { clientId: string }[]).map((r) => ({ id: r.clientId, ...r })) : json;
  return { data, total: Number(range.split('/').pop()) };
};

export const dataProvider = {
  getList,
  getOne: async (resource: string, params: { id: Identifier }) => ({
    data: (await http(`/${resource}/${id(params.id)}`)).json,
  }),
  // The API has no multi-id filter; reference pickers ask for one or two records at a time. Teams have no page
  // of their own: the list of every team is short.
  getMany: async (resource: string, params: { ids: Identifier[] }) => {
    if (resource === 'teams') {
      const { json } = await http('/teams');
      return { data: (json as { id: Identifier }[]).filter((t) => params.ids.map(String).includes(String(t.id))) };
    }
    // staff have no page of their own either: the list filters by id
    if (resource === 'users') {
      const { json } = await http(`/users?${new URLSearchParams({ filter: JSON.stringify({ id: params.ids.map(String) }) })}`);
      return { data: json };
    }
    return { data: await Promise.all(params.ids.map(async (i) => (await http(`/${resource}/${id(i)}`)).json)) };
  },
  getManyReference: (resource: string, params) =>
    getList(resource, { ...params, filter: { ...params.filter, [params.target]: params.id } }),
  create: async (resource: string, params) => ({
    data: (await post(`/${resource}`, params.data)).json,
  }),
  update: unsupported,
  updateMany: unsupported,
  // Nothing is deletable (authProvider.canAccess refuses 'delete', so no screen offers it).
  delete: unsupported,
  deleteMany: unsupported,

  claimTask: async (taskId: Identifier): Promise<Task> => (await post(`/tasks/${id(taskId)}/claim`)).json,
  releaseTask: async (taskId: Identifier): Promise<Task> => (await post(`/tasks/${id(taskId)}/release`)).json,
  completeTask: async (taskId: Identifier, body: Record<string, unknown>): Promise<Task> =>
    (await post(`/tasks/${id(taskId)}/complete`, body)).json,
  reassignTask: async (taskId: Identifier, assigneeId: Identifier): Promise<Task> =>
    (await post(`/tasks/${id(taskId)}/reassign`, { assigneeId })).json,
  bulkReassign: async (taskIds: Identifier[], assigneeId: Identifier): Promise<BulkResult> =>
    (await post('/tasks/bulk-reassign', { taskIds, assigneeId })).json,

  markNotificationRead: async (notificationId: Identifier) => {
    await post(`/notifications/${id(notificationId)}/read`);
  },
  /** every unread notification, or those about one case */
  markAllRead: async (caseId?: string) => {
    await post('/notifications/read-all', caseId ? { caseId } : undefined);
  },
} satisfies DataProvider;

export type CrmDataProvider = typeof dataProvider;
