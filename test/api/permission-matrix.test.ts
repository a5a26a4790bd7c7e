// The permission matrix (issue 7, items 19 and 6): every role × scope × endpoint, generated from the
// role definitions. The endpoints are the served OpenAPI document (the route registry); the users are
// one per role the product knows plus some holding several roles (test/support/role-users.ts); the
// records are cases, tasks, clients, notifications, documents… of this branch and of another one (and
// of another team). For each request the expected answer follows from the endpoint's policy below and
// the access specification in role-users.ts (written from the definitions, not from api/access.ts):
//   allowed: 2xx, or a 4xx other than 401/403/404 (the body was refused, the state does not allow it);
//   forbidden: 403; out of scope: 404 (a record of another branch, team or case type); anonymous: 401.
// Lists must hold exactly the records the user may see, with and without filters; socket events reach
// exactly the users who may see the task (and notifications only about cases they may see).
//
// A new endpoint fails the "every endpoint has a policy" test until it has an entry in POLICY (or,
// for a case type's standard list/view/timeline routes, is generated). A new role or case type needs
// nothing here unless it has routes of its own; a new case type also needs an OPENERS entry.
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { parse as parseCsv } from 'csv-parse/sync';
import { startStack, type Stack } from '../support/stack';
import { createRoleUsers, DEFINITIONS, spec, type RoleUser } from '../support/role-users';
import { waitFor } from '../support/cases';
import { CASE_TYPES } from '../../api/case-types';
import { EDD_FLAGS } from '../../workflows/kyc-review/states';

type User = RoleUser | null; // null: not logged in

interface Rec {
  kind: string;
  label: string;
  /** path parameters */
  params: Record<string, string>;
  /** what list filters compare with */
  fields: Record<string, unknown>;
  sees(u: RoleUser): boolean;
  /** no such record: an allowed user gets 404 */
  missing?: boolean;
}

interface Entry {
  /** who passes the route (everyone else: 403, or 401 when not logged in) */
  who: (u: User) => boolean;
  /** the kind of record the path (or body) points at; checked with a record in and out of the user's scope */
  on?: string;
  /** the answer is a list of records of this kind: exactly those the user may see (with each filter too) */
  list?: {
    of: string;
    filters?: Record<string, unknown>[];
    query?: Record<string, string>;
    id?: (row: any) => string;
    where?: (r: Rec, filter: Record<string, unknown>) => boolean;
    /** the rows of an answer that is not a JSON array (e.g. a CSV export) */
    rows?: (body: any) => any[];
  };
  query?: (r?: Rec) => Record<string, string>;
  body?: (r?: Rec) => unknown;
  raw?: { contentType: string; body: Uint8Array };
  /** the answer for a record out of the user's scope (default 404) */
  outOfScope?: number;
  /** refused by the case's own rules although the route and scope allow it: 403 */
  refused?: (u: RoleUser, r: Rec) => boolean;
  /** read: before any write; write: after; claim: task claims in order; session: on a session of its own */
  phase?: 'read' | 'write' | 'claim' | 'session';
  /** authenticated by a signature over the body, not by a session: unsigned, everyone gets 401 (test/api/integrations.test.ts signs) */
  signed?: boolean;
  /** more to check in an allowed answer; returns what is wrong */
  check?: (u: RoleUser, body: any) => string | null;
}

// ---- who: the hand-written part of each policy
const anyone = () => true;
const loggedIn = (u: User) => u !== null;
const admin = (u: User) => !!u && spec.isAdmin(u);
const anyRole = (u: User) => !!u && u.roles.length > 0;
const caseRoles = (type: string) => (u: User) => !!u && u.roles.some((r) => spec.rolesOf(type).includes(r));
const supervisorsOf = (type: string) => (u: User) => !!u && spec.supervises(u, type);
const anySupervisor = (u: User) => !!u && spec.supervisesAny(u);
const or =
  (...fs: ((u: User) => boolean)[]) =>
  (u: User) =>
    fs.some((f) => f(u));
/** the roles an endpoint names by hand (a duty the definitions do not say) */
const roles =
  (...names: string[]) =>
  (u: User) =>
    !!u && u.roles.some((r) => names.includes(r));
const clientData = (u: User) => !!u && spec.hasClientData(u);
const clientEditors = (u: User) => !!u && spec.editsClients(u);
const clientSupervisors = (u: User) => !!u && spec.supervisesClients(u);

const NOBODY = 'u-matrix-nobody';
/** A CSV export's rows as objects by its header (a byte-order mark first). */
const csvRows = (body: unknown): Record<string, string>[] =>
  typeof body === 'string' ? parseCsv(body.replace(/^\ufeff/, ''), { columns: true }) : [];
const PDF = new TextEncoder().encode('%PDF-1.4\n%matrix\n%%EOF\n');

/** The standard routes every case type has (api/cases: list, view, timeline), generated per case type. */
function caseTypeEntries(): Record<string, Entry> {
  const out: Record<string, Entry> = {};
  for (const { definition: d, resource } of CASE_TYPES) {
    const kind = `case:${d.type}`;
    out[`GET /api/${resource}`] = {
      who: caseRoles(d.type),
      list: { of: kind, filters: [{ clientId: 'c-2001' }, { status: d.statuses[0] }] },
    };
    const on = OPENERS[d.type] === null ? 'missing' : kind;
    out[`GET /api/${resource}/{id}`] = { who: caseRoles(d.type), on };
    out[`GET /api/${resource}/{id}/timeline`] = { who: caseRoles(d.type), on };
  }
  return out;
}

/** How to open a case of each type over the API (the case's client decides its branch). */
type Opener = { path: string; body: (clientId: string, teamId: string) => unknown; id?: (answer: any) => string };
/**
 * `null`: no fixture yet. Its standard routes are checked for the role gate only, with a case that does not
 * exist; who sees which of its cases is the case type's own test's. (client_development: a lead's intake opens
 * it when the lead gets an account manager, and an agent sees only their own book: test/api/client-development.test.ts.)
 */
