// A user's client scope made concrete for one request: which branches, account managers and introducing
// brokers' clients they see. The same predicate serves clients (alias c) and leads (alias l): both carry
// branch_id, account_manager_id and introducing_broker_id. See docs/crm.md, "Scopes".
import type { SessionUser } from '../auth/session';
import type { ApiDeps } from '../deps';
import type { ClientGrant } from '../access';

export interface ClientScopeSet {
  grant: ClientGrant;
  /** company-wide: every client */
  all: boolean;
  branchIds: string[];
  managerIds: string[];
  ibIds: string[];
}

export const hasClientAccess = (s: ClientScopeSet) => s.all || s.branchIds.length + s.managerIds.length + s.ibIds.length > 0;

/** One to three small queries (team members, the entity's branches, the IB subtree); none for own/branch/all. */
export async function resolveClientScope(deps: ApiDeps, user: SessionUser): Promise<ClientScopeSet> {
  const grant = deps.access.clientGrant(user);
  const set: ClientScopeSet = { grant, all: grant.scopes.includes('all'), branchIds: [], managerIds: [], ibIds: [] };
  if (set.all) return set;
  const { pool } = deps.db;
  for (const scope of grant.scopes) {
    switch (scope) {
      case 'own':
        set.managerIds.push(user.id);
        break;
      case 'team':
        if (user.teamId) {
          const { rows } = await pool.query<{ id: string }>('SELECT id FROM users WHERE team_id = $1', [user.teamId]);
          set.managerIds.push(...rows.map((r) => r.id));
        } else set.managerIds.push(user.id);
        break;
      case 'branch':
        set.branchIds.push(user.branchId);
        break;
      case 'entity': {
        const { rows } = await pool.query<{ id: string }>(
          'SELECT b.id FROM branches b JOIN branches mine ON mine.entity_id = b.entity_id WHERE mine.id = $1',
          [user.branchId],
        );
        set.branchIds.push(...rows.map((r) => r.id));
        break;
      }
      case 'ib_tree': {
        const { rows } = await pool.query<{ id: string }>(
          `WITH RECURSIVE tree AS (
             SELECT ib.id FROM introducing_brokers ib JOIN users u ON u.ib_id = ib.id WHERE u.id = $1
             UNION SELECT child.id FROM introducing_brokers child JOIN tree ON child.parent_id = tree.id)
           SELECT id FROM tree`,
          [user.id],
        );
        set.ibIds.push(...rows.map((r) => r.id));
        break;
      }
      case 'all':
        break;
    }
  }
  set.branchIds = [...new Set(set.branchIds)];
  set.managerIds = [...new Set(set.managerIds)];
  return set;
}

/**
 * The scope as SQL over `alias` (clients or leads). Parameters are appended to `params`. FALSE when the
 * user sees no client data.
 */
export function scopeSql(s: ClientScopeSet, alias: string, params: unknown[]): string {
  if (s.all) return 'TRUE';
  const parts: string[] = [];
  const add = (column: string, ids: string[]) => {
    if (!ids.length) return;
    params.push(ids);
    parts.push(`${alias}.${column} = ANY($${params.length}::text[])`);
  };
  add('branch_id', s.branchIds);
  add('account_manager_id', s.managerIds);
  add('introducing_broker_id', s.ibIds);
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}

/** Whether one record (a client or a lead) is in scope, without a query. */
export function inScope(
  s: ClientScopeSet,
  r: { branchId: string | null; accountManagerId: string | null; introducingBrokerId: string | null },
): boolean {
  return (
    s.all ||
    (r.branchId !== null && s.branchIds.includes(r.branchId)) ||
    (r.accountManagerId !== null && s.managerIds.includes(r.accountManagerId)) ||
    (r.introducingBrokerId !== null && s.ibIds.includes(r.introducingBrokerId))
  );
}
