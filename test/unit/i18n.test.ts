import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CASE_TYPES as API_CASE_TYPES } from '../../api/case-types';
import { CASE_TYPES } from '../../admin-ui/src/caseTypes';
import { DOCUMENT_KINDS } from '../../api/kyc/schemas';
import { DEFAULT_RISK_MODEL } from '../../workflows/kyc-review/risk';
import * as complaintWorkflow from '../../workflows/complaint/states';
import * as kycWorkflow from '../../workflows/kyc-review/states';
import * as requestWorkflow from '../../workflows/internal-request/states';
import * as amlWorkflow from '../../workflows/aml-case/states';
import { TEMPLATES } from '../../platform/monitoring/templates';
import { AlertFilter } from '../../api/monitoring/schemas';
import * as aml from '../../admin-ui/src/aml-cases/enums';
import * as monitoring from '../../admin-ui/src/monitoring/enums';
import * as requests from '../../admin-ui/src/internal-requests/enums';
import * as development from '../../admin-ui/src/client-development/enums';
import * as developmentWorkflow from '../../workflows/client-development/states';
import { clientKycStatuses } from '../../admin-ui/src/clients/fields';
import { LEAD_STATUSES, TEMPERATURES } from '../../admin-ui/src/leads/types';
import { LEAD_STATUSES as API_LEAD_STATUSES } from '../../api/leads/filter';
import {
  categories,
  channels,
  complaintEvents,
  complaintStates,
  complaintStatuses,
  complaintSteps,
  rootCauses,
  severities,
} from '../../admin-ui/src/complaints/enums';
import * as kyc from '../../admin-ui/src/kyc/enums';
import { formatLocale } from '../../admin-ui/src/i18n/format';
import { en } from '../../admin-ui/src/i18n/en';
import { loadMessages, locales, messagesFor } from '../../admin-ui/src/i18n/messages';
import { ra } from '../../admin-ui/src/i18n/ra';
import { ru } from '../../admin-ui/src/i18n/ru';
import { th } from '../../admin-ui/src/i18n/th';
import { vi } from '../../admin-ui/src/i18n/vi';
import { zh } from '../../admin-ui/src/i18n/zh';
import { slaStates } from '../../admin-ui/src/sla/slaStates';
import { branchesOf, type JsonSchema } from '../../admin-ui/src/tasks/completionForm';
import { taskStatuses } from '../../admin-ui/src/tasks/enums';
import { importKinds, importStatuses } from '../../admin-ui/src/imports/types';

type Tree = { [key: string]: string | Tree };

/** The API's completion forms by case type and step. */
const FORMS: Record<string, Record<string, z.ZodType>> = Object.fromEntries(API_CASE_TYPES.map((m) => [m.definition.type, m.forms]));

const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.entries(tree).reduce<Record<string, string>>((out, [key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? { ...out, [path]: value } : { ...out, ...flatten(value, path) };
  }, {});

const english = flatten(messagesFor('en') as Tree);
const OTHER = ['ru', 'zh', 'th', 'vi'] as const;
type Other = (typeof OTHER)[number];
// Every language's messages as the console loads them (English is in the bundle, the others on demand).
const catalogs = Object.fromEntries(await Promise.all(OTHER.map(async (l) => [l, flatten((await loadMessages(l)) as Tree)] as const)));
const loadAll = async (translations: { en: unknown } & Record<Other, () => Promise<unknown>>) =>
  [translations.en, ...(await Promise.all(OTHER.map((l) => translations[l]())))] as Tree[];
const caseTypeMessages = new Map(await Promise.all(CASE_TYPES.map(async (t) => [t.key, await loadAll(t.messages)] as const)));
const raMessages = Object.fromEntries(await Promise.all(OTHER.map(async (l) => [l, (await ra[l]()) as Tree] as const)));
const placeholders = (text: string) => new Set(text.match(/%\{\w+\}/g) ?? []);

const SRC = join(import.meta.dirname, '../../admin-ui/src');
const sources = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => /\.tsx?$/.test(f) && !/(^|[\\/])i18n[\\/]((ra[\\/])?(en|ru|zh|th|vi)|index)\.ts$/.test(f))
  .map((f) => ({ file: f, text: readFileSync(join(SRC, f), 'utf8') }));

