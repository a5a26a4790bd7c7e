// The load: staff open cases of every type through the API and work them to the end, as people would:
// claim a task, read its form (JSON Schema from GET /api/tasks/:id), complete it, answer for the client
// or the requester when a case waits on them. A request that fails because something was just killed
// (connection refused or reset, 5xx) is sent again; creates carry an Idempotency-Key, so a repeat is the
// same case. Task actions are repeated by reading the task again and doing what its state asks.
// AML cases open from a transaction that raises an alert (a payment to a FATF black-list country; the
// externalId makes a repeat the same transaction), client-development cases from a lead (Idempotency-Key).
// Cases the product opens by itself (KYC reviews of an escalated AML case's client or of a converted lead)
// are not worked here; checks.ts finds them and checks them like the rest.
import { DEMO_PASSWORD } from '../../prisma/seed';
import type { Rng } from './chaos';

export type CaseType = 'complaint' | 'kyc_review' | 'internal_request' | 'aml_case' | 'client_development';
export const CASE_TYPES: CaseType[] = ['complaint', 'kyc_review', 'internal_request', 'aml_case', 'client_development'];
const RESOURCE: Record<CaseType, string> = {
  complaint: 'complaints',
  kyc_review: 'kyc-reviews',
  internal_request: 'internal-requests',
  aml_case: 'aml-cases',
  client_development: 'client-development',
};
/** Client-development stages whose work is a person's task; in the others the case waits for the client or its KYC review. */
const DEVELOPMENT_STAGES_WITH_WORK = ['new', 'contacted', 'qualified', 'approved'];

export interface CreatedCase {
  id: string;
  type: CaseType;
  /** who opened it (and answers for the requester) */
  by: User;
  /** a KYC client whose documents are uploaded before collection completes */
  completeFile?: boolean;
  /** opened by the product itself (a KYC review of an AML case's or a converted lead's client), not by the driver */
  derived?: boolean;
}

export interface DriverStats {
  requests: number;
  /** requests sent again after a connection failure or a 5xx */
  retried: number;
  /** answers with status 500 (an unexpected error, as opposed to 502/503/504 or no answer) */
  serverErrors: number;
  /** the first few of them */
  serverErrorSamples: string[];
  /** why requests were sent again: status code or `no connection` */
  retryReasons: Record<string, number>;
  tasksCompleted: number;
  casesClosed: Record<CaseType, number>;
  /** client-development cases left waiting for the client (a KYC review, a deposit, a follow-up date) */
  casesWaiting: number;
}

const USERS = [
  'agent1',
  'agent2',
  'supervisor',
  'manager',
  'kyc1',
  'kyc2',
  'senior',
  'senior2',
  'compliance',
  'aml1',
  'aml2',
  'mlro',
] as const;
export type User = (typeof USERS)[number];
const TEAM_MEMBERS: Record<string, User[]> = {
  'london-complaints': ['agent1', 'agent2', 'supervisor'],
  'london-kyc': ['kyc1', 'kyc2', 'compliance'],
};

/** Who may work a step (the workflow has the last word: four eyes refuses some of them). */
function workersOf(type: CaseType, step: string, teamId: string): User[] {
  if (type === 'complaint') return step === 'approval' ? ['supervisor', 'manager'] : TEAM_MEMBERS['london-complaints'];
  if (type === 'kyc_review') return step === 'senior_approval' ? ['senior', 'senior2'] : TEAM_MEMBERS['london-kyc'];
  // AML: analysts investigate and draft; the MLRO or a compliance manager decides, approves (four eyes:
  // not whoever decided) and files
  if (type === 'aml_case') return step === 'investigate' || step === 'sar_draft' ? ['aml1', 'aml2'] : ['mlro', 'compliance'];
  // client development: the account manager's task (it opens theirs); the supervisor may take it over
  if (type === 'client_development') return ['agent1', 'agent2', 'supervisor'];
  return TEAM_MEMBERS[teamId];
}

/** Detours are taken now and then; most work moves forward. */
const OUTCOME_WEIGHT: Record<string, number> = {
  awaiting_client: 0.15,
  request_information: 0.1,
  need_info: 0.2,
  rejected: 0.25,
  true_match: 0.3,
  not_verified: 0.3,
  false_positive: 0.5,
  no_answer: 0.15,
  follow_up: 0.1,
  lost: 0.15,
};

