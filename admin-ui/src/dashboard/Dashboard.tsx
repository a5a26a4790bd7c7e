import { lazy, Suspense } from 'react';
import { usePermissions } from 'react-admin';
import { canSupervise } from '../providers/roles';
import { AgentSummary } from './AgentSummary';
import { ComplianceCard } from '../kyc/ComplianceCard';
import { seesKyc } from '../kyc';

// Charts are the heaviest code in the console and only some roles see them.
const ComplaintsDashboard = lazy(() =>
  import('./ComplaintsDashboard').then((m) => ({ default: m.ComplaintsDashboard })),
);

/** Supervisors and managers get the complaints charts; everyone else their own workload. */
export const Dashboard = () => {
  const { permissions, isPending } = usePermissions();
  if (isPending) return null;
  const compliance = seesKyc(permissions) ? <ComplianceCard /> : null;
  if (!canSupervise(permissions)) {
    return (
      <>
        {compliance}
        <AgentSummary />
      </>
    );
  }
  return (
    <Suspense fallback={null}>
      {compliance}
      <ComplaintsDashboard />
    </Suspense>
  );
};
