// Generates a CRM book in SQL (INSERT … SELECT generate_series, no data through Node): account managers,
// an IB tree, clients with e-mails and phones, trading accounts, transactions, interactions and KYC
// documents. Secondary indexes and foreign keys of the big tables are dropped during the load and built
// again after it (then VACUUM ANALYZE), as a bulk import would.
import type pg from 'pg';

export interface GenerateOptions {
  clients: number;
  accountsPerClient: number;
  transactionsPerClient: number;
  interactionsPerClient: number;
  /** one client in `documentEvery` has an identity document on file */
  documentEvery: number;
  managers: number;
  ibs: number;
}

/** Given names and surnames the generator combines; some have Cyrillic and Chinese spellings the bench searches by. */
export const FIRST = [
  'Oliver',
  'Amelia',
  'George',
  'Isla',
  'Harry',
  'Ava',
  'Jack',
  'Mia',
  'Noah',
  'Emily',
  'Leo',
  'Grace',
  'Arthur',
  'Ella',
  'Oscar',
  'Lily',
  'James',
  'Sophie',
  'William',
  'Chloe',
  'Thomas',
  'Lucy',
  'Daniel',
  'Hannah',
  'Samuel',
  'Charlotte',
  'Henry',
  'Freya',
  'Alexander',
  'Evie',
  'Ivan',
  'Dmitriy',
  'Sergey',
  'Olga',
  'Tatyana',
  'Natalya',
  'Aleksey',
  'Mikhail',
  'Yelena',
  'Andrey',
  'Pavel',
  'Svetlana',
  'Nikolay',
  'Irina',
  'Fang',
  'Wei',
  'Min',
  'Yang',
  'Jie',
  'Jing',
  'Lei',
  'Na',
  'Tao',
  'Yan',
  'Hui',
  'Ming',
  'Xin',
  'Bo',
  'Mohammed',
  'Fatima',
  'Ahmed',
  'Aisha',
  'Omar',
  'Layla',
  'Carlos',
  'Lucia',
  'Mateo',
  'Sofia',
  'Giulia',
  'Marco',
  'Hans',
  'Anna',
  'Pierre',
  'Camille',
  'Lars',
  'Ingrid',
  'Kenji',
  'Yuki',
  'Somchai',
  'Lan',
  'Minh',
  'Priya',
  'Arjun',
  'Ana',
  'João',
  'Zofia',
  'Piotr',
  'Eva',
];
export const LAST = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'White',
  'Roberts',
  'Green',
  'Hall',
  'Wood',
  'Jackson',
  'Clarke',
  'Bennett',
  'Harris',
  'Lewis',
  'Young',
  'King',
  'Baker',
  'Turner',
  'Hill',
  'Moore',
  'Ivanov',
  'Petrov',
  'Smirnov',
  'Kuznetsov',
  'Popov',
  'Volkov',
  'Sokolov',
  'Lebedev',
  'Kozlov',
  'Novikov',
  'Morozov',
  'Pavlov',
  'Orlov',
  'Wang',
  'Li',
  'Zhang',
  'Liu',
  'Chen',
  'Yang',
  'Huang',
  'Zhao',
  'Wu',
  'Zhou',
  'Xu',
  'Sun',
  'Ma',
  'Zhu',
  'Hu',
  'Guo',
  'Lin',
  'He',
  'Haddad',
  'Khan',
  'Rahman',
  'Garcia',
  'Martinez',
  'Rossi',
  'Bianchi',
  'Muller',
  'Schmidt',
  'Dubois',
  'Martin',
  'Larsen',
  'Nielsen',
  'Tanaka',
  'Suzuki',
  'Prasert',
  'Nguyen',
  'Tran',
  'Sharma',
  'Patel',
  'Silva',
  'Santos',
  'Kowalski',
  'Nowak',
  'Novak',
  'Horvat',
];
/** A second surname part for a share of clients, so names do not repeat too often at a million. */
export const SUFFIX = [
  '',
  '',
  '',
  '',
  '-Hart',
  '-Lowe',
  '-Reed',
  '-Shaw',
  '-Stone',
  '-Grant',
  '-Fox',
  '-Lane',
  '-Marsh',
  '-Pike',
  '-Cole',
  '-Webb',
];