const OPENERS: Record<string, Opener | null> = {
  client_development: null,
  complaint: {
    path: '/api/complaints',
    body: (clientId) => ({ clientId, channel: 'email', category: 'other', severity: 'low', description: 'Permission matrix' }),
  },
  kyc_review: { path: '/api/kyc-reviews', body: (clientId) => ({ clientId, kind: 'periodic', note: 'Permission matrix' }) },
  internal_request: {
    path: '/api/internal-requests',
    body: (clientId, teamId) => ({ clientId, teamId, kind: 'other', subject: 'Permission matrix', details: 'Please look' }),
  },
  // an AML case opens from the alert a transaction raises (a counterparty in a call-for-action country)
  aml_case: {
    path: '/api/transactions',
    body: (clientId) => ({
      clientId,
      externalId: `matrix-${randomUUID()}`,
      type: 'withdrawal',
      amount: 2500,
      currency: 'USD',
      method: 'bank_transfer',
      bookedAt: new Date(Date.now() - 60_000).toISOString(),
      counterparty: { name: 'Pyongyang Trading', country: 'KP' },
    }),
    id: (answer: { alerts: { caseId: string | null }[] }) => answer.alerts.find((a) => a.caseId)!.caseId!,
  },
};

const kyc = caseRoles('kyc_review');
const aml = caseRoles('aml_case');
const amlSupervisors = supervisorsOf('aml_case');
const complaints = caseRoles('complaint');
const requests = caseRoles('internal_request');

