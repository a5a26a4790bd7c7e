// What must hold after the chaos, once every process is up again and the workflows have caught up:
// no case lost, no task duplicated, every escalation whose time passed fired once and none twice,
// the projection equals what each workflow says of itself, hash chains intact, no incident open.
import type { Client } from '@temporalio/client';
import type { Db } from '../../platform/db';
import { verifyChain } from '../../platform/timeline';
import { getCaseStateQuery, type CaseStateView } from '../../workflows/engine/updates';
import type { Outage } from './chaos';
import type { CreatedCase } from './driver';
import { workflowIdOf as idOf } from '../../workflows/engine/case-type';
import { complaintCase } from '../../workflows/complaint/definition';
import { kycReviewCase } from '../../workflows/kyc-review/definition';
import { internalRequestCase } from '../../workflows/internal-request/definition';
import { amlCase } from '../../workflows/aml-case/definition';
import { clientDevelopmentCase } from '../../workflows/client-development/definition';
import { STAGE_STEP } from '../../workflows/client-development/states';

export interface CheckResult {
  name: string;
  /** how many things were checked */
  checked: number;
  /** a detail worth printing with the figures */
  note?: string;
  failures: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const DEFINITIONS = {
  complaint: complaintCase,
  kyc_review: kycReviewCase,
  internal_request: internalRequestCase,
  aml_case: amlCase,
  client_development: clientDevelopmentCase,
};
const workflowIdOf = (c: CreatedCase) => idOf(DEFINITIONS[c.type], c.id);

/** Runs `fn` over `items`, `width` at a time. */
async function each<T, R>(items: T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

/**
 * Waits until every workflow of the run has been seen with no workflow task and no activity pending:
 * the backlog the kills left is worked off. (SLA timers keep firing, so all of them are seldom idle at
 * the same moment; the checks allow for that.) Answers each workflow's status.
 */
export async function quiesce(
  temporal: Client,
  cases: CreatedCase[],
  timeoutMs: number,
  log: (line: string) => void,
): Promise<Map<string, string>> {
  const started = Date.now();
  const statuses = new Map<string, string>();
  let busy = cases;
  let reported = started;
  while (busy.length) {
    const waiting: string[] = [];
    const idle = await each(busy, 16, async (c) => {
      const d = await temporal.workflow.getHandle(workflowIdOf(c)).describe();
      statuses.set(c.id, d.status.name);
      const activities = d.raw.pendingActivities ?? [];
      if (activities.length) {
        const a = activities[0];
        waiting.push(`${workflowIdOf(c)}: ${a.activityType?.name} attempt ${a.attempt} ${a.lastFailure?.message ?? ''}`.trim());
      } else if (d.raw.pendingWorkflowTask) waiting.push(`${workflowIdOf(c)}: workflow task ${d.raw.pendingWorkflowTask.state}`);
      return !d.raw.pendingWorkflowTask && !activities.length;
    });
    busy = busy.filter((_, i) => !idle[i]);
    if (busy.length && Date.now() - reported > 15_000) {
      reported = Date.now();
      log(
        `still busy after ${((reported - started) / 1000).toFixed(0)}s: ${waiting.length} workflows, e.g. ${waiting.slice(0, 3).join('; ')}`,
      );
    }
    if (busy.length && Date.now() - started > timeoutMs)
      throw new Error(`${busy.length} workflows still busy after ${timeoutMs / 1000}s: ${waiting.slice(0, 5).join('; ')}`);
    if (busy.length) await sleep(1_000);
  }
  return statuses;
}

/**
 * KYC reviews the product opened by itself for the clients of the run's AML cases (an escalation starts an
 * enhanced review) and client-development cases (a converted lead's onboarding review), not yet in `known`.
 */
export async function derivedCases(db: Db, known: CreatedCase[]): Promise<CreatedCase[]> {
  const { rows } = await db.pool.query<{ id: string }>(
    `SELECT id FROM cases
      WHERE type = 'kyc_review' AND opened_by_id IS NULL AND NOT (id = ANY($1))
        AND client_id IN (SELECT client_id FROM cases WHERE id = ANY($1) AND type IN ('aml_case', 'client_development'))
      ORDER BY id`,
    [known.map((c) => c.id)],
  );
  return rows.map((r) => ({ id: r.id, type: 'kyc_review', by: 'kyc1', derived: true }));
}

export interface CheckInput {
  db: Db;
  temporal: Client;
  cases: CreatedCase[];
  /** workflow status by case id, from quiesce() */
  statuses: Map<string, string>;
  outages: Outage[];
  /** business minutes from level 1 to level 2 of every task's escalation (the calendar runs 24/7) */
  escalateAfterMinutes: number;
  /** how late a timer may be handled without doubt (a busy worker, a completion in the same workflow task) */
  slackMs: number;
  /** start-to-close timeout of the engine's activities (workflows/engine/projection-writer.ts) */
  activityTimeoutMs: number;
}

type TaskRow = {
  id: string;
  case_id: string;
  step: string;
  status: string;
  assignee_id: string | null;
  priority: number;
  escalation_level: number;
  breach_at: Date;
  completed_at: Date | null;
};
type CaseRow = {
  id: string;
  reference: string;
  state: string;
  status: string;
  due_at: Date | null;
  breached_at: Date | null;
  sla_paused_at: Date | null;
};

/** What the projection holds, read in one snapshot: timers still fire while the checks run. */
interface Snapshot {
  /** when it was taken */
  at: number;
  cases: CaseRow[];
  tasks: TaskRow[];
  escalations: { task_id: string; level: number; at: Date }[];
  breaches: { case_id: string; due: string; n: number }[];
}

async function snapshot(db: Db, ids: string[]): Promise<Snapshot> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const at = Date.now();
    const read = async <R extends object>(sql: string) => (await client.query<R>(sql, [ids])).rows;
    const snap: Snapshot = {
      at,
      // every case: one that nobody opened would be a create that took effect twice
      cases: await read<CaseRow>(
        'SELECT id, reference, state, status, due_at, breached_at, sla_paused_at FROM cases WHERE $1::text[] IS NOT NULL',
      ),
      tasks: await read<TaskRow>(
        'SELECT id, case_id, step, status, assignee_id, priority, escalation_level, breach_at, completed_at FROM tasks WHERE case_id = ANY($1)',
      ),
      escalations: await read(
        `SELECT data->>'taskId' AS task_id, (data->>'level')::int AS level, at FROM case_events WHERE type = 'sla_escalated' AND case_id = ANY($1)`,
      ),
      breaches: await read(
        `SELECT case_id, data->>'dueAt' AS due, count(*)::int AS n FROM case_events WHERE type = 'case_sla_breached' AND case_id = ANY($1) GROUP BY 1, 2`,
      ),
    };
    await client.query('COMMIT');
    return snap;
  } finally {
    client.release();
  }
}

