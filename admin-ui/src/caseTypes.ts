// The case types of the console, one line each. A case type's console module (admin-ui/src/<case type>/,
// exporting one CaseTypeModule, see caseTypeModule.ts) provides:
//   - key: the API's case type (`complaint`, `kyc_review`), also the namespace of its messages;
//   - resource: its react-admin resource (name = API path and URL, e.g. `complaints`; list/show/create
//     pages, lazily loaded; icon; record representation);
//   - menu: its menu entry and which roles see it;
//   - steps and the labels of its task steps, outcomes and form fields (`<key>.task.step|outcome|field`),
//     and the message prefixes of its forms' choice fields;
//   - link: the page a task's case link or a notification about one of its cases opens;
//   - optional dashboard card (with its roles) and section on the client's page;
//   - messages: its strings in every console language, in its own folder (`<case type>/i18n/<locale>.ts`):
//     English merged into the catalog at start, each other language loaded and merged when chosen.
// The shell (inbox, task page, notifications, menu, dashboard, client page, i18n) reads this list and names no
// case type. Adding one (e.g. `internal_request`, resource `internal-requests`): write its module in its own
// folder and add one line below.
import type { CaseTypeModule } from './caseTypeModule';
import { complaint } from './complaints';
import { kycReview } from './kyc';
import { internalRequest } from './internal-requests';

export const CASE_TYPES: readonly CaseTypeModule[] = [
  complaint,
  kycReview,
  internalRequest,
];

export const caseTypeOf = (key: string | null | undefined): CaseTypeModule | undefined =>
  CASE_TYPES.find((t) => t.key === key);

/** Message key of a case type's task label; the shell translates it with a readable fallback. */
export const taskLabelKey = (caseType: string, kind: 'step' | 'outcome' | 'field', name: string) =>
  `${caseType}.task.${kind}.${name}`;

/** The step filter of the inbox: every case type's steps (one entry per step name). */
export const stepChoices = () => {
  const seen = new Map<string, string>();
  for (const t of CASE_TYPES) for (const step of t.steps) if (!seen.has(step)) seen.set(step, taskLabelKey(t.key, 'step', step));
  return [...seen].map(([id, name]) => ({ id, name }));
};
