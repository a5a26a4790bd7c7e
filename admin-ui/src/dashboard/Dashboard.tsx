import { Suspense } from 'react';
import { useCaseTypes } from '../caseTypeRegistry';
import { supervises, takesPart, usePerms } from '../providers/permissions';
import { AgentSummary } from './AgentSummary';

/** The case types' cards the user may see (complaint supervisors: the complaints charts; KYC staff: compliance),
 * and for everyone who supervises nothing, their own workload. */
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
      {!supervises(permissions) && <AgentSummary />}
    </Suspense>
  );
};
