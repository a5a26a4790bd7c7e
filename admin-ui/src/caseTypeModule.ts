import type { ComponentType } from 'react';
import type { ResourceProps } from 'react-admin';
import type { Translations } from './i18n/types';
import type { Permissions } from './providers/permissions';
import type { Task } from './types';

/**
 * What a case type brings to the console (see admin-ui/src/caseTypes.ts, where each is registered).
 * Its messages live under one namespace, its `key`, plus `resources.<resource name>`; the shell finds its
 * task labels at `<key>.task.step.<step>`, `<key>.task.outcome.<outcome>` and `<key>.task.field.<field>`.
 */
export interface CaseTypeModule {
  /** The API's case type: `caseType` of its tasks and in its notifications' data. */
  key: string;
  /** Its react-admin resource: the name (its API path under /api and its console URL) and its pages.
   * Pages should be React.lazy, so that a page loads only the code of the case types it shows. */
  resource: ResourceProps;
  /** Its task steps, in process order (their labels: `<key>.task.step.<step>`). Its menu entry shows to the
   * people who take part in it (GET /api/case-types). */
  steps: readonly string[];
  /** Message prefix of the options of a choice field of its task forms, by field (complaints: rootCause → complaint.root_cause). */
  choiceLabels?: Readonly<Record<string, string>>;
  /** The console path of one of its cases: what a task's case link and a notification about the case open. */
  link: (caseId: string) => string;
  /** A dashboard card and who sees it (default: everyone who takes part in the case type). */
  dashboard?: { component: ComponentType; visible?: (permissions: Permissions) => boolean };
  /** On the task page: the key facts of the task's case (complaints: category, severity; KYC: kind, risk band),
   * from the task's `case` (summary, attributes). Lazily loaded. */
  TaskCaseSummary?: ComponentType<{ task: Task }>;
  /** Inputs for form fields the shell cannot render from their JSON Schema alone (lists of ids: KYC's
   * `hitIds`) or renders better with the case's data (a text field prefilled: the AML report's `narrative`), by
   * field name. Lazily loaded. */
  formInputs?: Readonly<Record<string, ComponentType<{ task: Task; source: string; label: string }>>>;
  /** A section of the client's page listing the client's cases of this type. */
  clientSection?: ComponentType;
  /** Its messages in every language of the console (admin-ui/src/i18n/types.ts): English at hand, merged at start;
   * the others as loaders, merged when the user picks the language. */
  messages: Translations;
}

/** The usual link: the case's show page of the resource. */
export const showPage = (resource: string) => (caseId: string) => `/${resource}/${encodeURIComponent(caseId)}/show`;

/** Message key of a case type's task label; the shell translates it with a readable fallback. */
export const taskLabelKey = (caseType: string, kind: 'step' | 'outcome' | 'field', name: string) => `${caseType}.task.${kind}.${name}`;

/** The inbox's step filter: every case type's steps (one entry per step name). */
export const stepChoices = (caseTypes: readonly CaseTypeModule[]) => {
  const seen = new Map<string, string>();
  for (const t of caseTypes) for (const step of t.steps) if (!seen.has(step)) seen.set(step, taskLabelKey(t.key, 'step', step));
  return [...seen].map(([id, name]) => ({ id, name }));
};
