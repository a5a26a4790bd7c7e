// Re-parenting introducing brokers (PATCH /api/introducing-brokers/:id): moves, renames, branch changes and
// deactivation within the maintainer's branches, refused loops (also when two moves race), the audit, and
// IB users' client scope following the tree at once. On a real PostgreSQL; the demo tree is not touched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack';
import { ApiClient } from '../support/api-client';
import { addClient, addUser } from '../support/crm';
import { waitFor } from '../support/cases';

let stack: Stack;
let admin: ApiClient;
let supervisor: ApiClient;
let agent1: ApiClient;
let oldParent: ApiClient;
let newParent: ApiClient;
let moved: ApiClient;

const clientIds = async (who: ApiClient) => {
  const res = await who.get('/api/clients?range=[0,199]');
  expect(res.status).toBe(200);
  return (res.body as { id: string }[]).map((r) => r.id).sort();
};
const patch = (who: ApiClient, id: string, body: unknown) => who.patch(`/api/introducing-brokers/${id}`, body);

beforeAll(async () => {
  stack = await startStack();
  const { pool } = stack.db;
  [admin, supervisor, agent1] = await Promise.all(
    ['admin@example.com', 'supervisor@example.com', 'agent1@example.com'].map((e) => ApiClient.login(stack.url, e)),
  );
  // t-old > t-sub > t-leaf, and t-new beside it, all in London
  for (const ib of [
    { id: 't-old', name: 'Old Parent' },
    { id: 't-new', name: 'New Parent' },
    { id: 't-sub', name: 'Sub IB', parentId: 't-old' },
    { id: 't-leaf', name: 'Leaf IB', parentId: 't-sub' },
  ]) {
    expect((await supervisor.post('/api/introducing-brokers', { ...ib, branchId: 'london' })).status).toBe(201);
  }
  await addUser(pool, { id: 'u-t-old', email: 't.old@example.com', roles: ['introducing_broker'], branchId: 'london', ibId: 't-old' });
  await addUser(pool, { id: 'u-t-new', email: 't.new@example.com', roles: ['introducing_broker'], branchId: 'london', ibId: 't-new' });
  await addUser(pool, { id: 'u-t-sub', email: 't.sub@example.com', roles: ['introducing_broker'], branchId: 'london', ibId: 't-sub' });
  await addClient(pool, { id: 'c-t-old', firstName: 'Olga', lastName: 'Old', branchId: 'london', introducingBrokerId: 't-old' });
  await addClient(pool, { id: 'c-t-sub', firstName: 'Sam', lastName: 'Sub', branchId: 'london', introducingBrokerId: 't-sub' });
  await addClient(pool, { id: 'c-t-leaf', firstName: 'Lea', lastName: 'Leaf', branchId: 'london', introducingBrokerId: 't-leaf' });
  await addClient(pool, { id: 'c-t-new', firstName: 'Nina', lastName: 'New', branchId: 'london', introducingBrokerId: 't-new' });
  [oldParent, newParent, moved] = await Promise.all(
    ['t.old@example.com', 't.new@example.com', 't.sub@example.com'].map((e) => ApiClient.login(stack.url, e)),
  );
});
afterAll(() => stack?.stop());