const POLICY: Record<string, Entry> = {
  ...caseTypeEntries(),
  'GET /api/health': { who: anyone },
  'POST /api/auth/login': { who: anyone, body: () => ({}) },
  'POST /api/auth/login/code': { who: anyone, body: () => ({}) },
  'GET /api/auth/me': {
    who: loggedIn,
    check: (u, b) => (b.id === u.id && JSON.stringify(b.roles) === JSON.stringify(u.roles) ? null : `me is ${b.id} ${b.roles}`),
  },
  'POST /api/auth/logout': { who: loggedIn, phase: 'session' },
  'POST /api/auth/logout-all': { who: loggedIn, phase: 'session' },
  'POST /api/auth/2fa/setup': { who: loggedIn, phase: 'write' },
  'POST /api/auth/2fa/confirm': { who: loggedIn, body: () => ({}) },
  'POST /api/auth/2fa/recovery-codes': { who: loggedIn, body: () => ({}) },
  'POST /api/auth/2fa/disable': { who: loggedIn, body: () => ({}) },
  'POST /api/auth/2fa/reset': { who: admin, body: () => ({}) },
  'GET /api/auth/2fa/policy': { who: admin },
  'PUT /api/auth/2fa/policy': { who: admin, body: () => ({}) },

  'GET /api/clients': { who: clientData, list: { of: 'client', filters: [{ branchId: 'shanghai' }] } },
  // the export: the list's rows (and filters) as CSV, national ids masked for the roles that may not see them
  'GET /api/clients/export.csv': {
    who: clientData,
    list: { of: 'client', filters: [{ branchId: 'shanghai' }], rows: csvRows },
    check: (u, body) => {
      for (const row of csvRows(body)) {
        const real = records.find((r) => r.kind === 'client' && r.params.id === row.id)?.fields.nationalId as string | null;
        const want = spec.seesNationalIds(u) || !real ? (real ?? '') : '*'.repeat(real.length - 3) + real.slice(-3);
        if (row.nationalId !== want) return `${row.id}: national id ${row.nationalId}, want ${want}`;
      }
      return null;
    },
  },
  'GET /api/clients/{id}': { who: clientData, on: 'client' },
  'GET /api/clients/{id}/transactions': { who: clientData, on: 'client' },
  'GET /api/clients/{id}/timeline': { who: clientData, on: 'client' },
  'PATCH /api/clients/{id}': { who: clientEditors, on: 'client', body: () => ({ language: 'en' }), phase: 'write' },
  'POST /api/clients/{id}/interactions': {
    who: clientEditors,
    on: 'client',
    body: () => ({ kind: 'note', subject: 'Permission matrix' }),
    phase: 'write',
  },
  'POST /api/clients/handover': { who: clientSupervisors, body: () => ({}), phase: 'write' },
  // the KYC routes take the case scope (case intake), not the client-data scope
  'GET /api/clients/{id}/kyc': { who: loggedIn, on: 'intakeClient' },
  'GET /api/clients/{id}/kyc-profile': { who: kyc, on: 'intakeClient' },
  'PUT /api/clients/{id}/kyc-profile': { who: kyc, on: 'intakeClient', body: () => ({}), phase: 'write' },

  // the cross-client lists: exactly the rows of the clients the user sees, with and without filters
  'GET /api/interactions': { who: clientData, list: { of: 'interaction', filters: [{ clientId: 'c-1003' }, { kind: 'note' }] } },
  'GET /api/accounts': { who: clientData, list: { of: 'account', filters: [{ clientId: 'c-2003' }, { platform: 'mt5' }] } },
  'GET /api/transactions': {
    who: clientData,
    list: { of: 'transaction', filters: [{ clientId: 'c-1003' }, { type: 'withdrawal' }, { clientId: 'c-2003', type: 'deposit' }] },
  },
  'GET /api/interactions/export.csv': { who: clientData, list: { of: 'interaction', rows: csvRows, filters: [{ kind: 'note' }] } },
  'GET /api/accounts/export.csv': { who: clientData, list: { of: 'account', rows: csvRows, filters: [{ clientId: 'c-2003' }] } },
  'GET /api/transactions/export.csv': { who: clientData, list: { of: 'transaction', rows: csvRows, filters: [{ type: 'withdrawal' }] } },
  'GET /api/leads': { who: clientData, list: { of: 'lead' } },
  // the export: the list's rows (and filters) as CSV
  'GET /api/leads/export.csv': { who: clientData, list: { of: 'lead', rows: csvRows } },
  'POST /api/leads/import': { who: clientEditors, body: () => ({}), phase: 'write' },
  // import jobs: leads for client editors and admins (other kinds admins only: checked in test/api/imports.test.ts)
  'POST /api/imports': { who: or(clientEditors, admin), body: () => ({}), phase: 'write' },
  'GET /api/imports': { who: or(clientEditors, admin) },
  'GET /api/imports/kinds': { who: or(clientEditors, admin) },
  'GET /api/imports/{id}': { who: or(clientEditors, admin), on: 'missing' },
  'GET /api/imports/{id}/rejects': { who: or(clientEditors, admin), on: 'missing' },
  'GET /api/client-development/funnel': { who: supervisorsOf('client_development'), query: () => ({ by: 'matrix-none' }) },
  'GET /api/leads/{id}': { who: clientData, on: 'lead' },
  'POST /api/leads': { who: or(clientEditors, roles('integration')), body: () => ({}), phase: 'write' },
  // into a client that does not exist (400) once the lead is in scope
  'POST /api/leads/{id}/merge': {
    who: clientEditors,
    on: 'lead',
    body: () => ({ into: { kind: 'client', id: 'matrix-none' } }),
    phase: 'write',
  },
  'POST /api/leads/{id}/not-duplicate': {
    who: clientEditors,
    on: 'lead',
    body: () => ({ kind: 'client', id: 'matrix-none' }),
    phase: 'write',
  },
  'POST /api/interactions': { who: or(roles('integration'), clientSupervisors), body: () => ({}), phase: 'write' },
  'GET /api/assignment-rules': { who: or(clientSupervisors, admin) },
  'PUT /api/assignment-rules/{id}': { who: or(clientSupervisors, admin), on: 'missing', body: () => ({}), phase: 'write' },
  'DELETE /api/assignment-rules/{id}': { who: or(clientSupervisors, admin), on: 'missing', phase: 'write' },
  'GET /api/introducing-brokers': { who: or(clientData, admin) },
  'POST /api/introducing-brokers': { who: or(clientSupervisors, admin), body: () => ({}), phase: 'write' },
  'PATCH /api/introducing-brokers/{id}': { who: or(clientSupervisors, admin), on: 'missing', body: () => ({ name: 'x' }), phase: 'write' },
  'GET /api/users': { who: or(anySupervisor, admin), list: { of: 'staff' } },
  'GET /api/teams': { who: anyRole },
  'GET /api/tasks/workload': { who: anySupervisor },
  // claims a task: after the claim races; NO_TASK (404) when nothing is left to take
  'POST /api/tasks/next': { who: loggedIn, on: 'missing', phase: 'session' },
  'GET /api/notifications/preferences': { who: loggedIn },
  'PUT /api/notifications/preferences': { who: loggedIn, body: () => ({ toasts: 'matrix-none' }) },
  'GET /api/case-types': {
    who: loggedIn,
    list: { of: 'caseType', id: (row) => row.type },
    check: (u, rows: { type: string; scope: string; supervises: boolean }[]) =>
      rows
        .filter((r) => r.scope !== spec.scope(u, r.type) || r.supervises !== spec.supervises(u, r.type))
        .map((r) => `${r.type}: scope ${r.scope}, supervises ${r.supervises}`)
        .join('; ') || null,
  },

  'GET /api/tasks': {
    who: loggedIn,
    list: {
      of: 'task',
      query: { view: 'team' },
      // without a status filter: the active ones
      where: (r, f) => f.status !== undefined || r.fields.status === 'open' || r.fields.status === 'claimed',
      filters: [...DEFINITIONS.map((d) => ({ caseType: d.type })), { status: 'completed' }],
    },
  },
  'GET /api/tasks/{id}': { who: loggedIn, on: 'task' },
  // no workflow work: a form the step does not have (400), a task that is not claimed (409), nobody to assign to (400)
  'POST /api/tasks/{id}/complete': { who: loggedIn, on: 'task', body: () => ({ outcome: 'matrix_none' }) },
  'POST /api/tasks/{id}/release': { who: loggedIn, on: 'task', phase: 'write' },
  'POST /api/tasks/{id}/reassign': {
    who: anySupervisor,
    on: 'task',
    body: () => ({ assigneeId: NOBODY }),
    refused: (u, r) => !spec.supervises(u, String(r.fields.caseType)),
  },
  'POST /api/tasks/bulk-reassign': {
    who: anySupervisor,
    phase: 'write',
    body: () => ({ taskIds: fixtureTasks().map((t) => t.params.id), assigneeId: NOBODY }),
    // each task answers for itself: not found out of scope, refused unless the user supervises its case type
    check: (u, b: { results: { id: string; ok: boolean; error?: string }[] }) => {
      const wrong: string[] = [];
      for (const t of fixtureTasks()) {
        const got = b.results.find((x) => x.id === t.params.id);
        const want = !t.sees(u) ? /not found/ : !spec.supervises(u, String(t.fields.caseType)) ? /supervisors/i : /not valid/;
        if (!got || got.ok || !want.test(got.error ?? '')) wrong.push(`${t.label}: ${got?.error ?? 'missing'} (want ${want})`);
      }
      return wrong.join('; ') || null;
    },
  },
  'POST /api/tasks/{id}/claim': { who: loggedIn, on: 'task', phase: 'claim' },

  'GET /api/notifications': { who: loggedIn, list: { of: 'notification' } },
  'POST /api/notifications/read-all': { who: loggedIn, phase: 'write' },
  'POST /api/notifications/{id}/read': { who: loggedIn, on: 'notification', phase: 'write' },

  'POST /api/screening/search': { who: or(kyc, admin), body: () => ({}) },
  'GET /api/screening/lists': { who: or(kyc, admin) },
  'POST /api/screening/lists': { who: roles('compliance_manager', 'admin'), body: () => ({}) },
  'POST /api/screening/compare': { who: or(kyc, admin), body: () => ({}) },

  'GET /api/incidents': { who: admin },
  'POST /api/incidents/{id}/repair': { who: admin, on: 'incident', body: () => ({ mode: 'retry' }) },
  'GET /api/sla-policies': { who: admin },
  'POST /api/sla-policies': { who: admin, body: () => ({}) },
  'PUT /api/sla-policies/{id}': { who: admin, on: 'slaPolicy', body: () => ({}) },
  'GET /api/settings': { who: admin },
  'PUT /api/settings/{key}': { who: admin, on: 'setting', body: () => ({}) },

  'POST /api/complaints': {
    who: complaints,
    on: 'intakeClient:complaint',
    outOfScope: 400,
    phase: 'write',
    body: (r) => OPENERS.complaint!.body(r!.params.id, ''),
  },
  'POST /api/complaints/{id}/comments': { who: complaints, on: 'case:complaint', body: () => ({ text: 'matrix' }), phase: 'write' },
  'POST /api/complaints/{id}/client-response': { who: complaints, on: 'case:complaint', body: () => ({ note: 'matrix' }), phase: 'write' },
  'POST /api/complaints/{id}/reopen': { who: complaints, on: 'case:complaint', body: () => ({ reason: 'matrix' }), phase: 'write' },
  'GET /api/dashboard/complaints': { who: supervisorsOf('complaint'), check: (u, b) => dashboardCount(u, 'complaint', b.byState) },

  'POST /api/internal-requests': {
    who: requests,
    on: 'intakeClient:internal_request',
    outOfScope: 400,
    phase: 'write',
    body: (r) => OPENERS.internal_request!.body(r!.params.id, `${r!.fields.branchId}-complaints`),
  },
  'POST /api/internal-requests/{id}/answer': {
    who: requests,
    on: 'case:internal_request',
    body: () => ({ answer: 'matrix' }),
    phase: 'write',
  },

  'POST /api/kyc-reviews': {
    who: kyc,
    on: 'intakeClient:kyc_review',
    outOfScope: 400,
    phase: 'write',
    body: (r) => ({ clientId: r!.params.id, kind: 'periodic' }),
  },
  'POST /api/kyc-reviews/{id}/client-response': { who: kyc, on: 'case:kyc_review', body: () => ({ note: 'matrix' }), phase: 'write' },
  'POST /api/kyc-reviews/{id}/risk-override': {
    who: kyc,
    on: 'case:kyc_review',
    body: () => ({ band: 'high', reason: 'matrix' }),
    phase: 'write',
  },
  'POST /api/kyc-reviews/{id}/documents': {
    who: kyc,
    on: 'case:kyc_review',
    phase: 'write',
    query: () => ({ kind: 'other', fileName: 'matrix.pdf' }),
    raw: { contentType: 'application/pdf', body: PDF },
  },
  'GET /api/kyc-reviews/{id}/documents/{docId}': { who: kyc, on: 'document' },
  'GET /api/dashboard/compliance': { who: kyc, check: (u, b) => dashboardCount(u, 'kyc_review', b.byStep) },
  'GET /api/kyc-refresh/overdue': { who: or(kyc, roles('mlro')) },
  'GET /api/kyc-refresh/runs': { who: or(kyc, roles('mlro'), admin) },
  'GET /api/kyc-refresh/runs/{id}': { who: or(kyc, roles('mlro'), admin), on: 'missing' },
  'POST /api/kyc-refresh/runs': { who: roles('compliance_manager', 'admin'), body: () => ({ clientId: 'matrix-none' }), phase: 'write' },
  'POST /api/kyc-refresh/risk-events': {
    who: roles('senior_compliance_officer', 'compliance_manager', 'mlro'),
    body: () => ({}),
    phase: 'write',
  },

  // transaction monitoring and AML cases
  'GET /api/aml-cases/{id}/sar': { who: aml, on: 'case:aml_case' },
  'GET /api/aml-cases/{id}/evidence.json': { who: aml, on: 'case:aml_case' },
  'GET /api/aml-cases/{id}/evidence.pdf': { who: aml, on: 'case:aml_case' },
  // an open case: 409 NOT_CLOSED to everyone who may see it (who may reopen a closed one: test/api/monitoring/aml-case.test.ts)
  'POST /api/aml-cases/{id}/reopen': { who: aml, on: 'case:aml_case', body: () => ({ reason: 'matrix' }), phase: 'write' },
  'POST /api/transactions': { who: or(amlSupervisors, admin, roles('integration')), body: () => ({}), phase: 'write' },
  // a platform's feed: signed with the adapter's secret, whoever is logged in
  'POST /api/integrations/{adapter}/events': { who: anyone, signed: true, on: 'adapter', body: () => ({ events: [] }), phase: 'write' },
  'GET /api/alerts': { who: or(aml, admin) },
  'GET /api/alerts/{id}': { who: or(aml, admin), on: 'missing' },
  'GET /api/monitoring/scenarios': { who: or(aml, admin) },
  'GET /api/monitoring/scenarios/{id}': { who: or(aml, admin), on: 'missing' },
  'GET /api/monitoring/scenarios/{id}/versions/{version}': { who: or(aml, admin), on: 'missing' },
  'PATCH /api/monitoring/scenarios/{id}': { who: roles('compliance_manager'), on: 'missing', body: () => ({}), phase: 'write' },
  'PUT /api/monitoring/scenarios/{id}/draft': { who: roles('compliance_manager'), on: 'missing', body: () => ({}), phase: 'write' },
  'DELETE /api/monitoring/scenarios/{id}/draft': { who: roles('compliance_manager'), on: 'missing', phase: 'write' },
  'POST /api/monitoring/scenarios/{id}/publish': { who: roles('compliance_manager'), on: 'missing', body: () => ({}), phase: 'write' },
  'POST /api/monitoring/scenarios/{id}/backtests': { who: roles('compliance_manager'), on: 'missing', body: () => ({}), phase: 'write' },
  'GET /api/monitoring/backtests/{id}': { who: or(aml, admin), on: 'missing' },
  'GET /api/monitoring/backtests/{id}/hits': { who: or(aml, admin), on: 'missing' },
  'GET /api/monitoring/sweeps': { who: or(aml, admin) },
  'GET /api/monitoring/sweeps/{id}': { who: or(aml, admin), on: 'missing' },
  'POST /api/monitoring/sweeps': { who: or(amlSupervisors, admin), body: () => ({}), phase: 'write' },
  'GET /api/monitoring/snoozes': { who: or(aml, admin) },
  'POST /api/monitoring/snoozes': { who: amlSupervisors, body: () => ({}), phase: 'write' },
  'DELETE /api/monitoring/snoozes/{id}': { who: amlSupervisors, on: 'missing', phase: 'write' },
  'GET /api/monitoring/whitelist': { who: or(aml, admin) },
  'POST /api/monitoring/whitelist': { who: amlSupervisors, body: () => ({}), phase: 'write' },
  'DELETE /api/monitoring/whitelist/{id}': { who: amlSupervisors, on: 'missing', phase: 'write' },
  'GET /api/monitoring/rescreens': { who: or(aml, admin) },
  'GET /api/monitoring/rescreens/{id}': { who: or(aml, admin), on: 'missing' },
  'POST /api/monitoring/rescreens': { who: or(amlSupervisors, admin), body: () => ({ versionId: 'matrix-none' }), phase: 'write' },
  'GET /api/monitoring/screening-matches': { who: or(aml, admin) },
};

