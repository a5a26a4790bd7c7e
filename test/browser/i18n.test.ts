// Every language of the console, walked in headless Chromium over the screens staff use all day (inbox,
// complaints, KYC reviews, clients, notifications): no message key, no raw code (snake_case, true/false) and no
// English text from the console's own messages left on screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadMessages, messagesFor } from '../../admin-ui/src/i18n/messages';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';
import { waitFor } from '../support/cases';
import { KYC1, addDocuments, work } from '../support/kyc';
import { assertConsoleBuilt, launchChromium, openSession } from './chromium';
import { grantRoles, signIn } from './console-ui';

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): Record<string, string> =>
  Object.entries(tree).reduce<Record<string, string>>((out, [key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? { ...out, [path]: value } : { ...out, ...flatten(value, path) };
  }, {});

const english = flatten(messagesFor('en') as Tree);
const NAMESPACES = [
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
  'resources',
  'complaint',
  'kyc_review',
  'internal_request',
  'imports',
  'lead',
  'ib',
  'interactionList',
  'accountList',
  'transactionList',
];
const MESSAGE_KEY = new RegExp(`\\b(${NAMESPACES.join('|')})\\.[a-z_]+\\.[a-z_.]+`);
const RAW_CODE = /\b[a-z]+(?:_[a-z]+)+\b|\b(?:true|false|null|undefined)\b/;

let stack: Stack;
let browser: Browser;
let complaintId: string;
let reviewId: string;
let leadId: string;

beforeAll(async () => {
  assertConsoleBuilt();
  stack = await startStack();
  browser = await launchChromium();
  // one sign-in that sees every screen: an administrator who also handles complaints and KYC reviews
  await grantRoles(stack.db.prisma, 'u-admin', ['complaints_manager', 'compliance_manager']);
  const [agent, kyc1] = await Promise.all([
    ApiClient.login(stack.url, 'agent1@example.com'),
    ApiClient.login(stack.url, 'kyc1@example.com'),
  ]);
  const complaint = await agent.post('/api/complaints', {
    clientId: 'c-1001',
    channel: 'web',
    category: 'deposit_withdrawal',
    severity: 'high',
    description: 'A withdrawal to a verified card has been pending for nine days.',
  });
  expect(complaint.status).toBe(201);
  complaintId = complaint.body.id;
  await agent.post(`/api/complaints/${complaintId}/comments`, { text: 'Payments team asked for the card scheme reference.' });
  // a lead with the client's e-mail: its page lists the finding with its actions
  const lead = await agent.post('/api/leads', {
    firstName: 'Olly',
    lastName: 'Bennet',
    email: 'c-1001@clients.example.com',
    source: 'web',
    accountManagerId: 'u-agent1',
  });
  expect(lead.status, JSON.stringify(lead.body)).toBe(201);
  leadId = lead.body.id;
  // A review past its automated checks: risk factors, checks and documents on its page.
  const review = await kyc1.post('/api/kyc-reviews', { clientId: 'c-1001' });
  expect(review.status).toBe(201);
  reviewId = review.body.id;
  await addDocuments(stack.db.prisma, reviewId, 'c-1001', {
    surname: 'BENNETT',
    given: 'OLIVER',
    number: '533401372',
    nationality: 'GBR',
    birth: '1985-04-12',
    expiry: '2031-01-01',
  });
  await work(stack.temporal, stack.db.prisma, reviewId, KYC1, { outcome: 'documents_complete' }, 'collect_documents');
  await waitFor(async () => (await stack.db.prisma.task.count({ where: { caseId: reviewId, step: 'cdd_review' } })) > 0, 'CDD review');
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** What is on screen, but text the server writes in English (the risk score's explanations, marked
 * data-server-text): that is for the API to translate, not the console. */
const screenText = (page: Page) =>
  page.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[data-server-text]').forEach((e) => e.remove());
    // innerText of a detached copy has no layout: textContent, one line per block.
    copy.querySelectorAll('p, div, li, td, th, span, h6, h5, button').forEach((e) => e.append(' '));
    return copy.textContent ?? '';
  });

describe.each(['ru', 'zh', 'th', 'vi'])('the console in %s', (locale) => {
  it(
    'shows no message key, raw code or English message on the inbox, complaint, KYC, client (and its edit), interaction, account and transaction lists, lead, notification, dashboard, task, import, introducing broker, sanctions list and administration screens',
    { timeout: 120_000 },
    async () => {
      const own = flatten((await loadMessages(locale)) as Tree);
      // English messages this language words differently (a name such as "SLA" or "KYC" may stay as it is).
      const ownValues = new Set(Object.values(own));
      const leaks = Object.entries(english)
        .filter(([key, text]) => own[key] !== text && !ownValues.has(text) && !text.includes('%{') && /[A-Za-z]{3}/.test(text))
        .map(([, text]) => text)
        .filter((text) => text.length >= 4);

      const { page } = await openSession(browser, stack.url, `admin-${locale}`);
      await signIn(page, 'admin@example.com');
      await page.getByTestId('locale-switcher').click();
      await page.getByTestId(`locale-${locale}`).click();
      await page.getByTestId('nav-tasks').filter({ hasText: own['inbox.title'] }).waitFor();

      const screens: [string, () => Promise<unknown>][] = [
        [
          'inbox (team)',
          async () => {
            await page.goto('/#/tasks');
            await page.getByTestId('tab-team').click();
            await page.locator('[data-testid^="task-row-"]').first().waitFor();
          },
        ],
        [
          'complaints',
          async () => {
            await page.goto('/#/complaints');
            await page.locator('tbody tr').first().waitFor();
          },
        ],
        [
          'a complaint',
          async () => {
            await page.goto(`/#/complaints/${complaintId}/show`);
            await page.getByTestId('timeline-comment').waitFor();
          },
        ],
        [
          'KYC reviews',
          async () => {
            await page.goto('/#/kyc-reviews');
            await page.locator('tbody tr').first().waitFor();
          },
        ],
        [
          'a KYC review',
          async () => {
            await page.goto(`/#/kyc-reviews/${reviewId}/show`);
            await page.getByTestId('risk-factors').locator('tbody tr').nth(8).waitFor();
            await page.getByTestId('kyc-documents').waitFor();
          },
        ],
        [
          'clients',
          async () => {
            await page.goto('/#/clients');
            await page.locator('tbody tr').first().waitFor();
          },
        ],
        // each list by a column only it has (the previous list's rows may still be on screen)
        ...(
          [
            ['interactions', 'occurredAt'],
            ['accounts', 'login'],
            ['transactions', 'bookedAt'],
          ] as const
        ).map(([list, column]): [string, () => Promise<unknown>] => [
          `the ${list} list`,
          async () => {
            await page.getByTestId(`nav-${list}`).click();
            await page.locator(`th.column-${column}`).waitFor();
            await page.getByTestId('client-link').first().waitFor();
          },
        ]),
        [
          'notifications',
          async () => {
            await page.goto('/#/notifications');
            await page.getByTestId('notification-mark-all').waitFor();
          },
        ],
        [
          'the dashboard',
          async () => {
            await page.goto('/#/');
            await page.getByTestId('workload').waitFor();
            await page.getByTestId('compliance-card').waitFor();
            await page.getByTestId('admin-summary').waitFor();
          },
        ],
        [
          'a task page',
          async () => {
            const task = await stack.db.prisma.task.findFirstOrThrow({ where: { caseId: complaintId, status: 'open' } });
            await page.goto(`/#/tasks/${encodeURIComponent(task.id)}/show`);
            await page.getByTestId('task-case-summary').waitFor();
          },
        ],
        [
          'the imports',
          async () => {
            await page.goto('/#/imports');
            await page.getByTestId('empty-state').waitFor();
          },
        ],
        [
          'a new import',
          async () => {
            await page.goto('/#/imports/create');
            await page.getByTestId('import-check').waitFor();
          },
        ],
        [
          'the duplicate review queue',
          async () => {
            await page.getByTestId('nav-lead-duplicates').click();
            await page.getByTestId('lead-open-duplicates').first().waitFor();
          },
        ],
        [
          'a lead',
          async () => {
            await page.goto(`/#/leads/${leadId}/show`);
            await page.getByTestId('duplicate-merge').first().waitFor();
          },
        ],
        [
          'a new lead',
          async () => {
            await page.goto('/#/leads/create');
            await page.getByTestId('lead-firstName').waitFor();
          },
        ],
        [
          'a client being edited',
          async () => {
            await page.goto('/#/clients/c-1001/show');
            await page.getByTestId('client-edit').click();
            await page.getByTestId('client-edit-tier').waitFor();
          },
        ],
        [
          'the sanctions lists',
          async () => {
            await page.goto('/#/screening-lists');
            await page.getByTestId('lists-empty').waitFor();
          },
        ],
        [
          'the introducing brokers, a new one being added',
          async () => {
            await page.goto('/#/introducing-brokers');
            await page.locator('[data-testid=ib-row][data-id=ib-apex-leeds]').waitFor();
            await page.getByTestId('ib-new').click();
            await page.getByTestId('ib-id').waitFor();
          },
        ],
        [
          'the SLA policies',
          async () => {
            await page.goto('/#/sla-policies');
            await page.locator('tbody tr').first().waitFor();
          },
        ],
        [
          'the settings',
          async () => {
            await page.goto('/#/settings');
            await page.locator('tbody tr').first().waitFor();
          },
        ],
      ];
      expect(leaks.length).toBeGreaterThan(400);
      const found: string[] = [];
      for (const [screen, open] of screens) {
        await open();
        // Data typed by people (descriptions, comments, names, e-mails, an interaction's subject) is what it is: only our own words count.
        const text = (await screenText(page))
          .replace(/\S+@\S+/g, '')
          .replace(
            /A withdrawal to a verified card has been pending for nine days\.|Payments team asked for the card scheme reference\.|Question about swap fees/g,
            '',
          );
        const key = text.match(MESSAGE_KEY);
        if (key) found.push(`${screen}: message key ${key[0]}`);
        const code = text.match(RAW_CODE);
        if (code) found.push(`${screen}: raw code "${code[0]}"`);
        for (const leak of leaks) {
          if (new RegExp(`(^|[^A-Za-z])${leak.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z])`).test(text))
            found.push(`${screen}: English "${leak}"`);
        }
      }
      expect(found).toEqual([]);
    },
  );
});
