// Snoozes (no alert of a scenario for a client until a date) and whitelisted counterparties (no
// third-party or jurisdiction alert for payments with them), applied to candidates before alerts exist.
import { normalizeName } from '../screening/text/normalize';
import type { Candidate } from './sql';
import type { Queryable } from './versions';

/** The form a counterparty name is whitelisted and looked up in: words folded to Latin, lower case. */
export function counterpartyKey(name: string): string {
  const tokens = normalizeName(name, 'any')
    .tokens.map((t) => t.text)
    .filter(Boolean);
  return tokens.length ? tokens.join(' ') : name.normalize('NFKC').toLowerCase().trim();
}

const COUNTERPARTY_SCENARIOS = new Set(['third_party', 'high_risk_jurisdiction']);

export interface Suppressed {
  scenarioId: string;
  clientId: string;
  anchorId: string;
  by: 'snooze' | 'whitelist';
}

/** Drops candidates that a snooze or a whitelisted counterparty covers at `now`. */
export async function applySuppression(
  db: Queryable,
  scenarioId: string,
  rows: Candidate[],
  now: Date,
): Promise<{ kept: Candidate[]; suppressed: Suppressed[] }> {
  if (!rows.length) return { kept: rows, suppressed: [] };
  const clients = [...new Set(rows.map((r) => r.client_id))];
  const snoozed = new Set(
    (
      await db.query<{ client_id: string }>(
        `SELECT DISTINCT client_id FROM monitoring_snoozes WHERE client_id = ANY($1::text[]) AND lifted_at IS NULL AND until > $2
            AND (scenario_id IS NULL OR scenario_id = $3)`,
        [clients, now, scenarioId],
      )
    ).rows.map((r) => r.client_id),
  );
  let listed = new Set<string>();
  if (COUNTERPARTY_SCENARIOS.has(scenarioId)) {
    const { rows: w } = await db.query<{ client_id: string; counterparty_key: string }>(
      `SELECT client_id, counterparty_key FROM monitoring_whitelist WHERE client_id = ANY($1::text[]) AND removed_at IS NULL AND (expires_at IS NULL OR expires_at > $2)`,
      [clients, now],
    );
    listed = new Set(w.map((r) => `${r.client_id}\u0000${r.counterparty_key}`));
  }
  const kept: Candidate[] = [];
  const suppressed: Suppressed[] = [];
  for (const r of rows) {
    const name = (r.aggregates as { counterpartyName?: string | null }).counterpartyName;
    const by = snoozed.has(r.client_id)
      ? 'snooze'
      : name && listed.has(`${r.client_id}\u0000${counterpartyKey(name)}`)
        ? 'whitelist'
        : null;
    if (by) suppressed.push({ scenarioId, clientId: r.client_id, anchorId: r.anchor_id, by });
    else kept.push(r);
  }
  return { kept, suppressed };
}