// Literal keys only; keys built at run time (`complaint.state.${state}`, choices('sla.state', slaStates)) are
// checked through the enums below. Field paths (source="client.name") are not keys either.
const SHELL = [
  'ra',
  'app',
  'login',
  'errors',
  'sla',
  'inbox',
  'notification',
  'dashboard',
  'client',
  'screening',
  'admin',
  'monitoring',
  'imports',
  'lead',
  'resources',
];
const NAMESPACES = [...SHELL, ...CASE_TYPES.map((t) => t.key)].join('|');
const LITERAL_KEY = new RegExp(`['"\`]((?:${NAMESPACES})\\.[A-Za-z_.-]*[A-Za-z_])['"\`]`, 'g');
// choiceLabels hold message prefixes, checked per case type below.
const NOT_KEYS = /choices\('[\w.]+'|source="[\w.]+"|choiceLabels: \{[^}]*\}/g;

describe('English messages', () => {
  it('have every key the console uses literally', () => {
    const used = sources.flatMap(({ file, text }) => [...text.replace(NOT_KEYS, '').matchAll(LITERAL_KEY)].map((m) => `${file}: ${m[1]}`));
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((u) => !(u.split(': ')[1] in english))).toEqual([]);
  });

  it('label every field a screen shows without an explicit label', () => {
    const fieldLabels = new Set(
      Object.keys(english)
        .filter((k) => /^resources\.[\w-]+\.fields\./.test(k))
        .map((k) => k.replace(/^resources\.[\w-]+\.fields\./, '')),
    );
    // The attributes of a JSX element around its source="..." (up to the next < or >).
    const element = /<([A-Z][\w.]*)\s([^<>]*?)\bsource="([\w.]+)"([^<>]*)/g;
    const unlabeled = sources.flatMap(({ file, text }) =>
      [...text.matchAll(element)]
        .filter(([, tag, before, , after]) => tag !== 'SearchInput' && !/\blabel=/.test(before + after))
        .map(([, , , source]) => source)
        .filter((source) => !fieldLabels.has(source))
        .map((source) => `${file}: ${source}`),
    );
    expect(unlabeled).toEqual([]);
  });

  it('have a label for every value of every enum the console translates', () => {
    const expected = [
      ...taskStatuses.map((v) => `inbox.status.${v}`),
      ...slaStates.map((v) => `sla.state.${v}`),
      ...['d', 'h', 'm', 's'].map((u) => `sla.units.${u}`),
      ...channels.map((v) => `complaint.channel.${v}`),
      ...categories.map((v) => `complaint.category.${v}`),
      ...severities.map((v) => `complaint.severity.${v}`),
      ...complaintStatuses.map((v) => `complaint.status.${v}`),
      ...rootCauses.map((v) => `complaint.root_cause.${v}`),
      ...complaintStates.map((v) => `complaint.state.${v}`),
      ...complaintEvents.map((v) => `complaint.event.${v}`),
      ...clientKycStatuses.map((v) => `client.kyc_status.${v}`),
      ...LEAD_STATUSES.map((v) => `lead.status.${v}`),
      ...TEMPERATURES.map((v) => `lead.temperature.${v}`),
      ...['email', 'phone', 'name_dob'].map((v) => `lead.duplicates.reasons.${v}`),
      ...['open', 'merged', 'dismissed'].map((v) => `lead.duplicates.statuses.${v}`),
      // What the KYC screens show: no code reaches the screen unlabelled (risk factor values included).
      ...kyc.reviewKinds.map((v) => `kyc_review.kind.${v}`),
      ...kyc.reviewStatuses.map((v) => `kyc_review.status.${v}`),
      ...kyc.kycStates.map((v) => `kyc_review.state.${v}`),
      ...kyc.riskBands.map((v) => `kyc_review.band.${v}`),
      ...kyc.riskFactors.map((v) => `kyc_review.factor.${v}`),
      ...kyc.checks.map((v) => `kyc_review.check.${v}`),
      ...kyc.checkStatuses.map((v) => `kyc_review.check_status.${v}`),
      ...kyc.hitDecisions.map((v) => `kyc_review.decision.${v}`),
      ...kyc.kycEvents.map((v) => `kyc_review.event.${v}`),
      ...kyc.screeningValues.map((v) => `kyc_review.screening.${v}`),
      ...DOCUMENT_KINDS.map((v) => `kyc_review.document.${v}`),
      ...requests.requestKinds.map((v) => `internal_request.kind.${v}`),
      ...requests.requestStatuses.map((v) => `internal_request.status.${v}`),
      ...requests.requestStates.map((v) => `internal_request.state.${v}`),
      ...development.developmentStates.map((v) => `client_development.state.${v}`),
      ...development.developmentStatuses.map((v) => `client_development.status.${v}`),
      ...development.temperatures.map((v) => `client_development.temperature.${v}`),
      ...development.temperatures.map((v) => `client_development.category.${v}`),
      ...development.lostReasons.map((v) => `client_development.lost_reason.${v}`),
      ...development.developmentEvents.map((v) => `client_development.event.${v}`),
      ...development.triggers.map((v) => `client_development.trigger.${v}`),
      ...[...Object.keys(DEFAULT_RISK_MODEL.occupation), ...Object.keys(DEFAULT_RISK_MODEL.industry)].map(
        (v) => `kyc_review.activity.${v}`,
      ),
      ...Object.keys(DEFAULT_RISK_MODEL.product).map((v) => `kyc_review.product.${v}`),
      ...Object.keys(DEFAULT_RISK_MODEL.channel).map((v) => `kyc_review.channel.${v}`),
      // The AML case and monitoring screens: scenarios, alerts, evidence, parameters of every template.
      ...aml.amlStates.map((v) => `aml_case.state.${v}`),
      ...aml.amlStatuses.map((v) => `aml_case.status.${v}`),
      ...aml.closures.map((v) => `aml_case.closure.${v}`),
      ...aml.sarStatuses.map((v) => `aml_case.sar_status.${v}`),
      ...aml.amlEvents.map((v) => `aml_case.event.${v}`),
      ...monitoring.scenarios.map((v) => `monitoring.scenario.${v}`),
      ...monitoring.alertStatuses.map((v) => `monitoring.alert_status.${v}`),
      ...monitoring.alertSources.map((v) => `monitoring.source.${v}`),
      ...monitoring.executions.map((v) => `monitoring.execution.${v}`),
      ...monitoring.bands.map((v) => `monitoring.band.${v}`),
      ...monitoring.transactionTypes.map((v) => `monitoring.tx_type.${v}`),
      ...monitoring.methods.map((v) => `monitoring.method.${v}`),
      ...['draft', 'published', 'retired'].map((v) => `monitoring.version_status.${v}`),
      ...['standard', 'elevated', 'grey', 'black'].map((v) => `monitoring.category.${v}`),
      ...monitoring.parameters.map((v) => `monitoring.param.${v}`),
      ...monitoring.aggregates.map((v) => `monitoring.aggregate.${v}`),
      ...importKinds.map((v) => `imports.kind.${v}`),
      ...importStatuses.map((v) => `imports.status.${v}`),
      // Notification types and error codes as listed in docs/api.md.
      ...['task_assigned', 'task_available', 'sla_reminder', 'sla_escalation', 'case_update', 'case_stuck'].map(
        (t) => `notification.type.${t}`,
      ),
      ...[
        'VALIDATION_FAILED',
        'INVALID_CREDENTIALS',
        'UNAUTHENTICATED',
        'FORBIDDEN',
        'NOT_FOUND',
        'CONFLICT',
        'RATE_LIMITED',
        'INTERNAL',
      ].map((c) => `errors.code.${c}`),
    ];
    expect(expected.filter((k) => !(k in english))).toEqual([]);
  });
});

