// Plans of the inline rules on one stored transaction (a helper of run.ts: tsx bench/monitoring/explain.ts).
import { createDb } from '../../platform/db';
import { seedReferenceData } from '../../prisma/seed';
import { compile } from '../../platform/monitoring/candidates';
import { versionsInForce } from '../../platform/monitoring/versions';
import { startStack } from '../case-engine/lib/stack';
import { generate } from './generate';

const stack = await startStack({ pgFast: true, temporal: 'memory' });
const db = createDb(stack.dbUrl, 4);
try {
  await seedReferenceData(db.prisma);
  await generate(db.pool, { clients: Number(process.argv[2] ?? 5000), perClient: 20 }, () => undefined);
  const { rows } = await db.pool.query<{ id: string }>(`SELECT id FROM transactions WHERE type = 'deposit' LIMIT 1 OFFSET 777`);
  for (const v of await versionsInForce(db.pool, { executions: ['inline'] })) {
    const { text, values } = compile(v, { kind: 'transaction', transactionId: rows[0].id });
    for (let i = 0; i < 3; i++) await db.pool.query(text, values);
    const plan = await db.pool.query(`EXPLAIN (ANALYZE, BUFFERS, SUMMARY) ${text}`, values);
    console.log(`\n== ${v.scenarioId}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
  }
} finally {
  await db.close();
  await stack.stop();
}
