// Lead assignment. The first active rule (lowest priority number, then id) whose criteria all match the lead
// names the eligible account managers; round robin takes the next one after the last assigned, least
// loaded the one with the fewest open leads (ties in round-robin order). Only people inside their branch's
// working hours are eligible; when nobody is, the rule either gives the lead to whoever starts work first
// (`next_available`) or leaves it unassigned in the queue (`queue`). Pure except assignLead, which reads
// and locks the rule so that concurrent leads take turns.
import { isBusinessTime, nextBusinessMoment, type BusinessCalendar } from '../../workflows/engine/business-time';
import type { Queryable } from './clients';
import type { SqlRow } from '../db';

export interface AssignmentRule {
  id: string;
  name: string;
  priority: number;
  branchId: string | null;
  language: string | null;
  country: string | null;
  source: string | null;
  introducingBrokerId: string | null;
  strategy: 'round_robin' | 'least_loaded';
  accountManagerIds: string[];
  outsideHours: 'next_available' | 'queue';
  lastAssignedId: string | null;
}

export interface LeadFacts {
  branchId: string | null;
  language: string | null;
  country: string | null;
  source: string;
  /** the lead's IB and its ancestors: a rule for an IB covers its sub-IBs */
  ibChain: string[];
}

export interface Candidate {
  id: string;
  calendar: BusinessCalendar;
  /** open leads (new, contacted, qualified) assigned to them (assignLeads counts them for least-loaded rules only) */
  load: number;
}

export type AssignmentReason = 'in_hours' | 'next_available' | 'queued_outside_hours' | 'no_eligible' | 'no_rule' | 'manual';

export interface Assignment {
  assigneeId: string | null;
  ruleId: string | null;
  reason: AssignmentReason;
  /** next_available: when the assignee starts work */
  startsAt?: string;
}

const lower = (s: string | null) => s?.toLowerCase() ?? null;

export function ruleMatches(rule: AssignmentRule, lead: LeadFacts): boolean {
  if (rule.branchId && lead.branchId && rule.branchId !== lead.branchId) return false;
  if (rule.country && rule.country.toUpperCase() !== lead.country?.toUpperCase()) return false;
  if (rule.source && lower(rule.source) !== lower(lead.source)) return false;
  if (rule.language) {
    const want = rule.language.toLowerCase();
    const have = lead.language?.toLowerCase() ?? '';
    if (have !== want && !have.startsWith(`${want}-`)) return false;
  }
  if (rule.introducingBrokerId && !lead.ibChain.includes(rule.introducingBrokerId)) return false;
  return true;
}

/** The first matching rule by priority, then id. */
export function matchRule(rules: readonly AssignmentRule[], lead: LeadFacts): AssignmentRule | null {
  const ordered = [...rules].sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return ordered.find((r) => ruleMatches(r, lead)) ?? null;
}

/** The rule's people in turn order: those after the last assigned first, then from the start. */
export function rotation(ids: readonly string[], lastAssignedId: string | null): string[] {
  const at = lastAssignedId ? ids.indexOf(lastAssignedId) : -1;
  return [...ids.slice(at + 1), ...ids.slice(0, at + 1)];
}

/** Whether a candidate works at an instant, and when they start work next: from their calendar. */
export interface Hours {
  inHours(c: Candidate, at: number): boolean;
  startsAt(c: Candidate, at: number): number;
}

const calendarHours: Hours = {
  inHours: (c, at) => isBusinessTime(c.calendar, at),
  startsAt: (c, at) => nextBusinessMoment(c.calendar, at),
};

/**
 * calendarHours remembered per candidate and instant: a batch of leads assigned at one `now` asks the same
 * of the same people for every lead (each answer is a pure function of the calendar and the instant; the
 * calendars are not changed while the batch is assigned).
 */
