// The SQL the tasks router really sends, and its plans. Captured from the same createApp, in-process,
// on a PrismaClient with query events, so nothing about the query shape is re-typed in the bench.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import pg from 'pg';
import { createApp } from '../../../api/app';
import { parseEnv } from '../../../platform/env';
import { Api } from './http';

export interface Captured {
  who: string;
  variant: string;
  kind: 'page' | 'count';
  query: string;
  params: unknown[];
}

export async function captureTaskQueries(
  dbUrl: string,
  temporalAddress: string,
  who: { label: string; email: string }[],
  variants: { name: string; path: string }[],
): Promise<Captured[]> {
  const pool = new pg.Pool({ connectionString: dbUrl, max: 4 });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), log: [{ level: 'query', emit: 'event' }] });
  let seen: { query: string; params: unknown[] }[] = [];
  prisma.$on('query', (e) => seen.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
  const connection = await Connection.connect({ address: temporalAddress });
  const env = parseEnv({ DATABASE_URL: dbUrl, TEMPORAL_ADDRESS: temporalAddress, NODE_ENV: 'production', LOG_LEVEL: 'warn' });
  const app = createApp({
    db: { prisma, pool, close: async () => undefined },
    temporal: new Client({ connection }),
    env,
    log: (m, e) => console.error(m, e),
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const out: Captured[] = [];
  try {
    for (const w of who) {
      const api = await Api.login(url, w.email);
      for (const v of variants) {
        seen = [];
        await api.ok('GET', v.path);
        // Only the statements over tasks (the page and its count): the session, case, client and user
        // lookups by primary key are not what varies.
        const tasks = seen
          .filter((c) => /FROM "public"\."tasks"/.test(c.query))
          .map((c) => ({ who: w.label, variant: v.name, kind: /COUNT\(/i.test(c.query) ? ('count' as const) : ('page' as const), ...c }));
        out.push(...tasks.sort((a, b) => a.kind.localeCompare(b.kind)).reverse());
      }
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await connection.close();
    await prisma.$disconnect();
    await pool.end();
  }
  return out;
}

export interface Plan {
  ms: number;
  access: string;
  text: string;
}

/** EXPLAIN (ANALYZE, BUFFERS), run twice: the first warms the cache, the second is reported. */
export async function explain(client: pg.Client, query: string, params: unknown[]): Promise<Plan> {
  await client.query(`EXPLAIN (ANALYZE) ${query}`, params);
  const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query}`, params);
  const text = rows.map((r) => r['QUERY PLAN']).join('\n');
  return { ms: Number(text.match(/Execution Time: ([\d.]+) ms/)?.[1]), access: accessPath(text), text };
}

/** How the plan reaches the rows: indexes and seq scans used, the sort, rows thrown away. */
function accessPath(plan: string): string {
  const short: Record<string, string> = { 'Index Only Scan': 'index-only', 'Index Scan': 'index', 'Bitmap Index Scan': 'bitmap' };
  const scans = [
    ...[...plan.matchAll(/(Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\S+)/g)].map(
      (m) => `${short[m[1]]} ${m[2]}`,
    ),
    ...[...plan.matchAll(/Seq Scan on (\S+)/g)].map((m) => `seq scan ${m[1]}`),
  ];
  const sort = plan.match(/Sort Method: (\S+(?: \S+)?)\s+(Memory|Disk): (\d+kB)/);
  const removed = [...plan.matchAll(/Rows Removed by (?:Filter|Index Recheck): (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
  const heap = plan.match(/Heap Blocks: exact=(\d+)/)?.[1];
  return [
    [...new Set(scans)].join(' + '),
    /Incremental Sort/.test(plan) ? 'incremental sort' : sort ? `${sort[1]} (${sort[2].toLowerCase()} ${sort[3]})` : '',
    heap ? `${heap} heap blocks` : '',
    removed ? `${removed} rows filtered` : '',
  ]
    .filter(Boolean)
    .join(', ');
}