export async function runChecks(input: CheckInput): Promise<CheckResult[]> {
  const snap = await snapshot(
    input.db,
    input.cases.map((c) => c.id),
  );
  return [
    casesKept(input, new Set(snap.cases.map((r) => r.id))),
    referencesGapless(snap.cases),
    tasksUnique(snap.tasks),
    escalationsOnce(input, snap),
    caseBreachesOnce(input, snap),
    await projectionsMatch(input),
    await chainsVerify(input),
    await noOpenIncidents(input),
  ];
}

function casesKept(input: CheckInput, rows: Set<string>): CheckResult {
  const ids = new Set(input.cases.map((c) => c.id));
  const failures = input.cases.flatMap((c) => {
    const status = input.statuses.get(c.id);
    return [
      ...(rows.has(c.id) ? [] : [`${c.type} ${c.id}: no case row`]),
      ...(status === 'RUNNING' || status === 'COMPLETED' ? [] : [`${c.type} ${c.id}: workflow ${status}`]),
    ];
  });
  for (const id of rows) if (!ids.has(id)) failures.push(`case ${id}: nobody opened it`);
  return { name: 'no case lost or opened twice (row and a running or completed workflow)', checked: input.cases.length, failures };
}

/** References are numbered per prefix and year from 1, without gaps or repeats (activities/engine/projection.ts). */
function referencesGapless(cases: CaseRow[]): CheckResult {
  const numbers = new Map<string, number[]>();
  for (const c of cases) {
    const [, series, n] = /^(.*)-(\d+)$/.exec(c.reference) ?? [];
    numbers.set(series, [...(numbers.get(series) ?? []), Number(n)]);
  }
  const failures = [...numbers].flatMap(([series, ns]) => {
    const sorted = ns.sort((a, b) => a - b);
    return sorted.every((n, i) => n === i + 1) ? [] : [`${series}: numbers ${sorted.join(',').slice(0, 200)}`];
  });
  return { name: 'case references without gaps or repeats', checked: cases.length, failures };
}