type Json = Record<string, any>;
interface Reply {
  status: number;
  body: any;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isActive = (t: Json) => t.status === 'open' || t.status === 'claimed';
const today = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const PDF = Buffer.from('%PDF-1.4\n%chaos test document\n%%EOF\n');

export class Driver {
  readonly stats: DriverStats = {
    requests: 0,
    retried: 0,
    serverErrors: 0,
    serverErrorSamples: [],
    retryReasons: {},
    tasksCompleted: 0,
    casesClosed: { complaint: 0, kyc_review: 0, internal_request: 0, aml_case: 0, client_development: 0 },
    casesWaiting: 0,
  };
  private readonly tokens = new Map<User, string>();
  private inFlight = 0;
  private slowLogged = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    private readonly base: string,
    private readonly rng: Rng,
    private readonly opts: { concurrency: number; log: (line: string) => void },
  ) {}

  // --- HTTP with retries

  /** At most `concurrency` requests at a time, like a few dozen people at their desks. */
  private async slot<T>(fn: () => Promise<T>): Promise<T> {
    if (this.inFlight >= this.opts.concurrency) await new Promise<void>((r) => this.queue.push(r));
    this.inFlight++;
    try {
      return await fn();
    } finally {
      this.inFlight--;
      this.queue.shift()?.();
    }
  }