// ---- the stack, users, records

let stack: Stack;
let users: RoleUser[];
const everyone = (): User[] => [null, ...users];
const records: Rec[] = [];
const sockets: Socket[] = [];
const received = new Map<string, { tasks: Set<string>; notifications: { caseId: string | null; type: string }[] }>();
let openapi: { paths: Record<string, Record<string, unknown>> };
let seniorApproval: { id: string; caseId: string };
const caseRows = new Map<string, { type: string; branchId: string; status: string }>();
let checked = 0;

const fixtureTasks = () => records.filter((r) => r.kind === 'task' && r.fields.fixture);
const userBy = (pred: (u: RoleUser) => boolean, what: string) => {
  const u = users.find(pred);
  if (!u) throw new Error(`no test user ${what}`);
  return u;
};
const single = (role: string) => userBy((u) => u.roles.length === 1 && u.roles[0] === role, role);

function dashboardCount(u: RoleUser, type: string, rows: { count: number }[]): string | null {
  const got = rows.reduce((s, r) => s + r.count, 0);
  const want = [...caseRows.values()].filter((c) => c.type === type && c.status !== 'closed' && spec.seesCase(u, c)).length;
  return got === want ? null : `counts ${got} open ${type} cases, sees ${want}`;
}

async function call(u: User, method: string, path: string, opts: { body?: unknown; raw?: Entry['raw']; token?: string } = {}) {
  const token = opts.token ?? u?.token;
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  let body: BodyInit | undefined;
  if (opts.raw) {
    headers['content-type'] = opts.raw.contentType;
    body = new Uint8Array(opts.raw.body);
  } else if (opts.body !== undefined || method !== 'GET') {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body ?? {});
  }
  const res = await fetch(stack.url + path, { method, headers, body });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, body: json };
}