/** One row per case, step and attempt; never two active tasks for one step. */
function tasksUnique(tasks: TaskRow[]): CheckResult {
  const failures: string[] = [];
  const attempts = new Map<string, string>();
  const active = new Map<string, string>();
  for (const t of tasks) {
    const attempt = t.id.split(/[./]/).at(-1);
    const key = `${t.case_id} ${t.step} #${attempt}`;
    if (attempts.has(key)) failures.push(`${key}: rows ${attempts.get(key)} and ${t.id}`);
    attempts.set(key, t.id);
    if (t.status === 'open' || t.status === 'claimed') {
      const step = `${t.case_id} ${t.step}`;
      if (active.has(step)) failures.push(`${step}: two active tasks ${active.get(step)} and ${t.id}`);
      active.set(step, t.id);
    }
  }
  return { name: 'no task duplicated', checked: tasks.length, failures };
}

/**
 * Level 1 is due at the task's breach, level 2 `escalateAfterMinutes` later. An escalation fires at most
 * once, never before its time, and never after the task was done; one whose time passed while the task
 * was open (by more than the slack, and not while the worker or Temporal was down) has fired.
 */
function escalationsOnce(input: CheckInput, { at: now, tasks, escalations }: Snapshot): CheckResult {
  const dueAt = (t: TaskRow, level: number) => t.breach_at.getTime() + (level === 2 ? input.escalateAfterMinutes * 60_000 : 0);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const fired = new Map<string, Date[]>();
  let latest = 0;
  for (const e of escalations) {
    fired.set(`${e.task_id}#${e.level}`, [...(fired.get(`${e.task_id}#${e.level}`) ?? []), e.at]);
    const t = byId.get(e.task_id);
    if (t) latest = Math.max(latest, e.at.getTime() - dueAt(t, e.level));
  }
  // A completion may overtake a timer that fired but was not handled yet: as late as the latest handled
  // timer of this run (a busy machine), or later when the worker or Temporal was down. Work in flight on
  // a killed worker is taken up again only after its activity's start-to-close timeout.
  const slack = Math.max(input.slackMs, latest + 5_000);
  const disturbed = (at: number) =>
    input.outages.some(
      (o) =>
        o.part !== 'api' &&
        at >= o.from - 1_000 &&
        at <= Math.max(o.to, o.from + (o.part === 'worker' ? input.activityTimeoutMs : 0)) + slack,
    );
  const failures: string[] = [];
  let checked = 0;
  let due = 0;
  let doubtful = 0;
  for (const t of tasks) {
    const end = t.completed_at?.getTime() ?? now;
    let levels = 0;
    for (const level of [1, 2]) {
      checked++;
      const at = dueAt(t, level);
      const times = fired.get(`${t.id}#${level}`) ?? [];
      const what = `${t.id} level ${level} (due ${new Date(at).toISOString()}, task ${t.status}${t.completed_at ? ` at ${t.completed_at.toISOString()}` : ''})`;
      if (times.length > 1) failures.push(`${what}: fired ${times.length} times`);
      for (const firedAt of times) {
        if (firedAt.getTime() < at) failures.push(`${what}: fired early, at ${firedAt.toISOString()}`);
        if (firedAt.getTime() > end) failures.push(`${what}: fired after the task was done, at ${firedAt.toISOString()}`);
      }
      const expected = end > at + slack && !(t.completed_at && disturbed(at));
      if (expected) due++;
      else if (end > at) doubtful++;
      if (expected && times.length === 0) failures.push(`${what}: never fired`);
      if (times.length) levels = level;
    }
    if (t.escalation_level !== levels) failures.push(`${t.id}: escalation_level ${t.escalation_level}, but level ${levels} fired`);
  }
  const note = `${due} due while the task was open, ${doubtful} too near its end or an outage to tell; the latest fired ${(latest / 1000).toFixed(1)}s late`;
  return { name: 'every escalation whose time passed fired exactly once', checked, failures, note };
}