  private async call(
    user: User | null,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const sent = Date.now();
    const deadline = sent + 180_000;
    const trail: string[] = [];
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) {
        this.stats.retried++;
        await sleep(Math.min(2_000, 100 * 2 ** attempt));
      }
      this.stats.requests++;
      const isBuffer = Buffer.isBuffer(body);
      let reply: Reply | undefined;
      let failure = 'no connection';
      try {
        reply = await this.slot(async () => {
          const res = await fetch(this.base + path, {
            method,
            headers: {
              ...(body === undefined || isBuffer ? {} : { 'content-type': 'application/json' }),
              ...(user ? { authorization: `Bearer ${this.tokens.get(user)}` } : {}),
              ...headers,
            },
            body: body === undefined ? undefined : isBuffer ? new Uint8Array(body as Buffer) : JSON.stringify(body),
            signal: AbortSignal.timeout(60_000),
          });
          const text = await res.text();
          return { status: res.status, body: text ? JSON.parse(text) : undefined };
        });
      } catch (err) {
        // connection refused or reset: the API was killed
        if ((err as Error).name === 'TimeoutError') failure = 'no answer in 60s';
      }
      const took = Date.now() - sent;
      if (reply && reply.status < 500) {
        if (took > 30_000 && trail.some((t) => /\s5\d\d/.test(t)) && this.slowLogged++ < 10)
          this.opts.log(`${method} ${path.split('?')[0]} took ${(took / 1000).toFixed(0)}s: ${[...trail, reply.status].join(', ')}`);
        return reply;
      }
      if (reply?.status === 500 && ++this.stats.serverErrors <= 5)
        this.stats.serverErrorSamples.push(`${method} ${path.split('?')[0]}: ${JSON.stringify(reply.body)}`);
      const reason = reply ? `${reply.status} ${reply.body?.error?.code ?? ''}`.trim() : failure;
      this.stats.retryReasons[reason] = (this.stats.retryReasons[reason] ?? 0) + 1;
      trail.push(`${(took / 1000).toFixed(0)}s ${reason}`);
      if (Date.now() > deadline) throw new Error(`${method} ${path}: no answer for 3 minutes (last: ${reply?.status ?? 'no connection'})`);
    }
  }

  async login(): Promise<void> {
    for (const user of USERS) {
      const res = await this.call(null, 'POST', '/api/auth/login', { email: `${user}@example.com`, password: DEMO_PASSWORD });
      if (res.status !== 200) throw new Error(`login ${user}: ${res.status} ${JSON.stringify(res.body)}`);
      this.tokens.set(user, res.body.token);
    }
  }

  // --- opening cases

  /** Opens case number `n` of the run; `key` makes a repeated request the same case. */
  async open(type: CaseType, n: number, key: string, client?: { id: string; completeFile: boolean }): Promise<CreatedCase> {
    const rng = this.rng;
    let by: User;
    let body: Json;
    if (type === 'complaint') {
      by = rng.pick(['agent1', 'agent2'] as const);
      body = {
        clientId: rng.pick(['c-1001', 'c-1002', 'c-1003', 'c-1004', 'c-1005']),
        channel: rng.pick(['phone', 'email', 'web', 'chat']),
        category: rng.pick(['trade_execution', 'fees_charges', 'platform', 'other']),
        severity: rng.pick(['low', 'medium', 'high']),
        description: `Chaos complaint ${n}`,
      };
    } else if (type === 'kyc_review') {
      by = rng.pick(['kyc1', 'kyc2'] as const);
      body = { clientId: client!.id, kind: 'onboarding', note: `Chaos review ${n}` };
    } else if (type === 'aml_case') {
      return this.openAml(n, key, client!.id);
    } else if (type === 'client_development') {
      by = rng.pick(['agent1', 'agent2'] as const);
      body = {
        firstName: 'Chaos',
        lastName: `Lead ${n}`,
        email: `${key}@leads.example.net`,
        country: 'GB',
        source: 'web',
        campaign: 'chaos',
        temperature: rng.pick(['hot', 'warm', 'cold']),
        accountManagerId: `u-${by}`,
      };
    } else {
      by = rng.pick(['agent1', 'kyc1', 'supervisor'] as const);
      body = {
        clientId: rng.pick(['c-1001', 'c-1002', 'c-1007']),
        teamId: rng.pick(Object.keys(TEAM_MEMBERS)),
        kind: rng.pick(['document', 'callback', 'data_correction', 'other']),
        subject: `Chaos request ${n}`,
        details: 'Please look into this',
        urgent: rng.chance(0.3),
      };
    }
    // a lead opens its client-development case, whose id is the lead's
    const res = await this.call(by, 'POST', type === 'client_development' ? '/api/leads' : `/api/${RESOURCE[type]}`, body, {
      'idempotency-key': key,
    });
    if (res.status !== 201) throw new Error(`create ${type} ${n}: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id, type, by, completeFile: client?.completeFile };
  }

  /** A payment to North Korea (FATF black list) raises an alert, which opens the client's AML case. */
  private async openAml(n: number, key: string, clientId: string): Promise<CreatedCase> {
    const body = {
      clientId,
      externalId: key,
      type: 'withdrawal',
      amount: 2500 + n,
      currency: 'USD',
      method: 'bank_transfer',
      bookedAt: new Date(Date.now() - 60_000).toISOString(),
      counterparty: { name: 'Pyongyang Trading', country: 'KP' },
    };
    // a repeat (the answer was lost) is 200 with the alerts the first one raised
    const res = await this.call('compliance', 'POST', '/api/transactions', body);
    const caseId = (res.body?.alerts as Json[] | undefined)?.find((a) => a.caseId)?.caseId;
    if ((res.status !== 201 && res.status !== 200) || !caseId)
      throw new Error(`create aml_case ${n}: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: caseId, type: 'aml_case', by: 'compliance' };
  }

  // --- working cases

  /** Works a case until it closes or `until` passes; one in ten is left alone, to breach and escalate. */
  async drive(c: CreatedCase, until: number): Promise<void> {
    if (this.rng.chance(0.1)) return;
    const uploaded = { done: false };
    let reopened = false;
    while (Date.now() < until) {
      const res = await this.call(c.by, 'GET', `/api/${RESOURCE[c.type]}/${c.id}`);
      // an AML case or a lead's case is projected a moment after its transaction or lead is answered
      if (res.status === 404 && (c.type === 'aml_case' || c.type === 'client_development')) {
        await sleep(500);
        continue;
      }
      if (res.status !== 200) throw new Error(`GET ${c.type} ${c.id}: ${res.status} ${JSON.stringify(res.body)}`);
      const view = res.body;
      // a client-development case is won or lost rather than closed
      if (view.status === 'closed' || (c.type === 'client_development' && view.status !== 'open')) {
        // now and then the client is not satisfied: the complaint is reopened and investigated again
        if (c.type === 'complaint' && !reopened && this.rng.chance(0.2)) {
          reopened = true;
          const reopen = await this.call('agent1', 'POST', `/api/complaints/${c.id}/reopen`, { reason: 'The client is not satisfied' });
          if (reopen.status === 200 || reopen.status === 409) continue;
          throw new Error(`reopen ${c.id}: ${reopen.status} ${JSON.stringify(reopen.body)}`);
        }
        this.stats.casesClosed[c.type]++;
        return;
      }
      if (['awaiting_client', 'suspended', 'awaiting_requester'].includes(view.status)) {
        await this.think(until, false);
        await this.answer(c);
        continue;
      }
      const active = (view.tasks as Json[]).filter(isActive);
      if (
        c.type === 'client_development' &&
        active.length === 0 &&
        (!DEVELOPMENT_STAGES_WITH_WORK.includes(view.state) || view.followUpAt)
      ) {
        this.stats.casesWaiting++; // for the client, its KYC review (not worked here) or a follow-up date a day on
        return;
      }
      if (active.length === 0) {
        await sleep(300); // automated checks are running
        continue;
      }
      await Promise.all(active.map((t) => this.work(c, t, until, uploaded)));
    }
  }

  /** Most work is picked up within seconds; some waits long enough for the SLA to remind or escalate. */
  private async think(until: number, mayBeLong: boolean): Promise<void> {
    const ms = mayBeLong && this.rng.chance(0.2) ? this.rng.int(25_000, 90_000) : this.rng.int(200, 3_000);
    await sleep(Math.max(0, Math.min(ms, until - Date.now())));
  }

  private async answer(c: CreatedCase): Promise<void> {
    const [path, body, user]: [string, Json, User] =
      c.type === 'internal_request'
        ? [`/api/internal-requests/${c.id}/answer`, { answer: 'Here you are' }, c.by]
        : [`/api/${RESOURCE[c.type]}/${c.id}/client-response`, { note: 'The client answered' }, c.type === 'complaint' ? 'agent1' : 'kyc1'];
    const res = await this.call(user, 'POST', path, body);
    // 409: it was answered already (a repeat after a lost answer), or the answer is not projected yet
    if (res.status !== 200 && res.status !== 409) throw new Error(`answer ${c.id}: ${res.status} ${JSON.stringify(res.body)}`);
  }

  /**
   * Claims and completes one task; returns when it is done (by anyone) or time is up. Like people, two
   * of them sometimes claim the same task at once, and one sometimes puts a claimed task back.
   */
  private async work(c: CreatedCase, task: Json, until: number, uploaded: { done: boolean }): Promise<void> {
    await this.think(until, true);
    const refused = new Set<string>();
    const path = `/api/tasks/${encodeURIComponent(task.id)}`;
    const candidates = [...workersOf(c.type, task.step, task.teamId)].sort(() => this.rng.next() - 0.5);
    for (let user = candidates.shift(); user && Date.now() < until;) {
      const res = await this.call(user, 'GET', path);
      if (res.status === 404) {
        user = candidates.shift(); // not in this person's queue
        continue;
      }
      if (res.status !== 200) throw new Error(`GET task ${task.id}: ${res.status} ${JSON.stringify(res.body)}`);
      const t = res.body;
      if (!isActive(t)) return;
      if (t.status === 'open') {
        const rival = candidates.length && this.rng.chance(0.2) ? candidates[0] : undefined;
        const [claim] = await Promise.all([this.call(user, 'POST', `${path}/claim`), rival && this.call(rival, 'POST', `${path}/claim`)]);
        if (claim.status === 403)
          user = candidates.shift(); // four eyes, or not this person's step
        else if (claim.status !== 200 && claim.status !== 409)
          throw new Error(`claim ${task.id}: ${claim.status} ${JSON.stringify(claim.body)}`);
        continue; // read who holds it now
      }
      const holder = [user, ...candidates].find((u) => t.assigneeId === `u-${u}`);
      if (!holder) {
        await sleep(500); // someone else's (a claim of ours whose answer was lost shows up in a moment)
        continue;
      }
      if (holder !== user) candidates.splice(candidates.indexOf(holder), 1, user);
      user = holder;
      if (this.rng.chance(0.05)) {
        await this.call(user, 'POST', `${path}/release`);
        continue;
      }
      const outcome = await this.complete(c, user, t, refused, uploaded);
      if (outcome === 'done') return;
      if (outcome === 'refused') user = candidates.shift();
    }
  }

  /** Completes a task claimed by `user`: 'done', 'refused' (four eyes: released for someone else) or 'again'. */
  private async complete(
    c: CreatedCase,
    user: User,
    t: Json,
    refused: Set<string>,
    uploaded: { done: boolean },
  ): Promise<'done' | 'refused' | 'again'> {
    const path = `/api/tasks/${encodeURIComponent(t.id)}`;
    const form = this.fill(t.form, refused);
    if (!form) throw new Error(`no outcome left for ${t.id} (${[...refused]})`);
    if (c.type === 'kyc_review' && t.step === 'collect_documents' && c.completeFile && !uploaded.done) {
      await this.upload(c, user);
      uploaded.done = true;
    }
    // a compliance manager sometimes raises the risk band while the CDD review is being completed: one
    // of the two wins (the override withdraws the task and starts EDD, or the completion decides)
    const override =
      c.type === 'kyc_review' && t.step === 'cdd_review' && this.rng.chance(0.3)
        ? this.call('compliance', 'POST', `/api/kyc-reviews/${c.id}/risk-override`, { band: 'high', reason: 'Raised under chaos' })
        : undefined;
    const [done] = await Promise.all([this.call(user, 'POST', `${path}/complete`, form), override]);
    if (done.status === 200) {
      this.stats.tasksCompleted++;
      return 'done';
    }
    if (done.status === 403) {
      await this.call(user, 'POST', `${path}/release`);
      return 'refused';
    }
    if (done.status !== 409) throw new Error(`complete ${t.id}: ${done.status} ${JSON.stringify(done.body)}`);
    // the step offers this outcome no more (a blocking check), or the task changed: read it again
    if (done.body?.error?.reason === 'OUTCOME_NOT_ALLOWED') refused.add(form.outcome);
    return 'again';
  }

  /** An identity document and a recent proof of address, through the upload endpoint. */
  private async upload(c: CreatedCase, user: User): Promise<void> {
    const docs = [
      `kind=identity&docType=national_id&fileName=id.pdf&number=ID${c.id.slice(0, 8)}&country=GB&expiresAt=${today(2000)}`,
      `kind=proof_of_address&docType=utility_bill&fileName=bill.pdf&issuedAt=${today(-10)}`,
    ];
    for (const query of docs) {
      const res = await this.call(user, 'POST', `/api/kyc-reviews/${c.id}/documents?${query}`, PDF, { 'content-type': 'application/pdf' });
      if (res.status !== 201) throw new Error(`upload for ${c.id}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }

  /** A completed form: an outcome the step offers (weighted), and whatever else its schema requires. */
  private fill(schema: Json, refused: Set<string>): Json | null {
    const branches: Json[] = schema.oneOf ?? schema.anyOf ?? [schema];
    const options = branches.flatMap((b) => {
      const o = b.properties.outcome;
      return (o.const !== undefined ? [o.const] : o.enum)
        .filter((v: string) => !refused.has(v))
        .map((v: string) => ({ outcome: v, branch: b }));
    });
    if (!options.length) return null;
    const total = options.reduce((s, o) => s + (OUTCOME_WEIGHT[o.outcome] ?? 1), 0);
    let r = this.rng.next() * total;
    const chosen = options.find((o) => (r -= OUTCOME_WEIGHT[o.outcome] ?? 1) < 0) ?? options[options.length - 1];
    const form: Json = { outcome: chosen.outcome };
    for (const key of chosen.branch.required ?? []) if (key !== 'outcome') form[key] = sample(chosen.branch.properties[key]);
    return form;
  }
}

function sample(s: Json): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.type === 'string') return 'Done under chaos';
  if (s.type === 'number' || s.type === 'integer') return s.minimum ?? 0;
  if (s.type === 'boolean') return false;
  if (s.type === 'array') return [];
  return null;
}