describe('the console', () => {
  it('lists lead statuses as the API does', () => {
    expect([...LEAD_STATUSES]).toEqual([...API_LEAD_STATUSES]);
  });

  it('has a module for every case type the API serves', () => {
    expect(API_CASE_TYPES.map((m) => m.definition.type).filter((t) => !CASE_TYPES.some((c) => c.key === t))).toEqual([]);
  });

  // The console imports no server code (it talks HTTP only): its lists are its own, and must be the API's.
  const definition = (type: string) => API_CASE_TYPES.find((m) => m.definition.type === type)!.definition;
  it.each([
    ['complaint channels', channels, complaintWorkflow.CHANNELS],
    ['complaint severities', severities, complaintWorkflow.SEVERITIES],
    ['complaint categories', categories, complaintWorkflow.CATEGORIES],
    ['complaint root causes', rootCauses, complaintWorkflow.ROOT_CAUSES],
    ['complaint steps', complaintSteps, definition('complaint').steps],
    ['complaint states', complaintStates, definition('complaint').states],
    ['complaint statuses', complaintStatuses, definition('complaint').statuses],
    ['KYC review kinds', kyc.reviewKinds, kycWorkflow.REVIEW_KINDS],
    ['KYC risk bands', kyc.riskBands, kycWorkflow.RISK_BANDS],
    ['KYC steps', kyc.kycSteps, definition('kyc_review').steps],
    ['KYC states', kyc.kycStates, definition('kyc_review').states],
    ['KYC statuses', kyc.reviewStatuses, definition('kyc_review').statuses],
    ['KYC document kinds', kyc.documentKinds, DOCUMENT_KINDS],
    ['request kinds', requests.requestKinds, requestWorkflow.KINDS],
    ['request steps', requests.requestSteps, definition('internal_request').steps],
    ['request states', requests.requestStates, definition('internal_request').states],
    ['request statuses', requests.requestStatuses, definition('internal_request').statuses],
    ['client-development steps', development.developmentSteps, definition('client_development').steps],
    ['client-development states', development.developmentStates, definition('client_development').states],
    ['client-development statuses', development.developmentStatuses, definition('client_development').statuses],
    ['client-development stages', development.developmentStages, developmentWorkflow.STAGES],
    ['client-development temperatures', development.temperatures, developmentWorkflow.TEMPERATURES],
    ['client-development lost reasons', development.lostReasons, developmentWorkflow.LOST_REASONS],
    ['AML steps', aml.amlSteps, definition('aml_case').steps],
    ['AML states', aml.amlStates, definition('aml_case').states],
    ['AML statuses', aml.amlStatuses, definition('aml_case').statuses],
    ['AML closures', aml.closures, amlWorkflow.CLOSURES],
    ['monitoring scenarios', monitoring.scenarios, TEMPLATES.map((t) => t.id)],
    ['monitoring executions', monitoring.executions, [...new Set(TEMPLATES.map((t) => t.execution))]],
    ['alert statuses', monitoring.alertStatuses, AlertFilter.shape.status.unwrap().options],
    ['alert sources', monitoring.alertSources, AlertFilter.shape.source.unwrap().options],
    ['template parameters', monitoring.parameters, [...new Set(TEMPLATES.flatMap((t) => Object.keys(t.params.shape)))]],
  ] as const)('lists %s as the API does', (_, console, api) => {
    expect([...console].sort()).toEqual([...api].sort());
  });

  it("labels every setting the case types declare (the administrators' settings page)", () => {
    const keys = API_CASE_TYPES.flatMap((m) =>
      Object.keys(m.definition.settings).map((k) => `${m.definition.type}.setting.${k.replace(/\./g, '_')}`),
    );
    expect(keys.length).toBeGreaterThan(5);
    expect(keys.filter((k) => !(k in english))).toEqual([]);
  });

  it("lists every case type's steps as the API does, in process order", () => {
    for (const t of CASE_TYPES) expect([...t.steps]).toEqual([...definition(t.key).steps]);
  });
});