/** A case deadline is marked breached once per deadline; an open, running clock past its due is breached. */
function caseBreachesOnce(input: CheckInput, { at: now, cases, breaches }: Snapshot): CheckResult {
  const failures = breaches.filter((c) => c.n > 1).map((c) => `${c.case_id}: deadline ${c.due} breached ${c.n} times`);
  for (const r of cases) {
    const running = r.status !== 'closed' && !r.sla_paused_at && r.due_at;
    if (running && now > r.due_at!.getTime() + input.slackMs && !r.breached_at)
      failures.push(`${r.id}: due ${r.due_at!.toISOString()} passed, not breached`);
  }
  return { name: 'every case deadline that passed was marked breached once', checked: cases.length, failures };
}

/**
 * The projection equals the workflow's own state: state, status and the active tasks (who holds them,
 * their escalation and priority). A timer may fire between the query and the read, so a difference
 * is looked at again a few times before it counts. A case that is open has something to do.
 */
async function projectionsMatch(input: CheckInput): Promise<CheckResult> {
  const { pool } = input.db;
  const compare = async (c: CreatedCase): Promise<string[]> => {
    const view: CaseStateView = await input.temporal.workflow.getHandle(workflowIdOf(c)).query(getCaseStateQuery);
    const {
      rows: [row],
    } = await pool.query<{ state: string; status: string; follow_up_at: string | null }>(
      `SELECT state, status, attributes->>'followUpAt' AS follow_up_at FROM cases WHERE id = $1`,
      [c.id],
    );
    const { rows: active } = await pool.query<TaskRow>(
      `SELECT id, status, assignee_id, priority, escalation_level FROM tasks WHERE case_id = $1 AND status IN ('open', 'claimed') ORDER BY id`,
      [c.id],
    );
    const diff: string[] = [];
    if (view.stuck) diff.push(`stuck: ${view.stuck.code}`);
    if (row?.state !== view.state || row?.status !== view.status)
      diff.push(`case ${row?.state}/${row?.status}, workflow ${view.state}/${view.status}`);
    const fromWorkflow = view.tasks
      .filter((t) => t.status === 'open' || t.status === 'claimed')
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((t) => `${t.id} ${t.status} ${t.assigneeId} p${t.priority} e${t.escalationLevel}`);
    const fromRows = active.map((t) => `${t.id} ${t.status} ${t.assignee_id} p${t.priority} e${t.escalation_level}`);
    if (fromWorkflow.join() !== fromRows.join()) diff.push(`tasks [${fromRows.join('; ')}], workflow [${fromWorkflow.join('; ')}]`);
    // a client-development case waits for the client (its KYC review, a deposit, a trade) or for a follow-up date
    const waits =
      c.type === 'client_development' && (!(view.state in STAGE_STEP) || (row?.follow_up_at !== null && row?.follow_up_at !== undefined));
    if (view.status === 'open' && fromWorkflow.length === 0 && input.statuses.get(c.id) === 'RUNNING' && !waits)
      diff.push(`open in ${view.state} with no task (wedged)`);
    return diff;
  };
  const failures = (
    await each(input.cases, 8, async (c) => {
      let diff: string[] = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        diff = await compare(c);
        if (!diff.length) return [];
        await sleep(1_000);
      }
      return [`${c.type} ${c.id}: ${diff.join('; ')}`];
    })
  ).flat();
  return { name: 'projections equal the workflows’ own state (queried)', checked: input.cases.length, failures };
}

async function chainsVerify(input: CheckInput): Promise<CheckResult> {
  const broken = await each(input.cases, 8, async (c) => {
    const at = await verifyChain(input.db.pool, c.id);
    return at ? `${c.id}: chain breaks at event ${at}` : null;
  });
  return { name: 'timeline hash chains verify', checked: input.cases.length, failures: broken.filter((b): b is string => b !== null) };
}

async function noOpenIncidents(input: CheckInput): Promise<CheckResult> {
  const { rows } = await input.db.pool.query<{ case_id: string; code: string; message: string }>(
    'SELECT case_id, code, message FROM case_incidents WHERE resolved_at IS NULL',
  );
  return { name: 'no open case incident', checked: 1, failures: rows.map((r) => `${r.case_id}: ${r.code} ${r.message}`) };
}
