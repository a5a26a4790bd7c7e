// The case types of the console, one line each. A case type's console module (admin-ui/src/<case type>/,
// exporting one CaseTypeModule, see caseTypeModule.ts) provides:
//   - key: the API's case type (`complaint`, `kyc_review`), also the namespace of its messages;
//   - resource: its react-admin resource (name = API path and URL, e.g. `complaints`; list/show/create
//     pages, lazily loaded; icon; record representation);
//   - steps (its own list: the console imports no server code; test/unit/i18n.test.ts checks it is the API's)
//     and the labels of its task steps, outcomes and form fields (`<key>.task.step|outcome|field`),
//     and the message prefixes of its forms' choice fields;
//   - link: the page a task's case link or a notification about one of its cases opens;
//   - optional dashboard card (who sees it), section on the client's page, the key facts of its case on the task
//     page (TaskCaseSummary) and inputs for form fields the JSON Schema alone cannot render (formInputs: KYC's
//     hitIds);
//   - messages: its strings in every console language, in its own folder (`<case type>/i18n/<locale>.ts`):
//     English merged into the catalog at start, each other language loaded and merged when chosen.
// The shell (inbox, task page, notifications, menu, dashboard, client page, i18n) reads this list (through
// caseTypeRegistry.tsx) and names no case type. Its menu entry shows to the people GET /api/case-types lists it
// for. Adding one (e.g. `internal_request`, resource `internal-requests`): write its module in its own
// folder and add one line below.
import type { CaseTypeModule } from './caseTypeModule';
import { complaint } from './complaints';
import { kycReview } from './kyc';
import { internalRequest } from './internal-requests';
import { clientDevelopment } from './client-development';
import { amlCase } from './aml-cases';

export const CASE_TYPES: readonly CaseTypeModule[] = [complaint, kycReview, internalRequest, clientDevelopment, amlCase];

export const caseTypeOf = (key: string | null | undefined): CaseTypeModule | undefined => CASE_TYPES.find((t) => t.key === key);