describe.each(CASE_TYPES.map((t) => [t.key, t] as const))('case type %s', (key, caseType) => {
  // What the task page renders: the API's completion form of every step, read the way the console reads it.
  const branches = Object.values(FORMS[key] ?? {}).flatMap((form) => branchesOf(z.toJSONSchema(form, { io: 'input' }) as JsonSchema));

  it('has the API forms of its steps', () => {
    expect(Object.keys(FORMS[key] ?? {}).sort()).toEqual([...caseType.steps].sort());
  });

  it('labels its steps, their outcomes and form fields, and names its resource', () => {
    const expected = [
      ...caseType.steps.map((s) => `${key}.task.step.${s}`),
      ...branches.map((b) => `${key}.task.outcome.${b.outcome}`),
      ...branches.flatMap((b) => b.fields.map((f) => `${key}.task.field.${f.name}`)),
      `resources.${caseType.resource.name}.name`,
      // The options of its forms' choice fields, where it names their messages.
      ...branches.flatMap((b) =>
        b.fields.flatMap((f) => {
          const prefix = caseType.choiceLabels?.[f.name];
          return f.kind === 'choice' && prefix ? f.options.map((o) => `${prefix}.${o}`) : [];
        }),
      ),
    ];
    expect(expected.filter((k) => !(k in english))).toEqual([]);
  });

  it('keeps its messages in its own namespace and resource, in every language', () => {
    for (const messages of caseTypeMessages.get(key)!) {
      const outside = Object.keys(flatten(messages)).filter(
        (k) => !k.startsWith(`${key}.`) && !k.startsWith(`resources.${caseType.resource.name}.`),
      );
      expect(outside).toEqual([]);
    }
    expect(Object.keys(caseType.messages).sort()).toEqual(locales.map((l) => l.locale).sort());
  });
});

