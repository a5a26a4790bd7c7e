import { Suspense, lazy } from 'react';
import { useCaseTypes } from '../caseTypeRegistry';
import { isAdmin, supervises, takesPart, usePerms } from '../providers/permissions';
import { AgentSummary } from './AgentSummary';
import { Workload } from './Workload';

const AdminSummary = lazy(() => import('../admin/AdminSummary').then((m) => ({ default: m.AdminSummary })));

/** The case types' cards the user may see (complaint supervisors: the complaints charts; KYC staff: compliance),
 * for everyone who works cases and supervises nothing, their own workload; for administrators, stuck cases. */
export const Dashboard = () => {
  const { permissions, isPending } = usePerms();
  const caseTypes = useCaseTypes();
  if (isPending || !permissions) return null;
  return (
    <Suspense fallback={null}>
      {caseTypes.flatMap(({ key, dashboard }) =>
        dashboard && (dashboard.visible ? dashboard.visible(permissions) : takesPart(permissions, key))
          ? [<dashboard.component key={key} />]
          : [],
      )}
      {supervises(permissions) && <Workload />}
      {isAdmin(permissions) && <AdminSummary />}
      {permissions.caseTypes.length > 0 && !supervises(permissions) && <AgentSummary />}
    </Suspense>
  );
};