async function pool<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

const label = (u: User) => (u ? u.roles.join('+') : 'anonymous');

async function openCase(type: string, clientId: string, teamId: string): Promise<string> {
  const opener = OPENERS[type];
  if (opener === undefined) throw new Error(`Case type ${type} has no opener in the permission matrix: add one to OPENERS`);
  if (opener === null) throw new Error(`Case type ${type} has no fixture`);
  // someone who sees every branch's clients and takes part in the case type
  const by = userBy(
    (u) => u.roles.length === 1 && spec.scope(u, type) === 'all' && spec.rolesOf(type).includes(u.roles[0]),
    `with an all-branch role in ${type}`,
  );
  const res = await call(by, 'POST', opener.path, { body: opener.body(clientId, teamId) });
  if (res.status !== 201) throw new Error(`opening ${type} for ${clientId}: ${res.status} ${JSON.stringify(res.body)}`);
  return opener.id ? opener.id(res.body) : res.body.id;
}

/** Every case, task, client, user, notification, document as records, read from the database. */
async function loadRecords(fixtureCases: Set<string>) {
  const { prisma } = stack.db;
  records.length = 0;
  caseRows.clear();
  for (const c of await prisma.case.findMany()) {
    caseRows.set(c.id, { type: c.type, branchId: c.branchId, status: c.status });
    const row = { type: c.type, branchId: c.branchId };
    records.push({
      kind: `case:${c.type}`,
      label: `${c.type}@${c.branchId}/${c.teamId}`,
      params: { id: c.id },
      fields: { clientId: c.clientId, status: c.status, fixture: fixtureCases.has(c.id) },
      sees: (u) => spec.seesCase(u, row),
    });
  }
  records.push({ kind: 'adapter', label: 'the reference feed adapter', params: { adapter: 'reference' }, fields: {}, sees: () => true });
  for (const t of await prisma.task.findMany()) {
    records.push({
      kind: 'task',
      label: `task ${t.caseType}.${t.step}@${t.branchId}/${t.teamId}`,
      params: { id: t.id },
      fields: {
        caseType: t.caseType,
        status: t.status,
        fixture: fixtureCases.has(t.caseId),
        requiredRole: t.requiredRole,
        teamId: t.teamId,
      },
      sees: (u) => spec.seesTask(u, t),
    });
  }
  const entities = new Map((await prisma.branch.findMany()).map((b) => [b.id, b.entityId]));
  const entityOf = (branchId: string) => entities.get(branchId);
  for (const c of await prisma.client.findMany()) {
    const label = `client ${c.id}@${c.branchId}${c.accountManagerId ? ` of ${c.accountManagerId}` : ''}`;
    records.push({
      kind: 'client',
      label,
      params: { id: c.id },
      fields: { branchId: c.branchId, nationalId: c.nationalId },
      sees: (u) => spec.seesClient(u, c, entityOf),
    });
    records.push({
      kind: 'intakeClient',
      label: `${label} (for a case)`,
      params: { id: c.id },
      fields: { branchId: c.branchId },
      sees: (u) => spec.takesCasesFor(u, c),
    });
    // opening a case of a type: the client must be one the user sees cases of that type for
    for (const d of DEFINITIONS) {
      records.push({
        kind: `intakeClient:${d.type}`,
        label: `${label} (for a ${d.type})`,
        params: { id: c.id },
        fields: { branchId: c.branchId },
        sees: (u) => spec.seesCase(u, { type: d.type, branchId: c.branchId }),
      });
    }
  }
  // interactions, trading accounts and transactions: seen with their client
  const clientRows = new Map((await prisma.client.findMany()).map((c) => [c.id, c]));
  const withClient = (clientId: string) => (u: RoleUser) => spec.seesClient(u, clientRows.get(clientId)!, entityOf);
  for (const i of await prisma.interaction.findMany({ where: { clientId: { not: null } } }))
    records.push({
      kind: 'interaction',
      label: `${i.kind} with ${i.clientId}`,
      params: { id: i.id },
      fields: { clientId: i.clientId, kind: i.kind },
      sees: withClient(i.clientId!),
    });
  for (const a of await prisma.tradingAccount.findMany())
    records.push({
      kind: 'account',
      label: `account ${a.platform} ${a.login} of ${a.clientId}`,
      params: { id: a.id },
      fields: { clientId: a.clientId, platform: a.platform },
      sees: withClient(a.clientId),
    });
  for (const t of await prisma.transaction.findMany())
    records.push({
      kind: 'transaction',
      label: `${t.type} ${t.externalId} of ${t.clientId}`,
      params: { id: t.id },
      fields: { clientId: t.clientId, type: t.type },
      sees: withClient(t.clientId),
    });
  const leads = await stack.db.pool.query<{
    id: string;
    branch_id: string | null;
    account_manager_id: string | null;
    introducing_broker_id: string | null;
  }>('SELECT id, branch_id, account_manager_id, introducing_broker_id FROM leads');
  for (const l of leads.rows) {
    const row = { branchId: l.branch_id, accountManagerId: l.account_manager_id, introducingBrokerId: l.introducing_broker_id };
    records.push({
      kind: 'lead',
      label: `lead@${l.branch_id ?? 'unassigned'}${l.account_manager_id ? ` of ${l.account_manager_id}` : ''}`,
      params: { id: l.id },
      fields: {},
      sees: (u) => spec.seesClient(u, row, entityOf),
    });
  }
  for (const s of await prisma.user.findMany()) {
    records.push({ kind: 'staff', label: `user ${s.id}`, params: { id: s.id }, fields: {}, sees: (u) => spec.seesStaff(u, s) });
  }
  for (const n of await prisma.notification.findMany()) {
    records.push({
      kind: 'notification',
      label: `notification of ${n.userId}`,
      params: { id: n.id },
      fields: { userId: n.userId },
      sees: (u) => u.id === n.userId,
    });
  }
  for (const d of await prisma.kycDocument.findMany({ omit: { content: true } })) {
    const row = caseRows.get(d.caseId)!;
    records.push({
      kind: 'document',
      label: `document@${row.branchId}`,
      params: { id: d.caseId, docId: d.id },
      fields: {},
      sees: (u) => spec.seesCase(u, row),
    });
  }
  for (const d of DEFINITIONS)
    records.push({ kind: 'caseType', label: d.type, params: {}, fields: {}, sees: (u) => spec.scope(u, d.type) !== null });
  const policy = await prisma.slaPolicy.findFirstOrThrow();
  const setting = DEFINITIONS.flatMap((d) => Object.keys(d.settings))[0];
  records.push(
    { kind: 'slaPolicy', label: 'an SLA policy', params: { id: String(policy.id) }, fields: {}, sees: () => true },
    { kind: 'setting', label: `setting ${setting}`, params: { key: setting }, fields: {}, sees: () => true },
    { kind: 'incident', label: 'no incident', params: { id: '999999' }, fields: {}, sees: () => true, missing: true },
    // routes whose records the matrix does not scope: the role check, then 404 for a record that does not exist
    {
      kind: 'missing',
      label: 'no such record',
      params: { id: '00000000-0000-4000-8000-000000000000', version: '1' },
      fields: {},
      sees: () => true,
      missing: true,
    },
  );
}