it('the shell names no case type in its messages', () => {
  const shellKeys = Object.keys(flatten(en as Tree));
  const caseTypeKeys = shellKeys.filter((k) =>
    CASE_TYPES.some((t) => k.startsWith(`${t.key}.`) || k.startsWith(`resources.${t.resource.name}.`)),
  );
  expect(caseTypeKeys).toEqual([]);
});

// Every key in every language: react-admin's own (but its dev-only guessers) and ours. A language has no
// fallback to rely on: an English word on a Thai screen is a defect. (The shell's and the case types' message
// files also say so to TypeScript: `satisfies MessagesOf<typeof en>`.)
const everyKey = Object.keys(english).filter((k) => !k.startsWith('ra.guesser.'));
describe.each([
  ['ru', ru],
  ['zh', zh],
  ['th', th],
  ['vi', vi],
] as const)('%s messages', (locale, shell) => {
  const index = OTHER.indexOf(locale) + 1;
  const ours = [shell, ...CASE_TYPES.map((t) => caseTypeMessages.get(t.key)![index])].reduce<Record<string, string>>(
    (out, m) => ({ ...out, ...flatten(m as Tree) }),
    {},
  );
  // react-admin's strings: a published package (Russian) or our copy (see admin-ui/src/i18n/ra/index.ts).
  const own = { ...flatten(raMessages[locale]), ...ours };
  const published = locale === 'ru';

  it('is offered in the locale switcher', () => {
    expect(locales.map((l) => l.locale)).toContain(locale);
  });

  it("translate every key of the console, react-admin's included", () => {
    expect(everyKey.length).toBeGreaterThan(500);
    expect(everyKey.filter((k) => !(k in own))).toEqual([]);
  });

  it('have no key English does not have', () => {
    // A published package may keep a key react-admin has dropped (ra.navigation.prev): harmless.
    const checked = published ? ours : own;
    expect(Object.keys(checked).filter((k) => !(k in english))).toEqual([]);
  });

  it('use only placeholders the English text provides, and all of ours', () => {
    const wrong = Object.entries(own).filter(([key, text]) => {
      const theirs = placeholders(english[key] ?? '');
      // react-admin passes the sort label both as %{field} and %{field_lower_first}.
      if (key === 'ra.sort.sort_by') theirs.add('%{field}');
      const mine = placeholders(text);
      const extra = [...mine].some((p) => !theirs.has(p));
      // react-admin's own plural strings may drop %{name} or %{smart_count} where the grammar needs no count.
      const missing = !key.startsWith('ra.') && [...theirs].some((p) => !mine.has(p));
      return extra || missing;
    });
    expect(wrong).toEqual([]);
  });

  it('are what the console loads for the language', () => {
    const merged = catalogs[locale];
    for (const key of everyKey) expect(merged[key]).toBe(own[key]);
  });
});

it('react-admin English is the base of the English messages', () => {
  expect(english['ra.action.save']).toBe((englishMessages.ra.action as Tree).save);
  expect(english['login.submit']).toBe(en.login.submit);
});

it("writes dates and numbers in the browser's variant of the console language, else its home region (English: en-GB)", () => {
  expect(formatLocale('en', [])).toBe('en-GB');
  expect(formatLocale('en', ['ru-RU', 'fr-FR'])).toBe('en-GB');
  expect(formatLocale('en', ['en-US', 'en-GB'])).toBe('en-US');
  expect(formatLocale('th', ['th-TH'])).toBe('th-TH');
  expect(formatLocale('zh', ['zh-SG'])).toBe('zh-SG');
  expect(formatLocale('vi', ['en-GB'])).toBe('vi-VN');
  expect(new Intl.DateTimeFormat(formatLocale('en', []), { dateStyle: 'short' }).format(new Date('2026-03-04T12:00:00Z'))).toBe(
    '04/03/2026',
  );
});
