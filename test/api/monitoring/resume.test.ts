// A worker killed in the middle of a sweep: another worker takes it over from the last committed batch.
// Nothing is lost (every client's pattern alerts) and nothing is created twice (one alert, one case each).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../support/stack';
import { startKillableWorker } from '../../support/killable-worker';
import { waitFor } from '../../support/cases';
import { DAY, T0, newClient, send } from '../../support/monitoring';
import { createSweep } from '../../../platform/monitoring/sweep';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ api: false });
});
afterAll(() => stack?.stop());

describe('a sweep whose worker is killed', () => {
  it('resumes after the last committed batch: nothing lost, nothing twice', async () => {
    const { prisma, pool } = stack.db;
    await prisma.setting.create({ data: { key: 'monitoring.sweepBatchClients', value: 1 } });
    const clients: string[] = [];
    for (let i = 0; i < 40; i++) {
      const c = await newClient(pool);
      for (const d of [0, 1, 2]) await send(pool, c, { at: T0 + d * DAY, amount: 9000 + d, method: 'cash' });
      clients.push(c);
    }
    await stack.stopWorker();
    const doomed = await startKillableWorker(stack);
    const id = '0b7a3c55-5d1e-4b9e-9f59-6b8f1e1c0a01';
    await createSweep(prisma, {
      id,
      kind: 'on_demand',
      workflowId: `monitoring-sweep-${id}`,
      clientIds: clients,
      from: new Date(T0 - DAY),
      to: new Date(T0 + 10 * DAY),
    });
    await stack.temporal.workflow.start('monitoringSweepWorkflow', {
      workflowId: `monitoring-sweep-${id}`,
      taskQueue: stack.taskQueue,
      args: [{ sweepId: id }],
    });
    await waitFor(
      async () => ((await prisma.monitoringSweep.findUniqueOrThrow({ where: { id } })).batchesDone >= 5 ? true : null),
      'five batches',
      60_000,
    );
    await doomed.kill();
    const atKill = await prisma.monitoringSweep.findUniqueOrThrow({ where: { id } });
    expect(atKill.status).toBe('running');
    expect(atKill.clientsDone).toBeLessThan(clients.length);
    // no worker: the sweep stands still
    await new Promise((r) => setTimeout(r, 3000));
    expect((await prisma.monitoringSweep.findUniqueOrThrow({ where: { id } })).batchesDone).toBe(atKill.batchesDone);

    await stack.startWorker();
    const done = await waitFor(
      async () => {
        const s = await prisma.monitoringSweep.findUniqueOrThrow({ where: { id } });
        return s.status === 'completed' ? s : null;
      },
      'the sweep to complete on the new worker',
      90_000,
    );
    expect(done).toMatchObject({ clientsDone: clients.length, totalClients: clients.length, alertsCreated: clients.length });
    const alerts = await prisma.monitoringAlert.findMany({ where: { clientId: { in: clients }, scenarioId: 'structuring' } });
    expect(alerts).toHaveLength(clients.length);
    expect(new Set(alerts.map((a) => a.clientId)).size).toBe(clients.length);
    // every alert in a case, one case per client
    await waitFor(
      async () => ((await prisma.case.count({ where: { clientId: { in: clients }, type: 'aml_case' } })) === clients.length ? true : null),
      'a case per client',
      60_000,
    );
    const groups = await prisma.amlCaseGroup.groupBy({ by: ['clientId'], where: { clientId: { in: clients } }, _count: true });
    expect(groups.every((g) => g._count === 1)).toBe(true);
    expect(await prisma.monitoringAlert.count({ where: { clientId: { in: clients }, caseId: null } })).toBe(0);
  }, 240_000);
});