/** The records a request on `kind` is checked with: a fixture in this branch and one elsewhere, or one of each kind of task. */
function probesFor(kind: string): Rec[] {
  const all = records.filter((r) => r.kind === kind);
  if (kind === 'task') return fixtureTasks();
  if (kind.startsWith('case:')) return all.filter((r) => r.fields.fixture);
  if (kind === 'client' || kind.startsWith('intakeClient')) return all.filter((r) => r.params.id === 'c-1003' || r.params.id === 'c-2003');
  if (kind === 'lead') {
    // one lead of each branch (and an unassigned one, when there is one)
    const seen = new Set<string>();
    return all.filter((r) => !seen.has(r.label.split(' of ')[0]) && !!seen.add(r.label.split(' of ')[0]));
  }
  if (kind === 'notification') {
    // one notification of each test user who has any: only its owner may read it
    const owners = new Set<string>();
    return all.filter(
      (r) => users.some((u) => r.fields.userId === u.id) && !owners.has(String(r.fields.userId)) && !!owners.add(String(r.fields.userId)),
    );
  }
  return all;
}

function fill(path: string, r?: Rec): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = r?.params[name];
    if (v === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return encodeURIComponent(v);
  });
}

interface Outcome {
  key: string;
  user: string;
  record?: string;
  want: string;
  got: number;
  detail?: string;
}
const failures: Outcome[] = [];

function expectation(e: Entry, u: User, r?: Rec): 'allow' | number {
  if (e.signed) return 401;
  if (!u) return e.who(null) ? 'allow' : 401;
  if (!e.who(u)) return 403;
  if (r && !r.missing && !r.sees(u)) return e.outOfScope ?? 404;
  if (r && e.refused?.(u, r)) return 403;
  return 'allow';
}

async function probe(key: string, e: Entry, u: User, r?: Rec, token?: string): Promise<void> {
  const [method, path] = key.split(' ');
  const want = expectation(e, u, r);
  const queries: Record<string, string>[] = [];
  if (e.list)
    for (const f of [undefined, ...(e.list.filters ?? [])])
      queries.push({ ...e.list.query, range: '[0,199]', ...(f ? { filter: JSON.stringify(f) } : {}) });
  else queries.push(e.query?.(r) ?? {});
  for (const [i, q] of queries.entries()) {
    const qs = new URLSearchParams(q).toString();
    const res = await call(u, method, fill(path, r) + (qs ? `?${qs}` : ''), { body: e.body?.(r), raw: e.raw, token });
    checked++;
    const fail = (detail?: string) =>
      failures.push({
        key: qs ? `${key}?${decodeURIComponent(qs)}` : key,
        user: label(u),
        record: r?.label,
        want: String(want),
        got: res.status,
        detail,
      });
    if (want !== 'allow') {
      if (res.status !== want) fail(JSON.stringify(res.body)?.slice(0, 200));
      continue;
    }
    const ok = res.status < 500 && res.status !== 401 && res.status !== 403 && (res.status !== 404 || r?.missing);
    if (!ok) {
      fail(JSON.stringify(res.body)?.slice(0, 200));
      continue;
    }
    if (e.list && u) {
      if (res.status !== 200) {
        fail('a list must answer 200');
        continue;
      }
      const filter = i === 0 ? {} : e.list.filters![i - 1];
      const want = new Set(
        records
          .filter(
            (x) =>
              x.kind === e.list!.of &&
              x.sees(u) &&
              (e.list!.where?.(x, filter) ?? true) &&
              Object.entries(filter).every(([k, v]) => x.fields[k] === v),
          )
          .map((x) => (x.kind === 'caseType' ? x.label : x.params.id)),
      );
      const got = new Set<string>(((e.list.rows?.(res.body) ?? res.body) as any[]).map(e.list.id ?? ((row) => row.id)));
      const extra = [...got].filter((id) => !want.has(id));
      const missing = [...want].filter((id) => !got.has(id));
      if (extra.length || missing.length)
        fail(`list: extra [${extra.map((id) => nameOf(id)).join(', ')}] missing [${missing.map((id) => nameOf(id)).join(', ')}]`);
    }
    if (e.check && u && res.status < 300) {
      const problem = e.check(u, res.body);
      if (problem) fail(problem);
    }
  }
}
const nameOf = (id: string) => records.find((r) => r.params.id === id || r.label === id)?.label ?? id;

async function runPhase(phase: Entry['phase']): Promise<void> {
  failures.length = 0;
  const jobs: (() => Promise<void>)[] = [];
  for (const [key, e] of Object.entries(POLICY)) {
    if ((e.phase ?? 'read') !== phase || !operations().has(key)) continue;
    const probes = e.on ? probesFor(e.on) : [undefined];
    if (e.on && !probes.length) throw new Error(`no ${e.on} record to check ${key} with`);
    for (const u of everyone()) for (const r of probes) jobs.push(() => probe(key, e, u, r));
  }
  await pool(jobs, 12, (job) => job());
}

