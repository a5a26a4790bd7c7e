// A client book with a year of transactions for the monitoring bench, all in SQL (INSERT … SELECT
// generate_series): clients with risk bands, KYC profiles with declared amounts for half of them, and
// transactions (deposits, withdrawals, trades) with counterparties, a few cash deposits near the
// reporting threshold and a few payments to FATF-listed countries, so every scenario has work to do.
// The transactions table's indexes and foreign keys are dropped during the load and rebuilt after it.
import type pg from 'pg';
import { FIRST, LAST, SUFFIX } from '../crm/generate';

const sqlArray = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]::text[]`;

export async function generate(pool: pg.Pool, o: { clients: number; perClient: number }, log: (s: string) => void): Promise<void> {
  const step = async (what: string, sql: string) => {
    const t0 = performance.now();
    await pool.query(sql);
    log(`  ${what}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  const N = o.clients;
  // a deterministic pseudo-random number in [0, 1) from an integer and a salt
  const r = (expr: string, salt: number) => `((hashint8((${expr})::bigint * 7919 + ${salt}) & 2147483647)::float8 / 2147483648)`;
  await step(
    'clients',
    `
    INSERT INTO clients (id, name, type, first_name, last_name, country, branch_id, kyc_status, risk_band, search_name, created_at, updated_at, next_review_at)
    SELECT 'mb' || lpad(i::text, 8, '0'), f || ' ' || l, 'individual', f, l, 'GB', 'london', 'approved',
           (ARRAY['low','low','medium','medium','medium','high','critical'])[1 + i % 7], lower(f || ' ' || l), now(), now(),
           now() + ((i % 1000) - 20) * interval '1 day'
      FROM (SELECT i, (${sqlArray(FIRST)})[1 + (hashint4(i) & 1023) % ${FIRST.length}] AS f,
                      (${sqlArray(LAST)})[1 + (hashint4(i + 7) & 1023) % ${LAST.length}] || (${sqlArray(SUFFIX)})[1 + (hashint4(i + 13) & 1023) % ${SUFFIX.length}] AS l
              FROM generate_series(1, ${N}) i) g`,
  );
  await step(
    'kyc profiles (every second client)',
    `
    INSERT INTO kyc_profiles (client_id, declared_income, expected_deposits, products, edd_flags, updated_at)
    SELECT 'mb' || lpad(i::text, 8, '0'), 30000 + (i % 50) * 5000, 5000 + (i % 40) * 2500, '{}', '{}', now() FROM generate_series(2, ${N}, 2) i`,
  );
  if (o.perClient === 0) return;
  await step(
    'drop transaction indexes',
    `ALTER TABLE transactions DROP CONSTRAINT transactions_client_id_fkey, DROP CONSTRAINT IF EXISTS transactions_account_id_fkey;
    DROP INDEX transactions_source_external_id_key, transactions_client_id_booked_at_idx`,
  );
  const T = N * o.perClient;
  const CHUNK = 2_000_000;
  for (let from = 1; from <= T; from += CHUNK) {
    const to = Math.min(T, from + CHUNK - 1);
    await step(
      `transactions ${from.toLocaleString('en')}..${to.toLocaleString('en')}`,
      `
      INSERT INTO transactions (client_id, source, external_id, type, amount, currency, method, status, booked_at, counterparty_name, counterparty_country)
      SELECT 'mb' || lpad(c::text, 8, '0'), 'bench', 'b' || n, t.type,
             round(CASE WHEN t.type = 'trade' THEN 500 + ${r('n', 3)} * 20000
                        WHEN ${r('n', 4)} < 0.02 THEN 8000 + ${r('n', 5)} * 1900
                        ELSE 100 + ${r('n', 6)} ^ 3 * 15000 END::numeric, 2),
             'USD',
             CASE WHEN t.type = 'trade' THEN NULL WHEN ${r('n', 4)} < 0.02 THEN 'cash'
                  ELSE (ARRAY['bank_transfer','bank_transfer','card','card','crypto'])[1 + (hashint4(n::int) & 255) % 5] END,
             'completed', now() - (${r('n', 7)} * 365) * interval '1 day',
             CASE WHEN t.type = 'trade' THEN NULL WHEN ${r('n', 8)} < 0.8 THEN g.name ELSE 'Counterparty ' || (hashint4(n::int) & 65535) END,
             CASE WHEN t.type = 'trade' THEN NULL WHEN ${r('n', 9)} < 0.003 THEN 'KP' WHEN ${r('n', 9)} < 0.02 THEN 'NG' ELSE 'GB' END
        FROM (SELECT n, 1 + (n - 1) / ${o.perClient} AS c FROM generate_series(${from}::bigint, ${to}::bigint) n) s
        JOIN clients g ON g.id = 'mb' || lpad(c::text, 8, '0')
        CROSS JOIN LATERAL (SELECT CASE WHEN ${r('n', 1)} < 0.35 THEN 'deposit' WHEN ${r('n', 1)} < 0.6 THEN 'withdrawal' ELSE 'trade' END AS type) t`,
    );
  }
  await step(
    'rebuild transaction indexes',
    `CREATE UNIQUE INDEX transactions_source_external_id_key ON transactions (source, external_id);
    CREATE INDEX transactions_client_id_booked_at_idx ON transactions (client_id, booked_at);
    ALTER TABLE transactions ADD CONSTRAINT transactions_client_id_fkey FOREIGN KEY (client_id) REFERENCES clients(id) ON DELETE RESTRICT ON UPDATE CASCADE;
    ALTER TABLE transactions ADD CONSTRAINT transactions_account_id_fkey FOREIGN KEY (account_id) REFERENCES trading_accounts(id) ON DELETE RESTRICT ON UPDATE CASCADE`,
  );
  for (const t of ['clients', 'transactions', 'kyc_profiles']) await step(`vacuum analyze ${t}`, `VACUUM ANALYZE ${t}`);
}