function rememberedHours(): Hours {
  const inHours = new Map<Candidate, Map<number, boolean>>();
  const starts = new Map<Candidate, Map<number, number>>();
  const memo = <T>(m: Map<Candidate, Map<number, T>>, c: Candidate, at: number, f: () => T): T => {
    let byAt = m.get(c);
    if (!byAt) m.set(c, (byAt = new Map()));
    let v = byAt.get(at);
    if (v === undefined) byAt.set(at, (v = f()));
    return v;
  };
  return {
    inHours: (c, at) => memo(inHours, c, at, () => calendarHours.inHours(c, at)),
    startsAt: (c, at) => memo(starts, c, at, () => calendarHours.startsAt(c, at)),
  };
}

/**
 * Who gets the lead at `now`. `candidates`: the rule's people who are active (others are skipped), with
 * their calendars and loads.
 */
export function chooseAssignee(
  rule: AssignmentRule,
  candidates: readonly Candidate[],
  now: number,
  hours: Hours = calendarHours,
): Assignment {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const order = rotation(rule.accountManagerIds, rule.lastAssignedId).flatMap((id) => byId.get(id) ?? []);
  if (!order.length) return { assigneeId: null, ruleId: rule.id, reason: 'no_eligible' };
  let pool = order.filter((c) => hours.inHours(c, now));
  let reason: AssignmentReason = 'in_hours';
  let startsAt: number | undefined;
  if (!pool.length) {
    if (rule.outsideHours === 'queue') return { assigneeId: null, ruleId: rule.id, reason: 'queued_outside_hours' };
    const starts = order.map((c) => hours.startsAt(c, now));
    startsAt = Math.min(...starts);
    pool = order.filter((_, i) => starts[i] === startsAt);
    reason = 'next_available';
  }
  const chosen = rule.strategy === 'least_loaded' ? pool.reduce((best, c) => (c.load < best.load ? c : best)) : pool[0];
  return {
    assigneeId: chosen.id,
    ruleId: rule.id,
    reason,
    ...(startsAt !== undefined ? { startsAt: new Date(startsAt).toISOString() } : {}),
  };
}

export const OPEN_LEAD_STATUSES = ['new', 'contacted', 'qualified'] as const;

const RULE_COLUMNS = `id, name, priority, branch_id AS "branchId", language, country, source, introducing_broker_id AS "introducingBrokerId",
  strategy, account_manager_ids AS "accountManagerIds", outside_hours AS "outsideHours", last_assigned_id AS "lastAssignedId"`;

/** Why a deactivated IB is refused: it keeps its clients and its place in scopes, but nothing new is attributed to it. */
export const IB_INACTIVE = 'This introducing broker is deactivated: nothing new can be attributed to it';

/** The IB and its ancestors, nearest first. */
export async function ibChain(q: Queryable, ibId: string | null): Promise<string[]> {
  if (!ibId) return [];
  const { rows } = await q.query(
    `WITH RECURSIVE up AS (SELECT id, parent_id, 0 AS depth FROM introducing_brokers WHERE id = $1
       UNION ALL SELECT ib.id, ib.parent_id, up.depth + 1 FROM introducing_brokers ib JOIN up ON ib.id = up.parent_id WHERE up.depth < 50)
     SELECT id FROM up ORDER BY depth`,
    [ibId],
  );
  return rows.map((r: { id: string }) => r.id);
}

/**
 * Picks an account manager for a lead inside the caller's transaction. The matched rule's row stays locked
 * until the transaction ends, so concurrent leads of one rule take turns.
 */