describe('PATCH /api/introducing-brokers/:id', () => {
  it('moves a sub-IB and its subtree under another parent: the old parent loses its clients, the new one gains them, at once; audited', async () => {
    expect(await clientIds(oldParent)).toEqual(['c-t-leaf', 'c-t-old', 'c-t-sub']);
    expect(await clientIds(newParent)).toEqual(['c-t-new']);
    expect((await oldParent.get('/api/clients/c-t-leaf')).status).toBe(200);

    const res = await patch(supervisor, 't-sub', { parentId: 't-new' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: 't-sub', name: 'Sub IB', parentId: 't-new', branchId: 'london', active: true });

    expect(await clientIds(oldParent)).toEqual(['c-t-old']);
    expect(await clientIds(newParent)).toEqual(['c-t-leaf', 'c-t-new', 'c-t-sub']);
    expect(await clientIds(moved)).toEqual(['c-t-leaf', 'c-t-sub']);
    expect((await oldParent.get('/api/clients/c-t-leaf')).status).toBe(404);
    expect((await newParent.get('/api/clients/c-t-leaf')).status).toBe(200);
    // the IB list of an IB user is its tree
    const tree = (await newParent.get('/api/introducing-brokers')).body as { id: string }[];
    expect(tree.map((r) => r.id).sort()).toEqual(['t-leaf', 't-new', 't-sub']);

    const audit = await stack.db.prisma.auditEvent.findMany({ where: { action: 'introducing_broker_updated', entityId: 't-sub' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: 'u-supervisor',
      entity: 'introducing_broker',
      data: { before: { parentId: 't-old', name: 'Sub IB' }, after: { parentId: 't-new', name: 'Sub IB' } },
    });
  });

  it('moves an IB to the top, renames, deactivates and reactivates it', async () => {
    const top = await patch(supervisor, 't-sub', { parentId: null, name: 'Sub IB (independent)', active: false });
    expect(top.body).toEqual({ id: 't-sub', name: 'Sub IB (independent)', parentId: null, branchId: 'london', active: false });
    expect(await clientIds(newParent)).toEqual(['c-t-new']);
    // a deactivated IB keeps its clients: only new attribution is for the people who maintain IBs to decide
    expect(await clientIds(moved)).toEqual(['c-t-leaf', 'c-t-sub']);
    expect((await patch(admin, 't-sub', { active: true, parentId: 't-old' })).body).toMatchObject({ active: true, parentId: 't-old' });
    expect(await clientIds(oldParent)).toEqual(['c-t-leaf', 'c-t-old', 'c-t-sub']);
  });

  it('refuses a move under itself or one of its descendants, naming body.parentId', async () => {
    for (const parentId of ['t-old', 't-sub', 't-leaf']) {
      const res = await patch(supervisor, 't-old', { parentId });
      expect(res, parentId).toMatchObject({ status: 400, body: { error: { fields: [{ path: 'body.parentId' }] } } });
    }
    expect((await stack.db.pool.query(`SELECT parent_id FROM introducing_brokers WHERE id = 't-old'`)).rows[0].parent_id).toBeNull();
    // nor does POST add one under itself, even with an id that is taken (a 500 before; found by schemathesis)
    for (const id of ['t-old', 't-self']) {
      const res = await admin.post('/api/introducing-brokers', { id, name: 'Self', parentId: id });
      expect(res, id).toMatchObject({ status: 400, body: { error: { fields: [{ path: 'body.parentId' }] } } });
    }
  });

  it('lets only one of two racing moves through when together they would close a loop', async () => {
    // t-new and t-old side by side at the top: t-new under t-leaf and t-old under t-new at once would loop
    for (let i = 0; i < 5; i++) {
      const [a, b] = await Promise.all([patch(supervisor, 't-new', { parentId: 't-leaf' }), patch(admin, 't-old', { parentId: 't-new' })]);
      expect([a.status, b.status].sort()).toEqual([200, 400]);
      const { rows } = await stack.db.pool.query<{ id: string; parent_id: string | null }>(
        `SELECT id, parent_id FROM introducing_brokers WHERE id LIKE 't-%'`,
      );
      const parent = new Map(rows.map((r) => [r.id, r.parent_id]));
      for (const start of parent.keys()) {
        const seen = new Set<string>();
        for (let at: string | null | undefined = start; at; at = parent.get(at)) {
          expect(seen.has(at), `loop through ${at}`).toBe(false);
          seen.add(at);
        }
      }
      // back to the start
      expect((await patch(admin, 't-old', { parentId: null })).status).toBe(200);
      expect((await patch(admin, 't-new', { parentId: null })).status).toBe(200);
    }
  });

  it('refuses unknown ids, empty or unknown fields with 404 or 400 on the field, not 500', async () => {
    expect((await patch(supervisor, 'no-such-ib', { name: 'x' })).status).toBe(404);
    for (const [body, field] of [
      [{ parentId: 'no-such-ib' }, 'body.parentId'],
      [{ parentId: '' }, 'body.parentId'],
      [{ branchId: 'no-such-branch' }, 'body.branchId'],
      [{ name: '  ' }, 'body.name'],
      [{ active: 'yes' }, 'body.active'],
      [{ colour: 'red' }, 'body'],
      [{}, 'body'],
    ] as const) {
      const res = await patch(admin, 't-sub', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((res.body.error.fields as { path: string }[]).map((f) => f.path).join(), JSON.stringify(body)).toContain(field);
    }
  });

  it('keeps maintainers to their branches, old place and new, and others out', async () => {
    // ib-orient is Shanghai's: a London supervisor may neither move it nor move into it, nor take an IB to Shanghai
    expect((await patch(supervisor, 'ib-orient', { name: 'Mine now' })).status).toBe(403);
    expect((await patch(supervisor, 't-sub', { parentId: 'ib-orient' })).status).toBe(403);
    expect((await patch(supervisor, 't-sub', { branchId: 'shanghai' })).status).toBe(403);
    expect((await patch(supervisor, 't-sub', { branchId: null })).status).toBe(403);
    // an administrator may
    expect((await patch(admin, 't-leaf', { branchId: 'shanghai' })).body).toMatchObject({ branchId: 'shanghai' });
    expect((await patch(supervisor, 't-leaf', { name: 'Leaf' })).status).toBe(403);
    expect((await patch(admin, 't-leaf', { branchId: 'london' })).status).toBe(200);
    // nor carry another branch's sub-IB along in a move (a rename is still its own)
    expect(
      (await admin.post('/api/introducing-brokers', { id: 't-sh', name: 'Shanghai desk', parentId: 't-leaf', branchId: 'shanghai' }))
        .status,
    ).toBe(201);
    expect((await patch(supervisor, 't-sub', { parentId: 't-new' })).status).toBe(403);
    expect((await patch(supervisor, 't-sub', { name: 'Sub IB' })).status).toBe(200);
    expect((await patch(admin, 't-sh', { parentId: null })).status).toBe(200);
    expect((await patch(supervisor, 't-sub', { parentId: 't-old' })).status).toBe(200);
    // roles that do not maintain IBs
    expect((await patch(agent1, 't-sub', { name: 'x' })).status).toBe(403);
    expect((await patch(oldParent, 't-sub', { parentId: null })).status).toBe(403);
    expect((await stack.db.pool.query(`SELECT parent_id FROM introducing_brokers WHERE id = 't-sub'`)).rows[0].parent_id).toBe('t-old');
  });
});

describe('a deactivated introducing broker', () => {
  it('keeps its clients but gets nothing new: no lead (API or import), no client moved to it, no sub-IB', async () => {
    const { pool } = stack.db;
    expect((await supervisor.post('/api/introducing-brokers', { id: 't-off', name: 'Off IB', branchId: 'london' })).status).toBe(201);
    await addClient(pool, { id: 'c-t-off', firstName: 'Otto', lastName: 'Off', branchId: 'london', introducingBrokerId: 't-off' });
    expect((await patch(supervisor, 't-off', { active: false })).status).toBe(200);
    const refused = (res: { status: number; body: unknown }, path: string) =>
      expect(res, path).toMatchObject({
        status: 400,
        body: { error: { fields: [{ path, message: expect.stringContaining('deactivated') }] } },
      });

    refused(
      await supervisor.post('/api/leads', {
        firstName: 'Ola',
        lastName: 'Off',
        email: 'ola.off@example.org',
        country: 'GB',
        source: 'web',
        ib: 't-off',
      }),
      'body.ib',
    );
    refused(await supervisor.patch('/api/clients/c-t-new', { introducingBrokerId: 't-off' }), 'body.introducingBrokerId');
    refused(
      await supervisor.post('/api/introducing-brokers', { id: 't-off-sub', name: 'Under Off', parentId: 't-off', branchId: 'london' }),
      'body.parentId',
    );
    refused(await patch(supervisor, 't-new', { parentId: 't-off' }), 'body.parentId');
    expect((await pool.query(`SELECT count(*)::int AS n FROM leads WHERE email_norm = 'ola.off@example.org'`)).rows[0].n).toBe(0);
    expect((await pool.query(`SELECT introducing_broker_id FROM clients WHERE id = 'c-t-new'`)).rows[0].introducing_broker_id).toBe(
      't-new',
    );

    // what it has stays: its client is edited as before, and still counts to it
    expect((await supervisor.patch('/api/clients/c-t-off', { tier: 'gold' })).status).toBe(200);
    expect((await pool.query(`SELECT introducing_broker_id FROM clients WHERE id = 'c-t-off'`)).rows[0].introducing_broker_id).toBe(
      't-off',
    );

    // an import line naming it is refused with the reason; the other line is imported
    const csv = [
      'firstName,lastName,email,country,source,ib',
      'Ida,Off,ida.off@example.org,GB,web,t-off',
      'Ivo,On,ivo.on@example.org,GB,web,t-new',
    ];
    const job = await supervisor.post('/api/imports', { kind: 'leads', fileName: 'ibs.csv', format: 'csv', content: csv.join('\n') });
    expect(job.status, JSON.stringify(job.body)).toBe(201);
    const done = await waitFor(
      async () => {
        const r = await supervisor.get(`/api/imports/${job.body.id}`);
        return r.body.status === 'done' ? r.body : null;
      },
      'the import',
      60_000,
    );
    expect(done).toMatchObject({ applied: 1, rejected: 1 });
    const findings = await pool.query(`SELECT line, field, reason FROM import_findings WHERE job_id = $1`, [job.body.id]);
    expect(findings.rows).toEqual([{ line: 2, field: 'ib', reason: expect.stringContaining('deactivated') }]);

    // nor a client loaded by the back office's import
    const clients = await admin.post('/api/imports', {
      kind: 'clients',
      fileName: 'clients.csv',
      format: 'csv',
      content: ['id,firstName,lastName,branchId,ib', 'c-t-off-2,Ulla,Off,london,t-off', 'c-t-on-2,Uwe,On,london,t-new'].join('\n'),
    });
    expect(clients.status, JSON.stringify(clients.body)).toBe(201);
    expect(
      await waitFor(
        async () => {
          const r = await admin.get(`/api/imports/${clients.body.id}`);
          return r.body.status === 'done' ? r.body : null;
        },
        'the clients import',
        60_000,
      ),
    ).toMatchObject({ applied: 1, rejected: 1 });
    expect((await pool.query(`SELECT id FROM clients WHERE id IN ('c-t-off-2', 'c-t-on-2')`)).rows).toEqual([{ id: 'c-t-on-2' }]);
  });
});
