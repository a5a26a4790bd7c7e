// Synthetic inbox: N active (open or claimed) complaint tasks across ten teams in both seeded branches,
// each on a case of its own with the completed tasks of its earlier steps, assigned among ~300 staff.
// Rows look like the projection writes them (activities/engine/projection.ts): task id
// complaint-<caseId>/<step>/1, breach_at = due_at, at_risk_at at 80% of the step's time. Due times are
// mixed relative to now: ~12% breached, ~13% at risk, the rest on track. Seeded, so runs are comparable.
// Timeline events are not generated: the inbox never reads them.
//
// Needs a migrated database with seedReferenceData() applied (branches, the two seeded teams, demo staff).
// Standalone: tsx bench/case-engine/generate-inbox.ts <DATABASE_URL> [--tasks 100000]
import pg from 'pg';

export interface InboxShape {
  tasks: number;
  seed?: number;
}

export interface InboxStats {
  teams: number;
  users: number;
  clients: number;
  cases: number;
  activeTasks: number;
  completedTasks: number;
  /** active tasks per SLA bucket at generation time */
  sla: Record<'breached' | 'at_risk' | 'on_track', number>;
  claimed: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEAMS = [
  ...[
    'london-complaints',
    'london-complaints-2',
    'london-complaints-3',
    'london-complaints-4',
    'london-complaints-5',
    'london-complaints-6',
  ].map((id) => ({ id, branchId: 'london' })),
  ...['shanghai-complaints', 'shanghai-complaints-2', 'shanghai-complaints-3', 'shanghai-complaints-4'].map((id) => ({
    id,
    branchId: 'shanghai',
  })),
];
const AGENTS_PER_TEAM = 28;
const SUPERVISORS_PER_TEAM = 2;
const CLIENTS = 20_000;

const STEPS = ['acknowledge', 'investigate', 'propose_resolution', 'approval', 'final_response'] as const;
const STEP_WEIGHTS = [0.25, 0.35, 0.2, 0.05, 0.15];
const OUTCOMES: Record<string, string> = {
  acknowledge: 'acknowledged',
  investigate: 'findings_recorded',
  propose_resolution: 'proposed',
  approval: 'approved',
};
const HANDLERS = '{agent,supervisor,complaints_manager}';
const APPROVERS = '{supervisor,complaints_manager}';
const SEVERITIES = [
  ['high', 1, 0.2],
  ['medium', 2, 0.5],
  ['low', 3, 0.3],
] as const;
const CATEGORIES = [
  'trade_execution',
  'deposit_withdrawal',
  'account_access',
  'fees_charges',
  'advice_conduct',
  'platform',
  'kyc_onboarding',
  'other',
];
const CHANNELS = ['phone', 'email', 'web', 'chat', 'branch'];
const GIVEN = [
  'Oliver',
  'Amelia',
  'Wei',
  'Fang',
  'Dmitri',
  'Lan',
  'Somchai',
  'Isabella',
  'Jie',
  'Harry',
  'Sofia',
  'Minh',
  'Anan',
  'Olga',
  'Yang',
  'Noah',
];
const FAMILY = [
  'Bennett',
  'Clarke',
  'Wang',
  'Chen',
  'Volkov',
  'Nguyen',
  'Prasert',
  'Rossi',
  'Liu',
  'Smith',
  'Garcia',
  'Tran',
  'Zhang',
  'Ivanova',
  'Brown',
];

type ColType = 'text' | 'int' | 'ms' | 'roles' | 'role' | 'json';
type Cols = [name: string, type: ColType][];

/** One multi-row INSERT … SELECT FROM unnest(arrays): one round trip and one parse per batch. */
async function insertRows(db: pg.Pool | pg.Client, table: string, cols: Cols, rows: unknown[][]): Promise<void> {
  if (!rows.length) return;
  const arrayType: Record<ColType, string> = {
    text: 'text[]',
    int: 'int[]',
    ms: 'float8[]',
    roles: 'text[]',
    role: 'text[]',
    json: 'text[]',
  };
  const expr = (name: string, type: ColType) =>
    ({
      text: name,
      int: name,
      // epoch ms → timestamp(3) in UTC, as Prisma stores DateTime
      ms: `to_timestamp(${name} / 1000.0) AT TIME ZONE 'UTC'`,
      roles: `${name}::"Role"[]`,
      role: `${name}::"Role"`,
      json: `${name}::jsonb`,
    })[type];
  const sql =
    `INSERT INTO ${table} (${cols.map(([n]) => n).join(', ')}) ` +
    `SELECT ${cols.map(([, t], i) => expr(`c${i}`, t)).join(', ')} ` +
    `FROM unnest(${cols.map(([, t], i) => `$${i + 1}::${arrayType[t]}`).join(', ')}) AS u(${cols.map((_, i) => `c${i}`).join(', ')})`;
  await db.query(
    sql,
    cols.map((_, i) => rows.map((r) => r[i])),
  );
}

const CASE_COLS: Cols = [
  ['id', 'text'],
  ['type', 'text'],
  ['workflow_id', 'text'],
  ['client_id', 'text'],
  ['branch_id', 'text'],
  ['team_id', 'text'],
  ['status', 'text'],
  ['state', 'text'],
  ['channel', 'text'],
  ['category', 'text'],
  ['severity', 'text'],
  ['description', 'text'],
  ['priority', 'int'],
  ['assignee_id', 'text'],
  ['opened_by_id', 'text'],
  ['due_at', 'ms'],
  ['at_risk_at', 'ms'],
  ['opened_at', 'ms'],
  ['revision', 'int'],
];
const TASK_COLS: Cols = [
  ['id', 'text'],
  ['case_id', 'text'],
  ['case_type', 'text'],
  ['step', 'text'],
  ['status', 'text'],
  ['team_id', 'text'],
  ['required_roles', 'roles'],
  ['assignee_id', 'text'],
  ['priority', 'int'],
  ['due_at', 'ms'],
  ['at_risk_at', 'ms'],
  ['breach_at', 'ms'],
  ['escalation_level', 'int'],
  ['outcome', 'json'],
  ['completed_by_id', 'text'],
  ['created_at', 'ms'],
  ['claimed_at', 'ms'],
  ['completed_at', 'ms'],
  ['revision', 'int'],
  ['branch_id', 'text'],
];

export async function generateInbox(db: pg.Pool, shape: InboxShape): Promise<InboxStats> {
  const r = rng(shape.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const between = (a: number, b: number) => a + r() * (b - a);
  const weighted = <T>(xs: readonly T[], ws: readonly number[]): T => {
    let x = r();
    for (let i = 0; i < xs.length; i++) if ((x -= ws[i]) < 0) return xs[i];
    return xs[xs.length - 1];
  };
  const uuid = () => {
    const h = Array.from({ length: 32 }, () => Math.floor(r() * 16).toString(16)).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
  };

  // --- teams and staff (the seeded demo staff keep their teams and take work like everyone else)
  const { rows: seededTeams } = await db.query<{ id: string }>('SELECT id FROM teams');
  const have = new Set(seededTeams.map((t) => t.id));
  await insertRows(
    db,
    'teams',
    [
      ['id', 'text'],
      ['name', 'text'],
      ['branch_id', 'text'],
    ],
    TEAMS.filter((t) => !have.has(t.id)).map((t) => [t.id, `Complaints ${t.id.split('-').at(-1)}`, t.branchId]),
  );
  // One password hash for every generated user: logins are not what is measured.
  const {
    rows: [{ password_hash: hash }],
  } = await db.query<{ password_hash: string }>('SELECT password_hash FROM users LIMIT 1');
  const userRows: unknown[][] = [];
  for (const t of TEAMS) {
    for (let i = 1; i <= AGENTS_PER_TEAM + SUPERVISORS_PER_TEAM; i++) {
      const role = i <= AGENTS_PER_TEAM ? 'agent' : 'supervisor';
      const id = `bench-${t.id}-${role}-${i}`;
      userRows.push([id, `${id}@bench.example.com`, `${pick(GIVEN)} ${pick(FAMILY)}`, hash, role, t.id, t.branchId]);
    }
  }
  await insertRows(
    db,
    'users',
    [
      ['id', 'text'],
      ['email', 'text'],
      ['name', 'text'],
      ['password_hash', 'text'],
      ['role', 'role'],
      ['team_id', 'text'],
      ['branch_id', 'text'],
    ],
    userRows,
  );
  const { rows: staff } = await db.query<{ id: string; role: string; team_id: string }>(
    `SELECT id, role::text, team_id FROM users WHERE team_id IS NOT NULL AND role IN ('agent', 'supervisor')`,
  );
  const byTeam = new Map(TEAMS.map((t) => [t.id, { agents: [] as string[], supervisors: [] as string[] }]));
  for (const u of staff) byTeam.get(u.team_id)?.[u.role === 'agent' ? 'agents' : 'supervisors'].push(u.id);

  // --- clients
  const clientIds: Record<string, string[]> = { london: [], shanghai: [] };
  const clientRows: unknown[][] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const branchId = r() < 0.6 ? 'london' : 'shanghai';
    const id = `bench-c-${i}`;
    clientIds[branchId].push(id);
    clientRows.push([id, `${pick(GIVEN)} ${pick(FAMILY)}`, branchId, 'approved']);
  }
  await insertRows(
    db,
    'clients',
    [
      ['id', 'text'],
      ['name', 'text'],
      ['branch_id', 'text'],
      ['kyc_status', 'text'],
    ],
    clientRows,
  );

  // --- cases and tasks, in batches
  const now = Date.now();
  const stats: InboxStats = {
    teams: TEAMS.length,
    users: staff.length,
    clients: CLIENTS,
    cases: 0,
    activeTasks: 0,
    completedTasks: 0,
    sla: { breached: 0, at_risk: 0, on_track: 0 },
    claimed: 0,
  };
  const BATCH = 5_000;
  for (let start = 0; start < shape.tasks; start += BATCH) {
    const cases: unknown[][] = [];
    const tasks: unknown[][] = [];
    for (let i = start; i < Math.min(shape.tasks, start + BATCH); i++) {
      const team = pick(TEAMS);
      const people = byTeam.get(team.id)!;
      const [severity, priority] = weighted(
        SEVERITIES,
        SEVERITIES.map((s) => s[2]),
      );
      let step = weighted(STEPS, STEP_WEIGHTS);
      if (step === 'approval' && severity !== 'high') step = 'final_response';
      const caseId = uuid();
      const workflowId = `complaint-${caseId}`;

      // the active step's clock: span = its SLA in calendar time, at risk at 80% of it
      const span = between(8 * HOUR, 5 * DAY);
      const bucket = weighted(['breached', 'at_risk', 'on_track'] as const, [0.12, 0.13, 0.75]);
      const dueAt =
        bucket === 'breached'
          ? now - between(60_000, 10 * DAY)
          : bucket === 'at_risk'
            ? now + between(60_000, 0.2 * span)
            : now + 0.2 * span + between(60_000, 0.8 * span);
      const createdAt = dueAt - span;
      const atRiskAt = dueAt - 0.2 * span;
      stats.sla[bucket]++;
      const escalation = bucket !== 'breached' ? 0 : now - dueAt > 2 * DAY ? 2 : now - dueAt > 4 * HOUR ? 1 : 0;
      const claimed = r() < 0.45;
      const assignee = claimed ? (step === 'approval' || r() < 0.05 ? pick(people.supervisors) : pick(people.agents)) : null;
      if (claimed) stats.claimed++;

      // earlier steps, completed back to back before this one
      const stepIndex = STEPS.indexOf(step);
      const earlier = STEPS.slice(0, stepIndex).filter((s) => s !== 'approval' || severity === 'high');
      let t = createdAt;
      const history: unknown[][] = [];
      for (const prev of [...earlier].reverse()) {
        const prevSpan = between(4 * HOUR, 3 * DAY);
        const doneAt = t;
        const prevCreated = doneAt - between(0.1, 0.9) * prevSpan;
        const who = prev === 'approval' ? pick(people.supervisors) : pick(people.agents);
        history.push([
          `${workflowId}/${prev}/1`,
          caseId,
          'complaint',
          prev,
          'completed',
          team.id,
          prev === 'approval' ? APPROVERS : HANDLERS,
          who,
          priority,
          prevCreated + prevSpan,
          prevCreated + 0.8 * prevSpan,
          prevCreated + prevSpan,
          0,
          JSON.stringify({ outcome: OUTCOMES[prev] }),
          who,
          prevCreated,
          prevCreated + 0.1 * (doneAt - prevCreated),
          doneAt,
          3,
          team.branchId,
        ]);
        t = prevCreated;
      }
      const openedAt = t;
      const caseSpan = severity === 'high' ? 21 * DAY : 56 * DAY;
      tasks.push(...history, [
        `${workflowId}/${step}/1`,
        caseId,
        'complaint',
        step,
        claimed ? 'claimed' : 'open',
        team.id,
        step === 'approval' ? APPROVERS : HANDLERS,
        assignee,
        priority,
        dueAt,
        atRiskAt,
        dueAt,
        escalation,
        null,
        null,
        createdAt,
        claimed ? between(createdAt, Math.min(now, dueAt)) : null,
        null,
        claimed ? 2 : 1,
        team.branchId,
      ]);
      cases.push([
        caseId,
        'complaint',
        workflowId,
        pick(clientIds[team.branchId]),
        team.branchId,
        team.id,
        'open',
        step,
        pick(CHANNELS),
        pick(CATEGORIES),
        severity,
        `Benchmark complaint ${i}`,
        priority,
        assignee,
        pick(people.agents),
        openedAt + caseSpan,
        openedAt + caseSpan - 10 * DAY,
        openedAt,
        2 * (history.length + 1),
      ]);
      stats.cases++;
      stats.activeTasks++;
      stats.completedTasks += history.length;
    }
    await insertRows(db, 'cases', CASE_COLS, cases);
    await insertRows(db, 'tasks', TASK_COLS, tasks);
  }
  // Statistics and the visibility map as a long-running database would have them.
  await db.query('VACUUM ANALYZE teams, users, clients, cases, tasks');
  return stats;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.argv[2];
  if (!url) throw new Error('usage: tsx bench/case-engine/generate-inbox.ts <DATABASE_URL> [--tasks 100000]');
  const i = process.argv.indexOf('--tasks');
  const db = new pg.Pool({ connectionString: url, max: 1 });
  const stats = await generateInbox(db, { tasks: i > 0 ? Number(process.argv[i + 1]) : 100_000 });
  console.log(JSON.stringify(stats, null, 2));
  await db.end();
}