const sqlArray = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]::text[]`;

export interface GenerateStats {
  seconds: Record<string, number>;
  rows: Record<string, number>;
}

export async function generateBook(pool: pg.Pool, o: GenerateOptions, log: (line: string) => void): Promise<GenerateStats> {
  const seconds: Record<string, number> = {};
  const client = await pool.connect();
  const step = async (name: string, sql: string) => {
    const t0 = performance.now();
    await client.query(sql);
    seconds[name] = (seconds[name] ?? 0) + (performance.now() - t0) / 1000;
  };
  const stepLog = async (name: string, sqls: string[]) => {
    for (const s of sqls) await step(name, s);
    log(`  ${name}: ${seconds[name].toFixed(1)} s`);
  };
  try {
    await client.query(`SET maintenance_work_mem = '1GB'`);
    await client.query('SET max_parallel_maintenance_workers = 2');
    await client.query('SET synchronous_commit = off');
    const N = o.clients;
    const F = FIRST.length;
    const L = LAST.length;

    await stepLog('staff and IB tree', [
      // account managers in London and Shanghai (agents: own scope), a company-wide reader
      `INSERT INTO users (id, email, name, password_hash, roles, team_id, branch_id)
       SELECT 'am-' || i, 'am' || i || '@bench.example.com', 'Manager ' || i, (SELECT password_hash FROM users WHERE id = 'u-agent1'),
         ARRAY['agent'], CASE WHEN i % 10 < 7 THEN 'london-complaints' ELSE 'shanghai-complaints' END,
         CASE WHEN i % 10 < 7 THEN 'london' ELSE 'shanghai' END
       FROM generate_series(1, ${o.managers}) i`,
      // IB tree: 1/10 roots, the rest children of an earlier IB
      `INSERT INTO introducing_brokers (id, name, parent_id, branch_id)
       SELECT 'bib-' || i, 'Introducer ' || i, CASE WHEN i <= ${Math.max(1, Math.floor(o.ibs / 10))} THEN NULL ELSE 'bib-' || (1 + (i::bigint * 7919) % (i - 1)) END, 'london'
       FROM generate_series(1, ${o.ibs}) i`,
      `UPDATE users SET ib_id = 'bib-1' WHERE id = 'u-ib-apex'`,
    ]);

    // drop what slows a bulk load; built again below
    await stepLog('drop indexes for the load', [
      'ALTER TABLE clients DISABLE TRIGGER clients_search_name',
      'ALTER TABLE clients DISABLE TRIGGER clients_name_tokens',
      'DROP INDEX clients_search_tokens_idx, clients_account_manager_id_idx, clients_introducing_broker_id_idx, clients_date_of_birth_idx, clients_national_id_key_idx, clients_branch_id_idx, clients_name_idx',
      'DROP INDEX client_contacts_normalized_idx, client_contacts_national_number_idx, client_contacts_client_kind_normalized_key',
      'DROP INDEX trading_accounts_login_idx, trading_accounts_client_id_idx, trading_accounts_platform_login_key',
      'ALTER TABLE transactions DROP CONSTRAINT transactions_client_id_fkey, DROP CONSTRAINT transactions_account_id_fkey',
      'DROP INDEX transactions_source_external_id_key, transactions_client_id_booked_at_idx',
      'ALTER TABLE interactions DROP CONSTRAINT interactions_client_id_fkey',
      'DROP INDEX interactions_client_id_occurred_at_idx, interactions_source_external_id_key',
    ]);

    await stepLog('clients', [
      `INSERT INTO clients (id, name, type, first_name, last_name, date_of_birth, nationality, national_id, email, phone, country, branch_id,
         account_manager_id, introducing_broker_id, tier, language, segment, kyc_status, search_name, created_at, updated_at)
       SELECT 'b' || i, f || ' ' || l, 'individual', f, l, date '1950-01-01' + (i::bigint * 7919 % 18000)::int, 'GB', 'NI' || lpad(i::text, 9, '0'),
         'client' || i || '@bench.example.com', '+447' || lpad(i::text, 9, '0'), 'GB',
         CASE WHEN am % 10 < 7 THEN 'london' ELSE 'shanghai' END, 'am-' || am,
         CASE WHEN i % 3 = 0 THEN 'bib-' || (1 + i % ${o.ibs}) END,
         (ARRAY['standard','standard','standard','silver','gold','platinum'])[1 + i % 6], 'en', 'retail', 'approved',
         lower(f || ' ' || replace(l, '-', ' ')), now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
       FROM (SELECT i, 1 + (i * 31) % ${o.managers} AS am,
               (${sqlArray(FIRST)})[1 + (i * 7) % ${F}] AS f,
               (${sqlArray(LAST)})[1 + (i * 13 + i / ${F}) % ${L}] || (${sqlArray(SUFFIX)})[1 + (i / 7) % ${SUFFIX.length}] AS l
             FROM generate_series(1, ${N}) i) g`,
    ]);
    await stepLog('client_contacts', [
      `INSERT INTO client_contacts (client_id, kind, value, normalized, is_primary)
       SELECT 'b' || i, 'email', 'client' || i || '@bench.example.com', 'client' || i || '@bench.example.com', true FROM generate_series(1, ${N}) i`,
      `INSERT INTO client_contacts (client_id, kind, value, normalized, national_number, is_primary)
       SELECT 'b' || i, 'phone', '+447' || lpad(i::text, 9, '0'), '+447' || lpad(i::text, 9, '0'), '7' || lpad(i::text, 9, '0'), true FROM generate_series(1, ${N}) i`,
    ]);
    const A = N * o.accountsPerClient;
    await stepLog('trading_accounts', [
      `INSERT INTO trading_accounts (id, client_id, platform, login, currency, leverage, balance, equity, margin_level, opened_at, updated_at)
       SELECT 'ba' || n, 'b' || (1 + (n - 1) / ${o.accountsPerClient}), (ARRAY['mt5','mt4','ctrader'])[1 + n % 3], (20000000 + n)::text,
         (ARRAY['USD','EUR','GBP'])[1 + n % 3], 30, (n % 50000)::numeric, (n % 50000)::numeric * 1.01, 250, now(), now()
       FROM generate_series(1, ${A}) n`,
    ]);
    const T = N * o.transactionsPerClient;
    const BATCH = 2_000_000;
    const txStart = performance.now();
    for (let from = 1; from <= T; from += BATCH) {
      const to = Math.min(T, from + BATCH - 1);
      await step(
        'transactions',
        `INSERT INTO transactions (client_id, account_id, source, external_id, type, amount, currency, method, status, booked_at, instrument, pnl)
         SELECT 'b' || c, 'ba' || ((c - 1) * ${o.accountsPerClient} + 1 + n % ${o.accountsPerClient}), 'bench', n::text, t,
           (10 + (n::bigint * 7919) % 100000)::numeric, (ARRAY['USD','EUR','GBP'])[1 + ((c - 1) * ${o.accountsPerClient} + 1 + n % ${o.accountsPerClient}) % 3],
           CASE WHEN t = 'trade' THEN NULL ELSE (ARRAY['card','bank_transfer','crypto','bank_transfer'])[1 + n % 4] END,
           CASE WHEN n % 50 = 0 THEN 'failed' ELSE 'completed' END,
           timestamptz '2025-01-01' + ((n::bigint * 104729) % 63072000) * interval '1 second',
           CASE WHEN t = 'trade' THEN (ARRAY['EURUSD','GBPUSD','XAUUSD','US500'])[1 + n % 4] END,
           CASE WHEN t = 'trade' THEN ((n::bigint * 31) % 2001 - 1000)::numeric END
         FROM (SELECT n, 1 + (n - 1) / ${o.transactionsPerClient} AS c,
                 (ARRAY['trade','trade','trade','trade','trade','deposit','deposit','deposit','withdrawal','withdrawal'])[1 + n % 10] AS t
               FROM generate_series(${from}, ${to}) n) g`,
      );
      log(
        `  transactions: ${to.toLocaleString('en')} of ${T.toLocaleString('en')} (${((performance.now() - txStart) / 1000).toFixed(0)} s)`,
      );
    }
    await stepLog('interactions', [
      `INSERT INTO interactions (client_id, kind, direction, channel, agent_id, duration_seconds, outcome, source, external_id, occurred_at)
       SELECT 'b' || (1 + (n - 1) / ${o.interactionsPerClient}), (ARRAY['call','email','chat','note'])[1 + n % 4], 'outbound', 'phone',
         'am-' || (1 + n % ${o.managers}), n % 900, 'answered', 'bench', n::text, timestamptz '2025-01-01' + ((n::bigint * 7919) % 63072000) * interval '1 second'
       FROM generate_series(1, ${N * o.interactionsPerClient}) n`,
    ]);
    await stepLog('kyc_documents', [
      `INSERT INTO kyc_documents (id, case_id, client_id, kind, doc_type, file_name, mime_type, size, sha256, content, number, country, uploaded_by_id)
       SELECT gen_random_uuid(), 'bench', 'b' || i, 'identity', 'passport', 'passport.pdf', 'application/pdf', 1, 'x', '\\x00', 'P' || lpad(i::text, 8, '0'), 'GB', 'u-kyc1'
       FROM generate_series(1, ${N}, ${o.documentEvery}) i`,
    ]);

    await stepLog('indexes and foreign keys', [
      'CREATE INDEX clients_search_tokens_idx ON clients USING GIN (search_tokens)',
      `INSERT INTO name_tokens SELECT DISTINCT t FROM clients, unnest(search_tokens) AS t WHERE t <> '' ON CONFLICT DO NOTHING`,
      'CREATE INDEX clients_account_manager_id_idx ON clients (account_manager_id)',
      'CREATE INDEX clients_introducing_broker_id_idx ON clients (introducing_broker_id)',
      'CREATE INDEX clients_date_of_birth_idx ON clients (date_of_birth)',
      `CREATE INDEX clients_national_id_key_idx ON clients (upper(regexp_replace(national_id, '[^0-9A-Za-z]', '', 'g')))`,
      'CREATE INDEX clients_branch_id_idx ON clients (branch_id)',
      'CREATE INDEX clients_name_idx ON clients (name)',
      'CREATE UNIQUE INDEX client_contacts_client_kind_normalized_key ON client_contacts (client_id, kind, normalized)',
      'CREATE INDEX client_contacts_normalized_idx ON client_contacts (normalized)',
      'CREATE INDEX client_contacts_national_number_idx ON client_contacts (national_number) WHERE national_number IS NOT NULL',
      'CREATE UNIQUE INDEX trading_accounts_platform_login_key ON trading_accounts (platform, login)',
      'CREATE INDEX trading_accounts_login_idx ON trading_accounts (login)',
      'CREATE INDEX trading_accounts_client_id_idx ON trading_accounts (client_id)',
      'CREATE UNIQUE INDEX transactions_source_external_id_key ON transactions (source, external_id)',
      'CREATE INDEX transactions_client_id_booked_at_idx ON transactions (client_id, booked_at)',
      'ALTER TABLE transactions ADD CONSTRAINT transactions_client_id_fkey FOREIGN KEY (client_id) REFERENCES clients(id) ON DELETE RESTRICT ON UPDATE CASCADE',
      'ALTER TABLE transactions ADD CONSTRAINT transactions_account_id_fkey FOREIGN KEY (account_id) REFERENCES trading_accounts(id) ON DELETE RESTRICT ON UPDATE CASCADE',
      'CREATE UNIQUE INDEX interactions_source_external_id_key ON interactions (source, external_id)',
      'CREATE INDEX interactions_client_id_occurred_at_idx ON interactions (client_id, occurred_at)',
      'ALTER TABLE interactions ADD CONSTRAINT interactions_client_id_fkey FOREIGN KEY (client_id) REFERENCES clients(id) ON DELETE RESTRICT ON UPDATE CASCADE',
      'ALTER TABLE clients ENABLE TRIGGER clients_search_name',
      'ALTER TABLE clients ENABLE TRIGGER clients_name_tokens',
    ]);
    await stepLog('vacuum analyze', ['VACUUM ANALYZE']);
    const rows: Record<string, number> = {};
    for (const t of [
      'clients',
      'name_tokens',
      'client_contacts',
      'trading_accounts',
      'transactions',
      'interactions',
      'kyc_documents',
      'introducing_brokers',
      'users',
    ]) {
      rows[t] = Number((await client.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n);
    }
    return { seconds, rows };
  } finally {
    client.release();
  }
}