export async function assignLead(tx: Queryable, lead: LeadFacts, now: number): Promise<Assignment & { branchId: string | null }> {
  const { rows: rules } = await tx.query(`SELECT ${RULE_COLUMNS} FROM assignment_rules WHERE active`);
  const matched = matchRule(rules as AssignmentRule[], lead);
  if (!matched) return { assigneeId: null, ruleId: null, reason: 'no_rule', branchId: lead.branchId };
  const { rows: locked } = await tx.query(`SELECT ${RULE_COLUMNS} FROM assignment_rules WHERE id = $1 FOR UPDATE`, [matched.id]);
  const rule = locked[0] as AssignmentRule;
  const { rows: people } = await tx.query(
    `SELECT u.id, u.branch_id, b.timezone, b.workdays, b.work_start, b.work_end, b.holidays,
       (SELECT count(*)::int FROM leads l WHERE l.account_manager_id = u.id AND l.status = ANY($2::text[])) AS load
     FROM users u JOIN branches b ON b.id = u.branch_id WHERE u.id = ANY($1::text[]) AND u.active`,
    [rule.accountManagerIds, OPEN_LEAD_STATUSES],
  );
  const candidates: Candidate[] = people.map((p: SqlRow) => ({
    id: p.id,
    load: p.load,
    calendar: { timezone: p.timezone, workdays: p.workdays, workStart: p.work_start, workEnd: p.work_end, holidays: p.holidays },
  }));
  const choice = chooseAssignee(rule, candidates, now);
  if (choice.assigneeId) await tx.query('UPDATE assignment_rules SET last_assigned_id = $2 WHERE id = $1', [rule.id, choice.assigneeId]);
  const assigneeBranch = people.find((p: { id: string }) => p.id === choice.assigneeId)?.branch_id ?? null;
  return { ...choice, branchId: lead.branchId ?? rule.branchId ?? assigneeBranch };
}

/**
 * assignLead for many leads in one transaction (imports): the active rules are read and locked once, each
 * matched rule's people once, and the leads take turns in their order as if they had come one by one.
 */
export async function assignLeads(
  tx: Queryable,
  leads: readonly LeadFacts[],
  now: number,
): Promise<(Assignment & { branchId: string | null })[]> {
  const { rows } = await tx.query(`SELECT ${RULE_COLUMNS} FROM assignment_rules WHERE active ORDER BY id FOR UPDATE`);
  const rules = rows as AssignmentRule[];
  const matched = leads.map((l) => matchRule(rules, l));
  const used = [...new Set(matched.filter((r): r is AssignmentRule => !!r))];
  const people = new Map<string, Candidate & { branchId: string }>();
  const ids = [...new Set(used.flatMap((r) => r.accountManagerIds))];
  // only least-loaded rules look at loads: counting a person's open leads costs more the more they have
  const counted = [...new Set(used.filter((r) => r.strategy === 'least_loaded').flatMap((r) => r.accountManagerIds))];
  if (ids.length) {
    const { rows: found } = await tx.query(
      `SELECT u.id, u.branch_id, b.timezone, b.workdays, b.work_start, b.work_end, b.holidays,
         CASE WHEN u.id = ANY($3::text[]) THEN (SELECT count(*)::int FROM leads l WHERE l.account_manager_id = u.id AND l.status = ANY($2::text[])) ELSE 0 END AS load
       FROM users u JOIN branches b ON b.id = u.branch_id WHERE u.id = ANY($1::text[]) AND u.active`,
      [ids, OPEN_LEAD_STATUSES, counted],
    );
    for (const p of found as SqlRow[])
      people.set(p.id, {
        id: p.id,
        branchId: p.branch_id,
        load: p.load,
        calendar: { timezone: p.timezone, workdays: p.workdays, workStart: p.work_start, workEnd: p.work_end, holidays: p.holidays },
      });
  }
  const turned = new Set<AssignmentRule>();
  const hours = rememberedHours();
  const out = leads.map((lead, i) => {
    const rule = matched[i];
    if (!rule) return { assigneeId: null, ruleId: null, reason: 'no_rule' as const, branchId: lead.branchId };
    const candidates = rule.accountManagerIds.flatMap((id) => people.get(id) ?? []);
    const choice = chooseAssignee(rule, candidates, now, hours);
    const chosen = choice.assigneeId ? people.get(choice.assigneeId) : undefined;
    if (chosen) {
      rule.lastAssignedId = chosen.id;
      chosen.load++;
      turned.add(rule);
    }
    return { ...choice, branchId: lead.branchId ?? rule.branchId ?? chosen?.branchId ?? null };
  });
  if (turned.size)
    await tx.query(
      'UPDATE assignment_rules r SET last_assigned_id = v.last FROM unnest($1::text[], $2::text[]) AS v(id, last) WHERE r.id = v.id',
      [[...turned].map((r) => r.id), [...turned].map((r) => r.lastAssignedId)],
    );
  return out;
}
