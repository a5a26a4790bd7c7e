import { Suspense } from 'react';
import { usePermissions } from 'react-admin';
import { CASE_TYPES } from '../caseTypes';
import { canSupervise, hasRole } from '../providers/roles';
import { AgentSummary } from './AgentSummary';

/** The case types' cards the user may see (supervisors: the complaints charts; KYC roles: compliance), and
 * for everyone who does not supervise, their own workload. */
export const Dashboard = () => {
  const { permissions, isPending } = usePermissions();
  if (isPending) return null;
  return (
    <Suspense fallback={null}>
      {CASE_TYPES.flatMap(({ key, dashboard }) =>
        dashboard && hasRole(permissions, dashboard.roles) ? [<dashboard.component key={key} />] : [],
      )}
      {!canSupervise(permissions) && <AgentSummary />}
    </Suspense>
  );
};