function operations(): Set<string> {
  const ops = new Set<string>();
  for (const [path, methods] of Object.entries(openapi.paths)) for (const m of Object.keys(methods)) ops.add(`${m.toUpperCase()} ${path}`);
  return ops;
}

function report(): string {
  return failures
    .map(
      (f) => `${f.key} as ${f.user}${f.record ? ` on ${f.record}` : ''}: want ${f.want}, got ${f.got}${f.detail ? ` — ${f.detail}` : ''}`,
    )
    .join('\n');
}

function connect(u: RoleUser): Promise<Socket> {
  const socket = io(stack.url, { path: '/socket.io', auth: { token: u.token }, transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  const got = { tasks: new Set<string>(), notifications: [] as { caseId: string | null; type: string }[] };
  received.set(u.id, got);
  socket.on('task', (t: { id: string }) => got.tasks.add(t.id));
  socket.on('notification', (n: { caseId: string | null; type: string }) => got.notifications.push(n));
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

beforeAll(async () => {
  stack = await startStack({ env: { INTEGRATION_SECRET_REFERENCE: 'permission-matrix-feed-secret-0123456789abcdef' } });
  users = await createRoleUsers(stack.db.prisma, { prefix: 'mx' });
  // an agent sees the clients they manage: one of this branch is the agent's
  await stack.db.prisma.client.update({ where: { id: 'c-1003' }, data: { accountManagerId: single('agent').id } });
  // and one with a national id, which the agent's export must mask
  await stack.db.prisma.client.create({
    data: {
      id: 'c-matrix-own',
      name: 'Matrix Own',
      firstName: 'Matrix',
      lastName: 'Own',
      type: 'individual',
      branchId: 'london',
      accountManagerId: single('agent').id,
      nationalId: 'MX123456A',
      kycStatus: 'approved',
    },
  });
  // interactions with a client of this branch (the agent's) and of another
  await stack.db.pool.query(
    `INSERT INTO interactions (client_id, kind, direction, channel, agent_id, source, occurred_at)
     VALUES ('c-1003', 'call', 'outbound', 'phone', $1, 'matrix', now()), ('c-2003', 'note', 'internal', NULL, NULL, 'matrix', now())`,
    [single('agent').id],
  );
  openapi = (await call(null, 'GET', '/api/openapi.json')).body;
  await Promise.all(users.map(connect));

  // a case of every type in this branch and in another, and a request to another team of this branch
  const fixtures: Promise<string>[] = [];
  for (const d of DEFINITIONS.filter((x) => OPENERS[x.type] !== null)) {
    for (const [branch, clientId] of [
      ['london', 'c-1001'],
      ['shanghai', 'c-2001'],
    ]) {
      const team = await stack.db.prisma.team.findFirstOrThrow({ where: { branchId: branch, name: d.teamName } });
      fixtures.push(openCase(d.type, clientId, team.id));
    }
  }
  fixtures.push(openCase('internal_request', 'c-1002', 'london-kyc'));

  // separation of duties: a KYC review at senior approval, claimed by a senior
  const officer = single('kyc_officer');
  const senior = single('senior_compliance_officer');
  const started = await call(officer, 'POST', '/api/kyc-reviews', {
    body: { clientId: 'c-1002', kind: 'periodic', profile: { eddFlags: [EDD_FLAGS[0]] } },
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  const sod = started.body.id as string;
  const work = async (step: string, who: RoleUser, outcome: Record<string, unknown>) => {
    const task = await waitFor(
      () => stack.db.prisma.task.findFirst({ where: { caseId: sod, step, status: 'open' } }),
      `${step} task`,
      30_000,
    );
    const path = `/api/tasks/${encodeURIComponent(task.id)}`;
    expect((await call(who, 'POST', `${path}/claim`)).status).toBe(200);
    if (outcome.outcome) expect((await call(who, 'POST', `${path}/complete`, { body: outcome })).status).toBe(200);
    return task;
  };
  await work('collect_documents', officer, { outcome: 'documents_complete' });
  await work('source_of_funds', officer, { outcome: 'verified', summary: 'Payslips' });
  await work('source_of_wealth', officer, { outcome: 'verified', summary: 'Inheritance' });
  const approval = await work('senior_approval', senior, {});
  seniorApproval = { id: approval.id, caseId: sod };

  // the fixtures: the cases opened above (the review at senior approval is for the separation-of-duties tests only)
  const fixtureIds = new Set(await Promise.all(fixtures));
  await waitFor(
    async () =>
      (await stack.db.prisma.task.groupBy({ by: ['caseId'], where: { caseId: { in: [...fixtureIds] } } })).length === fixtureIds.size,
    'fixture tasks',
    30_000,
  );
  // a document on each KYC review
  const reviews = await stack.db.prisma.case.findMany({ where: { type: 'kyc_review' } });
  for (const rv of reviews) {
    await stack.db.prisma.kycDocument.create({
      data: {
        id: randomUUID(),
        caseId: rv.id,
        clientId: rv.clientId!,
        kind: 'other',
        fileName: 'matrix.pdf',
        mimeType: 'application/pdf',
        size: PDF.length,
        sha256: createHash('sha256').update(PDF).digest('hex'),
        content: Buffer.from(PDF),
        uploadedById: officer.id,
      },
    });
  }
  await loadRecords(fixtureIds);
}, 180_000);

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await stack?.stop();
});

describe('permission matrix', () => {
  it('has a policy for every endpoint the API serves, and none for an endpoint it does not', () => {
    const ops = operations();
    const missing = [...ops].filter((k) => !POLICY[k]);
    const stale = Object.keys(POLICY).filter((k) => !ops.has(k));
    expect(missing, 'endpoints without an entry in POLICY (test/api/permission-matrix.test.ts)').toEqual([]);
    expect(stale, 'entries in POLICY for endpoints the API does not serve').toEqual([]);
  });

  it('socket events reach exactly the users who may see the task, and notifications only about cases they may see', async () => {
    const tasks = records.filter((r) => r.kind === 'task');
    // every task event of the fixtures has arrived where it should
    await waitFor(
      async () => users.every((u) => tasks.filter((t) => t.sees(u)).every((t) => received.get(u.id)!.tasks.has(t.params.id))),
      'task events',
      10_000,
    ).catch(() => undefined);
    const wrong: string[] = [];
    for (const u of users) {
      const got = received.get(u.id)!;
      for (const t of tasks) {
        checked++;
        if (t.sees(u) !== got.tasks.has(t.params.id)) wrong.push(`${label(u)} ${t.sees(u) ? 'missed' : 'received'} ${t.label}`);
      }
      for (const n of got.notifications) {
        checked++;
        const c = n.caseId ? caseRows.get(n.caseId) : undefined;
        if (n.type !== 'case_stuck' && c && !spec.seesCase(u, c))
          wrong.push(`${label(u)} notified (${n.type}) about ${c.type}@${c.branchId}`);
      }
    }
    expect(wrong).toEqual([]);
    // and the notifications someone received are theirs: the stored ones match
    const agent = single('agent');
    expect(received.get(agent.id)!.notifications.length).toBeGreaterThan(0);
  });

  it('every role × scope × endpoint: reads and lists', async () => {
    await runPhase('read');
    expect(report()).toBe('');
  });

  it('every role × scope × endpoint: writes', async () => {
    await runPhase('write');
    expect(report()).toBe('');
  });

  it('task claims: out of scope 404, a step the role does not work 403, then one eligible claimer wins and the rest get 409', async () => {
    failures.length = 0;
    const e = POLICY['POST /api/tasks/{id}/claim'];
    for (const t of fixtureTasks()) {
      const path = `/api/tasks/${encodeURIComponent(t.params.id)}/claim`;
      const eligible = (u: RoleUser) => t.sees(u) && spec.mayWorkOn(u, t.fields as { requiredRole: string[]; teamId: string });
      // first those who may not claim (the task is still open)
      await Promise.all(
        everyone()
          .filter((u) => !u || !eligible(u))
          .map((u) => probe('POST /api/tasks/{id}/claim', { ...e, refused: (x) => !eligible(x) }, u, t)),
      );
      // then those who may: one wins
      const claimers = users.filter(eligible);
      const answers = await Promise.all(claimers.map((u) => call(u, 'POST', path)));
      checked += answers.length;
      const statuses = answers.map((a) => a.status).sort();
      if (claimers.length && JSON.stringify(statuses) !== JSON.stringify([200, ...Array(claimers.length - 1).fill(409)])) {
        failures.push({
          key: 'POST /api/tasks/{id}/claim',
          user: claimers.map(label).join(', '),
          record: t.label,
          want: 'one 200, the rest 409',
          got: statuses[0],
          detail: statuses.join(','),
        });
      }
    }
    expect(report()).toBe('');
  });

  describe('separation of duties between case types (item 6)', () => {
    const taskPath = (action?: string) => `/api/tasks/${encodeURIComponent(seniorApproval.id)}${action ? `/${action}` : ''}`;

    it('a complaints supervisor sees no KYC task and cannot reassign or release the senior approval', async () => {
      const sup = single('supervisor');
      expect((await call(sup, 'GET', `/api/tasks?filter=${encodeURIComponent(JSON.stringify({ caseType: 'kyc_review' }))}`)).body).toEqual(
        [],
      );
      expect((await call(sup, 'GET', taskPath())).status).toBe(404);
      expect((await call(sup, 'POST', taskPath('reassign'), { body: { assigneeId: single('senior_compliance_officer').id } })).status).toBe(
        404,
      );
      expect((await call(sup, 'POST', taskPath('release'))).status).toBe(404);
      expect((await call(sup, 'GET', '/api/dashboard/compliance')).status).toBe(403);
      expect((await call(sup, 'GET', `/api/kyc-reviews/${seniorApproval.caseId}`)).status).toBe(403);
    });

    it('a supervisor who also works KYC sees the task but may not reassign it: supervising complaints gives no power over KYC', async () => {
      const both = userBy((u) => u.roles.includes('supervisor') && u.roles.includes('kyc_officer'), 'supervisor+kyc_officer');
      expect((await call(both, 'GET', taskPath())).status).toBe(200);
      const res = await call(both, 'POST', taskPath('reassign'), { body: { assigneeId: single('senior_compliance_officer').id } });
      expect(res.status).toBe(403);
      expect((await call(both, 'POST', taskPath('release'))).status).toBe(403);
    });

    it('a complaints manager cannot release it; the compliance manager, who supervises KYC, can', async () => {
      expect((await call(single('complaints_manager'), 'POST', taskPath('release'))).status).toBe(404);
      expect((await call(single('kyc_officer'), 'POST', taskPath('release'))).status).toBe(403);
      const released = await call(single('compliance_manager'), 'POST', taskPath('release'));
      expect(released.status, JSON.stringify(released.body)).toBe(200);
      expect(released.body.status).toBe('open');
    });

    it('an administrator claims, completes, releases and reassigns nothing', async () => {
      const adm = single('admin');
      for (const t of [seniorApproval.id, ...fixtureTasks().map((x) => x.params.id)]) {
        const p = `/api/tasks/${encodeURIComponent(t)}`;
        expect((await call(adm, 'POST', `${p}/claim`)).status).toBe(404);
        expect((await call(adm, 'POST', `${p}/complete`, { body: { outcome: 'approved' } })).status).toBe(404);
        expect((await call(adm, 'POST', `${p}/release`)).status).toBe(404);
        expect((await call(adm, 'POST', `${p}/reassign`, { body: { assigneeId: adm.id } })).status).toBe(403);
      }
      expect((await call(adm, 'GET', '/api/tasks')).body).toEqual([]);
      expect(
        (await call(adm, 'POST', `/api/kyc-reviews/${seniorApproval.caseId}/risk-override`, { body: { band: 'low', reason: 'x' } })).status,
      ).toBe(403);
    });
  });

  // last: logging out everywhere ends the users' other sessions too
  it('session endpoints, each on a session of its own', async () => {
    failures.length = 0;
    const { createSession } = await import('../../api/auth/session');
    for (const key of Object.keys(POLICY).filter((k) => POLICY[k].phase === 'session')) {
      const r = POLICY[key].on ? probesFor(POLICY[key].on!)[0] : undefined;
      await probe(key, POLICY[key], null, r);
      for (const u of users) await probe(key, POLICY[key], u, r, (await createSession(stack.db.prisma, u.id, 1)).token);
    }
    expect(report()).toBe('');
  });

  afterAll(() => {
    const roles = new Set(users.flatMap((u) => u.roles)).size;
    console.log(
      `[permission-matrix] ${users.length} users (${roles} roles, ${users.filter((u) => u.roles.length > 1).length} combinations) + anonymous × ${operations().size} endpoints: ${checked} checks`,
    );
  });
});
