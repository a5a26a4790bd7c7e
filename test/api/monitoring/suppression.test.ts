// Suppression: snoozes per scenario and client with expiry, whitelisted counterparties; both audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../support/stack';
import { ApiClient } from '../../support/api-client';
import { newClient } from '../../support/monitoring';

let stack: Stack;
let mlro: ApiClient;
let aml1: ApiClient;
beforeAll(async () => {
  stack = await startStack();
  [mlro, aml1] = await Promise.all(['mlro@example.com', 'aml1@example.com'].map((e) => ApiClient.login(stack.url, e)));
});
afterAll(() => stack?.stop());

let n = 0;
const post = (clientId: string, counterparty: { name: string; country: string }) =>
  mlro.post('/api/transactions', {
    clientId,
    externalId: `s-${++n}`,
    type: 'withdrawal',
    amount: 100,
    currency: 'USD',
    method: 'bank_transfer',
    bookedAt: new Date().toISOString(),
    counterparty,
  });
const scenarios = (r: any) => r.body.alerts.map((a: any) => a.scenario).sort();

describe('suppression', () => {
  it('a snooze silences one scenario for one client until it expires or is lifted', async () => {
    const c = await newClient(stack.db.pool);
    const snooze = await mlro.post('/api/monitoring/snoozes', {
      clientId: c,
      scenarioId: 'high_risk_jurisdiction',
      until: new Date(Date.now() + 86_400_000).toISOString(),
      reason: 'Known exporter, EDD done',
    });
    expect(snooze.status).toBe(201);
    const quiet = await post(c, { name: 'Kim Trading', country: 'KP' });
    expect(scenarios(quiet)).toEqual(['third_party']);
    expect(quiet.body.suppressed).toEqual([{ scenarioId: 'high_risk_jurisdiction', by: 'snooze' }]);
    expect((await mlro.delete(`/api/monitoring/snoozes/${snooze.body.id}`)).status).toBe(204);
    expect(scenarios(await post(c, { name: 'Kim Trading', country: 'KP' }))).toEqual(['high_risk_jurisdiction']);
    // expired snoozes do nothing
    await stack.db.prisma.monitoringSnooze.create({
      data: { clientId: c, scenarioId: null, until: new Date(Date.now() - 1000), reason: 'old', createdById: 'u-mlro' },
    });
    expect(scenarios(await post(c, { name: 'Other Co', country: 'IR' }))).toEqual(['high_risk_jurisdiction', 'third_party']);
    const audit = await stack.db.prisma.auditEvent.findMany({
      where: { OR: [{ entityId: c }, { entityId: snooze.body.id }] },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['alert_snoozed', 'alert_snooze_lifted']);
    expect(
      (await aml1.post('/api/monitoring/snoozes', { clientId: c, until: new Date(Date.now() + 1000).toISOString(), reason: 'x' })).status,
    ).toBe(403);
  });

  it('a whitelisted counterparty raises no third-party or jurisdiction alert for that client only', async () => {
    const c = await newClient(stack.db.pool);
    const other = await newClient(stack.db.pool);
    const w = await mlro.post('/api/monitoring/whitelist', {
      clientId: c,
      counterpartyName: 'Müller Metallhandel GmbH',
      reason: 'Employer paying salary',
    });
    expect(w.status).toBe(201);
    expect(
      (await mlro.post('/api/monitoring/whitelist', { clientId: c, counterpartyName: 'MULLER METALLHANDEL', reason: 'again' })).status,
    ).toBe(409);
    const r = await post(c, { name: 'MULLER Metallhandel', country: 'IR' });
    expect(r.body.alerts).toEqual([]);
    expect(r.body.suppressed.map((s: any) => s.by)).toEqual(['whitelist', 'whitelist']);
    expect(scenarios(await post(other, { name: 'Muller Metallhandel GmbH', country: 'IR' }))).toEqual([
      'high_risk_jurisdiction',
      'third_party',
    ]);
    expect((await mlro.delete(`/api/monitoring/whitelist/${w.body.id}`)).status).toBe(204);
    expect(scenarios(await post(c, { name: 'Müller Metallhandel', country: 'IR' }))).toEqual(['high_risk_jurisdiction']);
  });
});
