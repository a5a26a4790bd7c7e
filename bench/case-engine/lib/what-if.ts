// The proposed fix, tried on the bench's throw-away database (never on the schema): partial indexes over
// active tasks ordered by due time, and for branch-wide scopes a branch_id column on tasks so the scope is
// a plain column filter instead of a join to teams. The captured SQL is replayed unchanged where the fix
// is an index only (team scope), and with the join replaced by the column where it needs that change.
import type pg from 'pg';
import { explain, type Captured, type Plan } from './plans';

const ACTIVE = `WHERE status IN ('open', 'claimed')`;
// Covering the SLA columns lets the count with an slaState filter stay an index-only scan.
const SLA_COLS = 'INCLUDE (priority, breach_at, at_risk_at, sla_paused_at)';

export const PROPOSAL = [
  `CREATE INDEX tasks_active_team_due_idx ON tasks (team_id, due_at) ${SLA_COLS} ${ACTIVE};`,
  `CREATE INDEX tasks_active_team_priority_idx ON tasks (team_id, priority, due_at) ${ACTIVE};`,
  `ALTER TABLE tasks ADD COLUMN branch_id text;  -- written by the projection from the case's branch`,
  `CREATE INDEX tasks_active_branch_due_idx ON tasks (branch_id, due_at) ${SLA_COLS} ${ACTIVE};`,
  `CREATE INDEX tasks_active_branch_priority_idx ON tasks (branch_id, priority, due_at) ${ACTIVE};`,
];

/** Runs the proposal on a copy; returns the plan of each captured query under it (undefined: not applicable). */
export async function tryProposal(client: pg.Client, captured: Captured[]): Promise<(Plan | undefined)[]> {
  await client.query(`CREATE INDEX whatif_team_due ON tasks (team_id, due_at) ${SLA_COLS} ${ACTIVE}`);
  await client.query(`CREATE INDEX whatif_team_priority ON tasks (team_id, priority, due_at) ${ACTIVE}`);
  await client.query('ANALYZE tasks');
  // A copy with the column (an UPDATE of every row would take far longer and bloat the table).
  await client.query(`CREATE TABLE whatif_tasks AS SELECT t.*, tm.branch_id FROM tasks t JOIN teams tm ON tm.id = t.team_id`);
  await client.query(`CREATE INDEX whatif_id ON whatif_tasks (id)`);
  await client.query(`CREATE INDEX whatif_branch_due ON whatif_tasks (branch_id, due_at) ${SLA_COLS} ${ACTIVE}`);
  await client.query(`CREATE INDEX whatif_branch_priority ON whatif_tasks (branch_id, priority, due_at) ${ACTIVE}`);
  await client.query(`CREATE INDEX whatif_assignee ON whatif_tasks (assignee_id, status, due_at)`);
  await client.query('VACUUM ANALYZE whatif_tasks');

  const plans: (Plan | undefined)[] = [];
  for (const c of captured) {
    const joined = /LEFT JOIN "public"\."teams" AS "(j\d+)"/.exec(c.query);
    if (!joined) {
      plans.push(await explain(client, c.query, c.params));
      continue;
    }
    const alias = joined[1];
    const scope = new RegExp(`\\("${alias}"\\."branch_id" = (\\$\\d+) AND \\("${alias}"\\."id" IS NOT NULL\\)\\)`);
    const rewritten = c.query
      .replace(joined[0] + ` ON ("${alias}"."id") = ("public"."tasks"."team_id")`, '')
      .replace(scope, (_m, param: string) => `"public"."tasks"."branch_id" = ${param}`)
      .replaceAll('"public"."tasks"', '"public"."whatif_tasks"');
    plans.push(rewritten.includes(`"${alias}"`) ? undefined : await explain(client, rewritten, c.params));
  }
  return plans;
}
