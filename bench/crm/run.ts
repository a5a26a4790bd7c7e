// CRM at size: client search per kind (goal p95 ≤ 30 ms), the client 360 page's API calls (goal p95 ≤
// 50 ms) and the cross-client lists of transactions, accounts and interactions, through the real API
// (api/main.ts in its own process), over a generated book of clients, trading accounts and transactions
// (bench/crm/generate.ts, all in SQL). Prints generation time, disk used, and the plan of each search kind's SQL.
// Run: tsx bench/crm/run.ts [--clients 1000000] [--accounts 3] [--transactions 20] [--requests 200]
import { createDb } from '../../platform/db';
import { seedReferenceData } from '../../prisma/seed';
import { Api } from '../case-engine/lib/http';
import { loadLine } from '../case-engine/lib/cpu';
import { elapsedS, fmtMs, machineLine, summarize, table } from '../case-engine/lib/report';
import { startStack } from '../case-engine/lib/stack';
import { FIRST, LAST, generateBook } from './generate';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CLIENTS = arg('clients', 1_000_000);
const OPTS = {
  clients: CLIENTS,
  accountsPerClient: arg('accounts', 3),
  transactionsPerClient: arg('transactions', 20),
  interactionsPerClient: arg('interactions', 1),
  documentEvery: 10,
  managers: Math.max(10, Math.round(CLIENTS / 2000)),
  ibs: Math.max(10, Math.round(CLIENTS / 1000)),
};
const REQUESTS = arg('requests', 200);
const WARMUP = 20;
const SEARCH_GOAL = 30;
const C360_GOAL = 50;

// deterministic sampling
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
const clientNo = () => 1 + Math.floor(rand() * CLIENTS);
const pad9 = (n: number) => String(n).padStart(9, '0');

/** Cyrillic and Chinese spellings of some generated names (the API folds them to the stored Latin ones). */
const CYRILLIC: [string, string][] = [
  ['Иван Петров', 'Ivan Petrov'],
  ['Ольга Смирнов', 'Olga Smirnov'],
  ['Сергей Волков', 'Sergey Volkov'],
  ['Дмитрий Иванов', 'Dmitriy Ivanov'],
  ['Павел Орлов', 'Pavel Orlov'],
  ['Ирина Козлов', 'Irina Kozlov'],
  ['Михаил Попов', 'Mikhail Popov'],
  ['Андрей Новиков', 'Andrey Novikov'],
];
const CHINESE = [
  '王芳',
  '李伟',
  '张敏',
  '刘洋',
  '陈杰',
  '杨静',
  '黄磊',
  '赵娜',
  '吴涛',
  '周燕',
  '徐明',
  '孙鑫',
  '马波',
  '朱辉',
  '胡伟',
  '郭敏',
  '林芳',
];
/** A name with one letter left out of one of its words of four letters or more ("Olivr Smith"). */
const typo = (first: string, last: string) => {
  const words = [first, last];
  const w = words.findIndex((x, i) => x.length >= 4 && (i === 1 || rand() < 0.5));
  const word = words[w < 0 ? 1 : w];
  const i = 1 + Math.floor(rand() * (word.length - 2));
  words[w < 0 ? 1 : w] = word.slice(0, i) + word.slice(i + 1);
  return words.join(' ');
};

const KINDS: { kind: string; q: () => string }[] = [
  { kind: 'name (Latin, exact)', q: () => `${pick(FIRST)} ${pick(LAST)}` },
  { kind: 'name (Latin, one typo)', q: () => typo(pick(FIRST), pick(LAST)) },
  { kind: 'name (surname only)', q: () => pick(LAST) },
  { kind: 'name (Cyrillic)', q: () => pick(CYRILLIC)[0] },
  { kind: 'name (Chinese)', q: () => pick(CHINESE) },
  { kind: 'e-mail (upper case)', q: () => `CLIENT${clientNo()}@BENCH.example.com` },
  { kind: 'phone +44 7…', q: () => `+44 7${pad9(clientNo()).replace(/^(\d{3})(\d{6})$/, '$1 $2')}` },
  { kind: 'phone 07… (national)', q: () => `07${pad9(clientNo()).replace(/^(\d{3})(\d{6})$/, '$1 $2')}` },
  { kind: 'phone 0044 7…', q: () => `0044 7${pad9(clientNo())}` },
  { kind: 'account login', q: () => String(20_000_000 + 1 + Math.floor(rand() * CLIENTS * OPTS.accountsPerClient)) },
  {
    kind: 'document number',
    q: () => `P${String(1 + OPTS.documentEvery * Math.floor(rand() * (CLIENTS / OPTS.documentEvery))).padStart(8, '0')}`,
  },
  { kind: 'national id', q: () => `NI ${pad9(clientNo())}` },
];

