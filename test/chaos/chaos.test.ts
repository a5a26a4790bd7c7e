// Chaos (issue 7, item 18): a few hundred cases of every type are opened and worked through the API while
// the worker, the API and the Temporal server are SIGKILLed and restarted at random moments, and SLA
// timers of a minute remind and escalate meanwhile. Then, with everything up and quiet, checks.ts says
// whether anything was lost, duplicated, fired twice or projected wrong.
//
//   CHAOS_SEED=123       repeat a run (the seed is printed)
//   CHAOS_CASES=240      cases opened (a third complaints, a sixth each KYC reviews, internal requests, AML
//                        cases and client-development cases; the KYC reviews the product opens for escalated
//                        AML cases and converted leads come on top, and are checked too)
//   CHAOS_SECONDS=90     how long cases are worked and things are killed
import { afterAll, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { createDb, type Db } from '../../platform/db';
import { seedReferenceData } from '../../prisma/seed';
import { importList } from '../../platform/screening/store';
import { createTestDatabase } from '../support/db';
import { startChaosStack, type ChaosStack } from './stack';
import { prng, runChaos, type ChaosReport } from './chaos';
import { CASE_TYPES, Driver, type CaseType, type CreatedCase } from './driver';
import { derivedCases, quiesce, runChecks } from './checks';

const SEED = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CASES = Number(process.env.CHAOS_CASES ?? 240);
const SECONDS = Number(process.env.CHAOS_SECONDS ?? 90);
// Targets in business minutes on a calendar that never closes: business time is wall time.
const TASK_MINUTES = 1;
const ESCALATE_AFTER_MINUTES = 1;
const CASE_MINUTES = 3;

const log = (line: string) => console.log(`[chaos] ${line}`);
let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
let db: Db | undefined;
let stack: ChaosStack | undefined;
let connection: Connection | undefined;

afterAll(async () => {
  await connection?.close();
  await stack?.stop();
  await db?.close();
  await database?.drop();
});

/** Short targets everywhere, branches open around the clock, a one-entry sanctions list, KYC and AML clients. */
async function prepare(
  db: Db,
  kycClients: number,
  amlClients: number,
): Promise<{ kyc: { id: string; completeFile: boolean }[]; aml: { id: string; completeFile: boolean }[] }> {
  const { prisma, pool } = db;
  await seedReferenceData(prisma);
  await prisma.branch.updateMany({ data: { workdays: [1, 2, 3, 4, 5, 6, 7], workStart: '00:00', workEnd: '24:00', holidays: [] } });
  await pool.query(
    `UPDATE sla_policies SET business_days = NULL, business_hours = NULL, escalate_after_minutes = $3,
       business_minutes = CASE WHEN step = '_case' THEN $1::int ELSE $2::int END`,
    [CASE_MINUTES, TASK_MINUTES, ESCALATE_AFTER_MINUTES],
  );
  const entry = { entryId: 'CHAOS-1', schema: 'Person' as const, name: 'Viktor Chaosov', programs: ['TEST'] };
  const empty = { aliases: [], birthDates: [], birthPlaces: [], nationalities: [], identifiers: [], addresses: [] };
  await importList(prisma, { source: 'un_sc', files: [], entries: [{ source: 'un_sc', ...entry, ...empty }] });
  // every KYC review needs a client without an open review; some files are complete, some need EDD,
  // some clients match the sanctions list
  const clients = Array.from({ length: kycClients }, (_, i) => ({
    id: `c-chaos-${String(i + 1).padStart(4, '0')}`,
    completeFile: i % 2 === 0,
  }));
  await prisma.client.createMany({
    data: clients.map((c, i) => ({
      id: c.id,
      name: i % 7 === 3 ? 'Viktor Chaosov' : `Chaos Client ${i + 1}`,
      type: 'individual',
      country: 'GB',
      branchId: 'london',
      email: `${c.id}@clients.example.com`,
      kycStatus: 'pending',
    })),
  });
  await prisma.kycProfile.createMany({
    data: clients.map((c, i) => ({
      clientId: c.id,
      dateOfBirth: c.completeFile ? new Date('1980-01-01') : null,
      nationality: 'GB',
      residence: 'GB',
      products: ['shares'],
      eddFlags: i % 5 === 1 ? ['shell_company'] : [],
    })),
  });
  // every AML case needs a client of its own: a client's alerts group into its one open case
  const aml = Array.from({ length: amlClients }, (_, i) => ({ id: `c-chaos-aml-${String(i + 1).padStart(4, '0')}`, completeFile: false }));
  await prisma.client.createMany({
    data: aml.map((c, i) => ({
      id: c.id,
      name: `Chaos Payer ${i + 1}`,
      type: 'individual',
      country: 'GB',
      branchId: 'london',
      email: `${c.id}@clients.example.com`,
      kycStatus: 'approved',
    })),
  });
  return { kyc: clients, aml };
}

it(
  'loses nothing, duplicates nothing and fires every escalation once while processes are killed',
  { timeout: (SECONDS + 420) * 1000 },
  async () => {
    const started = Date.now();
    log(`seed ${SEED} (CHAOS_SEED=${SEED} repeats it), ${CASES} cases, ${SECONDS}s of load`);
    const MIX: CaseType[] = ['complaint', 'kyc_review', 'complaint', 'internal_request', 'aml_case', 'client_development'];
    const plan: CaseType[] = Array.from({ length: CASES }, (_, i) => MIX[i % MIX.length]);

    database = await createTestDatabase();
    db = createDb(database.url);
    const clients = await prepare(db, plan.filter((t) => t === 'kyc_review').length, plan.filter((t) => t === 'aml_case').length);
    stack = await startChaosStack(database.url);
    await stack.start('temporal');
    await Promise.all([stack.start('worker'), stack.start('api')]);
    log(`stack up in ${((Date.now() - started) / 1000).toFixed(1)}s`);

    const driver = new Driver(stack.apiUrl, prng(SEED), { concurrency: 16, log });
    await driver.login();
    const until = Date.now() + SECONDS * 1000;
    const created: CreatedCase[] = [];
    const ticker = setInterval(
      () => log(`… ${created.length} opened, ${driver.stats.tasksCompleted} tasks completed, ${driver.stats.retried} retried`),
      10_000,
    );
    const chaos: Promise<ChaosReport> = runChaos(stack, prng(SEED + 1), {
      until: until - 15_000,
      gapMs: [4_000, 12_000],
      downMs: [200, 3_000],
      longDownMs: [15_000, 25_000],
      log,
    });

    // cases are opened a few at a time, and each is worked as soon as it exists
    const drives: Promise<void>[] = [];
    let next = 0;
    const clientIndex = { kyc: 0, aml: 0 };
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < plan.length) {
          const n = next++;
          const type = plan[n];
          const client =
            type === 'kyc_review' ? clients.kyc[clientIndex.kyc++] : type === 'aml_case' ? clients.aml[clientIndex.aml++] : undefined;
          const c = await driver.open(type, n, `chaos-${SEED}-${n}`, client);
          created.push(c);
          drives.push(driver.drive(c, until));
        }
      }),
    );
    log(`${created.length} cases opened in ${((Date.now() - started) / 1000).toFixed(0)}s`);
    await Promise.all(drives);
    const report = await chaos;
    clearInterval(ticker);
    const loadDone = Date.now();
    log(`load done: ${created.length} cases opened, ${driver.stats.tasksCompleted} tasks completed; kills ${JSON.stringify(report.kills)}`);

    connection = await Connection.connect({ address: stack.temporalAddress });
    const temporal = new Client({ connection });
    const statuses = await quiesce(temporal, created, 180_000, log);
    // the KYC reviews the product opened by itself are checked like the rest (and may open while the backlog clears)
    const derived: CreatedCase[] = [];
    for (let more = await derivedCases(db, created); more.length; more = await derivedCases(db, [...created, ...derived])) {
      derived.push(...more);
      for (const [id, status] of await quiesce(temporal, more, 180_000, log)) statuses.set(id, status);
    }
    const cases = [...created, ...derived];
    log(`quiet after ${((Date.now() - loadDone) / 1000).toFixed(1)}s; ${derived.length} KYC reviews opened by the product`);
    const results = await runChecks({
      db,
      temporal,
      cases,
      statuses,
      outages: report.outages,
      escalateAfterMinutes: ESCALATE_AFTER_MINUTES,
      slackMs: 15_000,
      activityTimeoutMs: 30_000,
    });
    results.push({ name: 'no process exited unless killed', checked: 1, failures: stack.unexpectedExits });
    results.push({
      name: 'no request answered 500 (an outage is a 503)',
      checked: driver.stats.requests,
      failures: driver.stats.serverErrorSamples,
    });

    const count = async (sql: string) => (await db!.pool.query<{ n: number }>(sql, [cases.map((c) => c.id)])).rows[0].n;
    const escalations = await count(`SELECT count(*)::int AS n FROM case_events WHERE type = 'sla_escalated' AND case_id = ANY($1)`);
    const reminders = await count(`SELECT count(*)::int AS n FROM case_events WHERE type = 'sla_reminder' AND case_id = ANY($1)`);
    const perType = Object.fromEntries(CASE_TYPES.map((t) => [t, created.filter((c) => c.type === t).length]));
    const s = driver.stats;
    log(
      `cases ${JSON.stringify(perType)} and ${derived.length} KYC reviews the product opened; closed (won or lost) ${JSON.stringify(s.casesClosed)}; ${s.casesWaiting} client-development cases left waiting for the client; tasks completed ${s.tasksCompleted}`,
    );
    log(
      `kills ${JSON.stringify(report.kills)}; requests ${s.requests}, retried ${s.retried}, answered 500 ${s.serverErrors}; retried after ${JSON.stringify(s.retryReasons)}`,
    );
    log(`SLA: ${reminders} reminders, ${escalations} escalations fired`);
    const logged = [...new Set(stack.errorLines.map((l) => l.replace(/[0-9a-f-]{36}/g, '…').slice(0, 300)))];
    log(
      `${stack.errorLines.length} error lines from the API and the worker${logged.length ? `, e.g.\n  ${logged.slice(0, 8).join('\n  ')}` : ''}`,
    );
    for (const r of results)
      log(
        `${r.failures.length ? 'FAIL' : 'ok  '} ${r.name}: ${r.checked} checked${r.failures.length ? `, ${r.failures.length} failed` : ''}${r.note ? ` (${r.note})` : ''}`,
      );
    log(
      `checks passed ${results.filter((r) => !r.failures.length).length}/${results.length}; ${((Date.now() - started) / 1000).toFixed(0)}s in all (seed ${SEED})`,
    );

    expect(created).toHaveLength(CASES);
    expect(Object.fromEntries(results.filter((r) => r.failures.length).map((r) => [r.name, r.failures.slice(0, 10)]))).toEqual({});
  },
);
