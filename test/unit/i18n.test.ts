import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FORMS } from '../../api/tasks/forms';
import { CASE_TYPES } from '../../admin-ui/src/caseTypes';
import {
  categories,
  channels,
  complaintStatuses,
  rootCauses,
  severities,
} from '../../admin-ui/src/complaints/enums';
import { en } from '../../admin-ui/src/i18n/en';
import { locales, messagesFor } from '../../admin-ui/src/i18n/messages';
import { ra } from '../../admin-ui/src/i18n/ra';
import { ru } from '../../admin-ui/src/i18n/ru';
import { th } from '../../admin-ui/src/i18n/th';
import { vi } from '../../admin-ui/src/i18n/vi';
import { zh } from '../../admin-ui/src/i18n/zh';
import { slaStates } from '../../admin-ui/src/sla/slaStates';
import { branchesOf, type JsonSchema } from '../../admin-ui/src/tasks/completionForm';
import { taskStatuses } from '../../admin-ui/src/tasks/enums';

type Tree = { [key: string]: string | Tree };

const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.entries(tree).reduce<Record<string, string>>((out, [key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? { ...out, [path]: value } : { ...out, ...flatten(value, path) };
  }, {});

const english = flatten(messagesFor('en') as Tree);
const placeholders = (text: string) => new Set(text.match(/%\{\w+\}/g) ?? []);

const SRC = join(import.meta.dirname, '../../admin-ui/src');
const sources = (readdirSync(SRC, { recursive: true }) as string[])
  .filter((f) => /\.tsx?$/.test(f) && !/(^|[\\/])i18n[\\/]((ra[\\/])?(en|ru|zh|th|vi)|index)\.ts$/.test(f))
  .map((f) => ({ file: f, text: readFileSync(join(SRC, f), 'utf8') }));

// Literal keys only; keys built at run time (`complaint.state.${state}`, choices('sla.state', slaStates)) are
// checked through the enums below. Field paths (source="client.name") are not keys either.
const SHELL = ['ra', 'app', 'login', 'errors', 'sla', 'inbox', 'notification', 'dashboard', 'resources'];
const NAMESPACES = [...SHELL, ...CASE_TYPES.map((t) => t.key)].join('|');
const LITERAL_KEY = new RegExp(`['"\`]((?:${NAMESPACES})\\.[A-Za-z_.-]*[A-Za-z_])['"\`]`, 'g');
// choiceLabels hold message prefixes, checked per case type below.
const NOT_KEYS = /choices\('[\w.]+'|source="[\w.]+"|choiceLabels: \{[^}]*\}/g;

describe('English messages', () => {
  it('have every key the console uses literally', () => {
    const used = sources.flatMap(({ file, text }) =>
      [...text.replace(NOT_KEYS, '').matchAll(LITERAL_KEY)].map((m) => `${file}: ${m[1]}`),
    );
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
      // Notification types and error codes as listed in docs/api.md.
      ...['task_assigned', 'task_available', 'sla_reminder', 'sla_escalation', 'case_update'].map(
        (t) => `notification.type.${t}`,
      ),
      ...['VALIDATION_FAILED', 'INVALID_CREDENTIALS', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL'].map(
        (c) => `errors.code.${c}`,
      ),
    ];
    expect(expected.filter((k) => !(k in english))).toEqual([]);
  });
});

describe.each(CASE_TYPES.map((t) => [t.key, t] as const))('case type %s', (key, caseType) => {
  // What the task page renders: the API's completion form of every step, read the way the console reads it.
  const branches = Object.values(FORMS[key] ?? {}).flatMap((form) =>
    branchesOf(z.toJSONSchema(form, { io: 'input' }) as JsonSchema),
  );

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
    for (const messages of Object.values(caseType.messages)) {
      const outside = Object.keys(flatten(messages as Tree)).filter(
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

// The screens a non-English speaker must be able to use end to end, and the react-admin strings they show.
const REQUIRED = [
  'app',
  'login',
  'inbox',
  'complaint',
  'notification',
  'errors',
  'sla',
  'resources.tasks',
  'resources.complaints',
  'resources.notifications',
  'ra.action',
  'ra.auth',
  'ra.boolean',
  'ra.message',
  'ra.navigation',
  'ra.notification',
  'ra.page',
  'ra.sort',
  'ra.validation',
];
const requiredKeys = Object.keys(english).filter((k) => REQUIRED.some((ns) => k.startsWith(`${ns}.`)));

describe.each([
  ['ru', ru],
  ['zh', zh],
  ['th', th],
  ['vi', vi],
] as const)('%s messages', (locale, shell) => {
  const own = flatten(
    [ra[locale], shell, ...CASE_TYPES.map((t) => t.messages[locale])].reduce<Tree>(
      (out, m) => ({ ...out, ...flatten(m as Tree) }),
      {},
    ),
  );

  it('is offered in the locale switcher', () => {
    expect(locales.map((l) => l.locale)).toContain(locale);
  });

  it('translate every key of the login, inbox, complaint and notification screens', () => {
    expect(requiredKeys.length).toBeGreaterThan(250);
    expect(requiredKeys.filter((k) => !(k in own))).toEqual([]);
  });

  it('have no key English does not have', () => {
    expect(Object.keys(own).filter((k) => !(k in english))).toEqual([]);
  });

  it('use only placeholders the English text provides, and all of ours', () => {
    const wrong = Object.entries(own).filter(([key, text]) => {
      const theirs = placeholders(english[key] ?? '');
      const mine = placeholders(text);
      const extra = [...mine].some((p) => !theirs.has(p));
      // react-admin's own plural strings may drop %{name} or %{smart_count} where the grammar needs no count.
      const missing = !key.startsWith('ra.') && [...theirs].some((p) => !mine.has(p));
      return extra || missing;
    });
    expect(wrong).toEqual([]);
  });

  it('fall back to English for keys left untranslated', () => {
    const merged = flatten(messagesFor(locale) as Tree);
    const untranslated = Object.keys(english).filter((k) => !(k in own));
    for (const key of untranslated) expect(merged[key]).toBe(english[key]);
    expect(merged['login.submit']).toBe(own['login.submit']);
  });
});

it('react-admin English is the base of the English messages', () => {
  expect(english['ra.action.save']).toBe((englishMessages.ra.action as Tree).save);
  expect(english['login.submit']).toBe(en.login.submit);
});
