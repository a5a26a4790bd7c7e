// Scenarios and their versions: the defaults installed once, drafts edited, publishing that freezes a
// version (the database refuses any later change to it: migration 20261210000100), and the versions in
// force that evaluation runs.
import type pg from 'pg';
import type { PrismaClient } from '@prisma/client';
import { DomainError } from '../errors';
import { auditIn } from '../audit';
import { inTransaction } from '../db';
import { TEMPLATES, parametersSchema, templateOf, type Parameters, type Template } from './templates';

export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string | pg.QueryConfig, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/** A version that evaluation runs: its id and number are what alerts record. */
export interface ScenarioVersion {
  id: string;
  scenarioId: string;
  version: number;
  template: Template;
  parameters: Parameters;
}

/** Installs the default scenarios with version 1 published, where they are missing. Idempotent. */
export async function installDefaultScenarios(prisma: PrismaClient): Promise<number> {
  let installed = 0;
  for (const t of TEMPLATES) {
    const { count } = await prisma.monitoringScenario.createMany({
      data: [{ id: t.id, name: t.name, template: t.id, execution: t.execution, description: t.description }],
      skipDuplicates: true,
    });
    if (!count) continue;
    installed++;
    await prisma.monitoringScenarioVersion.createMany({
      data: [
        { scenarioId: t.id, version: 1, status: 'published', parameters: t.defaults as object, note: 'default', publishedAt: new Date() },
      ],
      skipDuplicates: true,
    });
  }
  return installed;
}

type VersionRow = { id: string; scenario_id: string; version: number; template: string; parameters: Parameters };

function toVersion(r: VersionRow): ScenarioVersion {
  const template = templateOf(r.template);
  if (!template) throw new DomainError('UNKNOWN_TEMPLATE', `Scenario ${r.scenario_id} uses unknown template ${r.template}`);
  return { id: r.id, scenarioId: r.scenario_id, version: r.version, template, parameters: r.parameters };
}

/** The published version of every enabled scenario, optionally of some executions or scenarios only. */
export async function versionsInForce(
  db: Queryable,
  opts: { executions?: string[]; scenarioIds?: string[] } = {},
): Promise<ScenarioVersion[]> {
  const { rows } = await db.query<VersionRow>(
    `SELECT v.id, v.scenario_id, v.version, s.template, v.parameters FROM monitoring_scenario_versions v
       JOIN monitoring_scenarios s ON s.id = v.scenario_id
      WHERE v.status = 'published' AND s.enabled
        AND ($1::text[] IS NULL OR s.execution = ANY($1)) AND ($2::text[] IS NULL OR s.id = ANY($2))
      ORDER BY s.id`,
    [opts.executions ?? null, opts.scenarioIds ?? null],
  );
  return rows.map(toVersion);
}

export async function versionsById(db: Queryable, ids: string[]): Promise<ScenarioVersion[]> {
  const { rows } = await db.query<VersionRow>(
    `SELECT v.id, v.scenario_id, v.version, s.template, v.parameters FROM monitoring_scenario_versions v
       JOIN monitoring_scenarios s ON s.id = v.scenario_id WHERE v.id = ANY($1::uuid[])`,
    [ids],
  );
  return ids
    .map((id) => rows.find((r) => r.id === id))
    .filter((r): r is VersionRow => !!r)
    .map(toVersion);
}

/** Checks a version's parameters against its template; the error lists every problem by path. */
export function checkParameters(template: Template, parameters: unknown): Parameters {
  const result = parametersSchema(template).safeParse(parameters);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new DomainError('INVALID_PARAMETERS', `Parameters do not fit template ${template.id}: ${detail}`);
  }
  return result.data as Parameters;
}

async function scenarioTemplate(client: pg.PoolClient, scenarioId: string): Promise<Template> {
  const { rows } = await client.query<{ template: string }>('SELECT template FROM monitoring_scenarios WHERE id = $1 FOR UPDATE', [
    scenarioId,
  ]);
  const template = rows[0] && templateOf(rows[0].template);
  if (!template) throw new DomainError('SCENARIO_NOT_FOUND', `Scenario ${scenarioId} not found`);
  return template;
}

