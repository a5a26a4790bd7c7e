// Rule versions: an alert records the version it came from; a published version cannot change (the
// database refuses it, whatever the code path); drafts are checked against the template.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../support/stack';
import { DAY, T0, alertsOf, newClient, send, sweep } from '../../support/monitoring';
import { checkParameters, discardDraft, publishDraft, saveDraft, versionsInForce } from '../../../platform/monitoring/versions';
import { templateOf } from '../../../platform/monitoring/templates';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ api: false });
});
afterAll(() => stack?.stop());

const pool = () => stack.db.pool;
const prisma = () => stack.db.prisma;

describe('scenario versions', () => {
  it('installs the six transaction scenarios and the sanctions scenario with version 1 in force', async () => {
    const v = await versionsInForce(pool());
    expect(v.map((x) => x.scenarioId).sort()).toEqual([
      'above_profile',
      'dormant_reactivation',
      'high_risk_jurisdiction',
      'in_and_out',
      'sanctions_match',
      'structuring',
      'third_party',
    ]);
    expect(v.every((x) => x.version === 1)).toBe(true);
  });

  it('an alert records the version in force when it fired; a newer version alerts with its own number', async () => {
    const c = await newClient(pool());
    const before = await send(pool(), c, { at: T0, amount: 20000, type: 'withdrawal', counterparty: { name: 'X', country: 'NG' } });
    const v1 = before.alerts.find((a) => a.scenario_id === 'high_risk_jurisdiction')!;
    expect(v1.scenario_version).toBe(1);
    await saveDraft(pool(), {
      scenarioId: 'high_risk_jurisdiction',
      parameters: { default: { alwaysCategories: ['black', 'grey'], amountCategories: [], minAmount: 0 } },
      actorId: 'u-compliance',
      note: 'grey always',
    });
    // a draft changes nothing until published
    expect(
      (await send(pool(), c, { at: T0 + DAY, amount: 5, type: 'withdrawal', counterparty: { name: 'X', country: 'NG' } })).alerts.filter(
        (a) => a.scenario_id === 'high_risk_jurisdiction',
      ),
    ).toEqual([]);
    const published = await publishDraft(pool(), { scenarioId: 'high_risk_jurisdiction', actorId: 'u-compliance' });
    expect(published.version).toBe(2);
    const after = await send(pool(), c, { at: T0 + 2 * DAY, amount: 5, type: 'withdrawal', counterparty: { name: 'X', country: 'NG' } });
    const v2 = after.alerts.find((a) => a.scenario_id === 'high_risk_jurisdiction')!;
    expect(v2).toMatchObject({ scenario_version: 2, scenario_version_id: published.id });
    expect((v2.evidence as any).thresholds).toMatchObject({ alwaysCategories: ['black', 'grey'] });
    // the old alert still says version 1, and version 1 is retired, not gone
    expect((await prisma().monitoringAlert.findUniqueOrThrow({ where: { id: v1.id } })).scenarioVersion).toBe(1);
    const versions = await prisma().monitoringScenarioVersion.findMany({
      where: { scenarioId: 'high_risk_jurisdiction' },
      orderBy: { version: 'asc' },
    });
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'retired'],
      [2, 'published'],
    ]);
    const audit = await prisma().auditEvent.findMany({
      where: { entity: 'monitoring_scenario', entityId: 'high_risk_jurisdiction' },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(['scenario_draft_saved', 'scenario_published']);
  });

  it('a published or retired version cannot change or be deleted, by any path', async () => {
    const [v] = await prisma().monitoringScenarioVersion.findMany({ where: { scenarioId: 'structuring', status: 'published' } });
    await expect(pool().query(`UPDATE monitoring_scenario_versions SET parameters = '{}' WHERE id = $1`, [v.id])).rejects.toThrow(
      /cannot change/,
    );
    await expect(pool().query(`UPDATE monitoring_scenario_versions SET version = 9 WHERE id = $1`, [v.id])).rejects.toThrow(
      /cannot change/,
    );
    await expect(pool().query(`UPDATE monitoring_scenario_versions SET status = 'draft' WHERE id = $1`, [v.id])).rejects.toThrow(
      /cannot change/,
    );
    await expect(
      prisma().monitoringScenarioVersion.update({ where: { id: v.id }, data: { parameters: { default: {} } } }),
    ).rejects.toThrow();
    await expect(pool().query(`DELETE FROM monitoring_scenario_versions WHERE id = $1`, [v.id])).rejects.toThrow(/cannot be deleted/);
    const [retired] = await prisma().monitoringScenarioVersion.findMany({
      where: { scenarioId: 'high_risk_jurisdiction', status: 'retired' },
    });
    await expect(pool().query(`UPDATE monitoring_scenario_versions SET status = 'published' WHERE id = $1`, [retired.id])).rejects.toThrow(
      /cannot change/,
    );
    const again = await prisma().monitoringScenarioVersion.findUniqueOrThrow({ where: { id: v.id } });
    expect(again.parameters).toEqual(v.parameters);
  });

  it('drafts are checked against the template and can be replaced and discarded', async () => {
    const t = templateOf('structuring')!;
    expect(() => checkParameters(t, { default: { threshold: 'x' } })).toThrow(/threshold/);
    expect(() => checkParameters(t, { default: { ...t.defaults.default, extra: 1 } })).toThrow();
    expect(() => checkParameters(t, { default: t.defaults.default, bands: { purple: {} } })).toThrow();
    const a = await saveDraft(pool(), {
      scenarioId: 'structuring',
      parameters: { ...t.defaults, bands: { high: { minCount: 2 } } },
      actorId: 'u-compliance',
    });
    const b = await saveDraft(pool(), { scenarioId: 'structuring', parameters: t.defaults, actorId: 'u-compliance' });
    expect(b).toEqual(a);
    expect(await discardDraft(pool(), { scenarioId: 'structuring', actorId: 'u-compliance' })).toBe(true);
    await expect(publishDraft(pool(), { scenarioId: 'structuring', actorId: 'u-compliance' })).rejects.toThrow(/no draft/);
  });

  it('per-band parameters: a high-risk client alerts on two structured deposits when the high band says so', async () => {
    const t = templateOf('structuring')!;
    await saveDraft(pool(), {
      scenarioId: 'structuring',
      parameters: { ...t.defaults, bands: { high: { minCount: 2 } } },
      actorId: 'u-compliance',
    });
    await publishDraft(pool(), { scenarioId: 'structuring', actorId: 'u-compliance' });
    const high = await newClient(pool(), { riskBand: 'high' });
    const low = await newClient(pool(), { riskBand: 'low' });
    for (const c of [high, low]) for (const i of [0, 1]) await send(pool(), c, { at: T0 + i * DAY, amount: 9000, method: 'cash' });
    await sweep(prisma(), pool(), { clientIds: [high, low] });
    const [alert] = await alertsOf(prisma(), high, 'structuring');
    expect(alert).toMatchObject({ scenarioVersion: 2 });
    expect((alert.evidence as any).band).toBe('high');
    expect(await alertsOf(prisma(), low, 'structuring')).toEqual([]);
  });
});