async function timed(api: Api, path: string): Promise<{ ms: number; body: any }> {
  const t0 = performance.now();
  const reply = await api.request('GET', path);
  const ms = performance.now() - t0;
  if (reply.status !== 200) throw new Error(`GET ${path}: HTTP ${reply.status} ${JSON.stringify(reply.body)}`);
  return { ms, body: reply.body };
}

const searchPath = (q: string) => `/api/clients?filter=${encodeURIComponent(JSON.stringify({ q }))}`;

async function main(): Promise<void> {
  const began = performance.now();
  console.log(
    `# Broker CRM bench: client search and client 360 over ${CLIENTS.toLocaleString('en')} clients, ` +
      `${(CLIENTS * OPTS.accountsPerClient).toLocaleString('en')} trading accounts, ${(CLIENTS * OPTS.transactionsPerClient).toLocaleString('en')} transactions`,
  );
  console.log(machineLine());
  const stack = await startStack({ pgFast: true, temporal: 'memory' });
  const db = createDb(stack.dbUrl, 4);
  try {
    console.log(`stack: ${stack.describe}; API (api/main.ts) as its own process, NODE_ENV=production`);
    const setting = async (name: string) => (await db.pool.query(`SHOW ${name}`)).rows[0][name] as string;
    console.log(
      `PostgreSQL ${await setting('server_version')} (shared_buffers ${await setting('shared_buffers')}, work_mem ${await setting('work_mem')}: embedded defaults)`,
    );
    await seedReferenceData(db.prisma);
    const sizeBefore = Number((await db.pool.query('SELECT pg_database_size(current_database()) AS n')).rows[0].n);
    const genStart = performance.now();
    console.log(`generating (${JSON.stringify(OPTS)}):`);
    const stats = await generateBook(db.pool, OPTS, (line) => console.log(line));
    console.log(
      `generated in ${elapsedS(genStart)}: ${Object.entries(stats.rows)
        .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
        .join(', ')}`,
    );
    const size = Number((await db.pool.query('SELECT pg_database_size(current_database()) AS n')).rows[0].n);
    const { rows: sizes } = await db.pool.query<{ name: string; total: string; heap: string }>(
      `SELECT relname AS name, pg_size_pretty(pg_total_relation_size(oid)) AS total, pg_size_pretty(pg_relation_size(oid)) AS heap
       FROM pg_class WHERE relname IN ('clients', 'client_contacts', 'trading_accounts', 'transactions', 'interactions', 'kyc_documents')
       ORDER BY pg_total_relation_size(oid) DESC`,
    );
    console.log(
      `disk: database ${(size / 2 ** 30).toFixed(2)} GiB (+${((size - sizeBefore) / 2 ** 30).toFixed(2)} GiB generated); ` +
        `with indexes (heap): ${sizes.map((s) => `${s.name} ${s.total} (${s.heap})`).join(', ')}`,
    );

    const url = await stack.startApi();
    const compliance = await Api.login(url, 'compliance@example.com');
    // an account manager of the generated book (own scope, masked)
    const manager = await Api.login(url, 'am1@bench.example.com');
    console.log(`${loadLine()} before timing`);

    // search per kind
    const searchRows: (string | number)[][] = [];
    for (const { kind, q } of KINDS) {
      for (let i = 0; i < WARMUP; i++) await timed(compliance, searchPath(q()));
      const ms: number[] = [];
      let found = 0;
      for (let i = 0; i < REQUESTS; i++) {
        const r = await timed(compliance, searchPath(q()));
        ms.push(r.ms);
        if (r.body.length) found++;
      }
      const s = summarize(ms);
      searchRows.push([
        kind,
        `${found}/${REQUESTS}`,
        s.n,
        fmtMs(s.p50),
        fmtMs(s.p95),
        fmtMs(s.p99),
        fmtMs(s.max),
        s.p95 <= SEARCH_GOAL ? 'yes' : 'NO',
      ]);
    }
    // name search as an account manager: the scope filters inside the fuzzy lookup
    {
      const ms: number[] = [];
      for (let i = 0; i < WARMUP; i++) await timed(manager, searchPath(`${pick(FIRST)} ${pick(LAST)}`));
      for (let i = 0; i < REQUESTS; i++) ms.push((await timed(manager, searchPath(`${pick(FIRST)} ${pick(LAST)}`))).ms);
      const s = summarize(ms);
      searchRows.push([
        'name (Latin) as an account manager (own scope)',
        '-',
        s.n,
        fmtMs(s.p50),
        fmtMs(s.p95),
        fmtMs(s.p99),
        fmtMs(s.max),
        s.p95 <= SEARCH_GOAL ? 'yes' : 'NO',
      ]);
    }
    console.log(
      `\nGET /api/clients?filter={"q":…} as a compliance manager (all clients, documents visible): ${WARMUP} warm-up, then ${REQUESTS} sequential ` +
        `requests per kind, each a new random value; ms client-side, full body read; found = requests with at least one result; goal p95 ≤ ${SEARCH_GOAL} ms`,
    );
    console.log(table(['kind', 'found', 'n', 'p50', 'p95', 'p99', 'max', 'goal'], searchRows));

    // client 360
    const calls = [
      { name: 'GET /api/clients/:id (360 aggregate)', path: (id: string) => `/api/clients/${id}` },
      { name: 'GET /api/clients/:id/transactions [0,24]', path: (id: string) => `/api/clients/${id}/transactions?range=[0,24]` },
      {
        name: 'GET /api/clients/:id/transactions deposits',
        path: (id: string) => `/api/clients/${id}/transactions?range=[0,24]&filter=${encodeURIComponent('{"type":"deposit"}')}`,
      },
      { name: 'GET /api/clients/:id/timeline', path: (id: string) => `/api/clients/${id}/timeline?limit=20` },
    ];
    const myClients = ((await manager.request('GET', '/api/clients?range=[0,199]')).body as { id: string }[]).map((c) => c.id);
    // the compliance manager opens clients never read before (their pages are not in memory: cold), then the
    // same clients again (warm); the account manager works in their own book of a few hundred clients
    const sampled = calls.map(() => Array.from({ length: REQUESTS }, () => `b${clientNo()}`));
    const rows360: (string | number)[][] = [];
    for (const [who, api, own, warmup] of [
      ['compliance manager, cold', compliance, false, false],
      ['compliance manager, warm', compliance, false, false],
      ['account manager', manager, true, true],
    ] as const) {
      for (const [c, call] of calls.entries()) {
        let next = 0;
        const id = () => (own ? pick(myClients) : sampled[c][next++ % REQUESTS]);
        if (warmup) for (let i = 0; i < WARMUP; i++) await timed(api, call.path(id()));
        const ms: number[] = [];
        for (let i = 0; i < REQUESTS; i++) ms.push((await timed(api, call.path(id()))).ms);
        const s = summarize(ms);
        rows360.push([who, call.name, s.n, fmtMs(s.p50), fmtMs(s.p95), fmtMs(s.p99), fmtMs(s.max), s.p95 <= C360_GOAL ? 'yes' : 'NO']);
      }
    }
    console.log(
      `\nclient 360 calls: the compliance manager on ${REQUESTS} random clients read for the first time (cold), then the same again (warm); ` +
        `the account manager on random clients of their ${myClients.length} after ${WARMUP} warm-up requests; goal p95 ≤ ${C360_GOAL} ms`,
    );
    console.log(table(['who', 'call', 'n', 'p50', 'p95', 'p99', 'max', 'goal'], rows360));

    // the cross-client lists (newest first, a page of 25): every client in scope, and the account manager's own
    const f = (filter: object) => `&filter=${encodeURIComponent(JSON.stringify(filter))}`;
    const lists = [
      { name: 'GET /api/transactions', path: () => '/api/transactions?range=[0,24]' },
      { name: 'GET /api/transactions deposits', path: () => `/api/transactions?range=[0,24]${f({ type: 'deposit' })}` },
      { name: 'GET /api/transactions one client', path: (id: string) => `/api/transactions?range=[0,24]${f({ clientId: id })}` },
      { name: 'GET /api/accounts', path: () => '/api/accounts?range=[0,24]' },
      { name: 'GET /api/interactions', path: () => '/api/interactions?range=[0,24]' },
    ];
    const listRows: (string | number)[][] = [];
    for (const [who, api, own] of [
      ['compliance manager (all clients)', compliance, false],
      ['account manager (own clients)', manager, true],
    ] as const) {
      for (const call of lists) {
        const id = () => (own ? pick(myClients) : `b${clientNo()}`);
        for (let i = 0; i < WARMUP; i++) await timed(api, call.path(id()));
        const ms: number[] = [];
        for (let i = 0; i < REQUESTS; i++) ms.push((await timed(api, call.path(id()))).ms);
        const s = summarize(ms);
        listRows.push([who, call.name, s.n, fmtMs(s.p50), fmtMs(s.p95), fmtMs(s.p99), fmtMs(s.max), s.p95 <= C360_GOAL ? 'yes' : 'NO']);
      }
    }
    console.log(
      `\ncross-client lists, a page of 25 newest first (one client: a random one in scope), ${WARMUP} warm-up then ${REQUESTS} sequential ` +
        `requests each; held to the 360 calls' p95 ≤ ${C360_GOAL} ms`,
    );
    console.log(table(['who', 'call', 'n', 'p50', 'p95', 'p99', 'max', 'goal'], listRows));
    console.log(`${loadLine()} after timing`);
    console.log(`\ntotal ${elapsedS(began)}`);
  } finally {
    await db.close();
    await stack.stop();
  }
}

await main();