/** Creates or replaces the scenario's draft (the next version number). Audited. */
export async function saveDraft(pool: pg.Pool, input: { scenarioId: string; parameters: unknown; note?: string | null; actorId: string }) {
  return inTransaction(pool, async (client) => {
    const template = await scenarioTemplate(client, input.scenarioId);
    const parameters = checkParameters(template, input.parameters);
    const { rows } = await client.query<{ id: string; version: number }>(
      `INSERT INTO monitoring_scenario_versions (scenario_id, version, status, parameters, note, created_by_id)
       SELECT $1, coalesce(max(version), 0) + 1, 'draft', $2::jsonb, $3, $4 FROM monitoring_scenario_versions WHERE scenario_id = $1
       ON CONFLICT (scenario_id) WHERE status = 'draft'
       DO UPDATE SET parameters = EXCLUDED.parameters, note = EXCLUDED.note, created_by_id = EXCLUDED.created_by_id, updated_at = now()
       RETURNING id, version`,
      [input.scenarioId, JSON.stringify(parameters), input.note ?? null, input.actorId],
    );
    await auditIn(client, {
      actorId: input.actorId,
      action: 'scenario_draft_saved',
      entity: 'monitoring_scenario',
      entityId: input.scenarioId,
      data: { version: rows[0].version, parameters, note: input.note ?? null },
    });
    return rows[0];
  });
}

export async function discardDraft(pool: pg.Pool, input: { scenarioId: string; actorId: string }): Promise<boolean> {
  return inTransaction(pool, async (client) => {
    await scenarioTemplate(client, input.scenarioId);
    const { rows } = await client.query<{ version: number }>(
      `DELETE FROM monitoring_scenario_versions WHERE scenario_id = $1 AND status = 'draft' RETURNING version`,
      [input.scenarioId],
    );
    if (rows.length)
      await auditIn(client, {
        actorId: input.actorId,
        action: 'scenario_draft_discarded',
        entity: 'monitoring_scenario',
        entityId: input.scenarioId,
        data: { version: rows[0].version },
      });
    return rows.length > 0;
  });
}

/** Publishes the draft: the version in force retires, the draft is frozen and in force. Audited. */
export async function publishDraft(pool: pg.Pool, input: { scenarioId: string; actorId: string; note?: string | null }) {
  return inTransaction(pool, async (client) => {
    await scenarioTemplate(client, input.scenarioId);
    const draft = await client.query<{ id: string; version: number }>(
      `SELECT id, version FROM monitoring_scenario_versions WHERE scenario_id = $1 AND status = 'draft'`,
      [input.scenarioId],
    );
    if (!draft.rows.length) throw new DomainError('NO_DRAFT', `Scenario ${input.scenarioId} has no draft to publish`);
    const retired = await client.query<{ version: number }>(
      `UPDATE monitoring_scenario_versions SET status = 'retired', retired_at = now(), updated_at = now() WHERE scenario_id = $1 AND status = 'published' RETURNING version`,
      [input.scenarioId],
    );
    await client.query(
      `UPDATE monitoring_scenario_versions SET status = 'published', published_at = now(), published_by_id = $2, updated_at = now(), note = coalesce($3, note) WHERE id = $1`,
      [draft.rows[0].id, input.actorId, input.note ?? null],
    );
    await client.query('UPDATE monitoring_scenarios SET updated_at = now() WHERE id = $1', [input.scenarioId]);
    await auditIn(client, {
      actorId: input.actorId,
      action: 'scenario_published',
      entity: 'monitoring_scenario',
      entityId: input.scenarioId,
      data: { version: draft.rows[0].version, versionId: draft.rows[0].id, retired: retired.rows[0]?.version ?? null },
    });
    return draft.rows[0];
  });
}

export async function setEnabled(
  pool: pg.Pool,
  input: { scenarioId: string; enabled: boolean; actorId: string; reason: string },
): Promise<void> {
  await inTransaction(pool, async (client) => {
    await scenarioTemplate(client, input.scenarioId);
    await client.query('UPDATE monitoring_scenarios SET enabled = $2, updated_at = now() WHERE id = $1', [input.scenarioId, input.enabled]);
    await auditIn(client, {
      actorId: input.actorId,
      action: input.enabled ? 'scenario_enabled' : 'scenario_disabled',
      entity: 'monitoring_scenario',
      entityId: input.scenarioId,
      data: { reason: input.reason },
    });
  });
}
