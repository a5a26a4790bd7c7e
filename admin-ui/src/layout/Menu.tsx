import ListsIcon from '@mui/icons-material/GppMaybe';
import DuplicatesIcon from '@mui/icons-material/JoinInner';
import IbIcon from '@mui/icons-material/AccountTree';
import { memo } from 'react';
import { Menu as RaMenu } from 'react-admin';
import { useCaseTypes } from '../caseTypeRegistry';
import { readsClientData } from '../clients/access';
import { imports } from '../imports/access';
import { maintainsIbs } from '../introducing-brokers/access';
import { readsLeads } from '../leads/access';
import { OverdueIcon, RunsIcon, ScenarioIcon, SuppressionIcon } from '../monitoring';
import { readsMonitoring, readsOverdue } from '../monitoring/access';
import { isAdmin, takesPart, usePerms } from '../providers/permissions';
import tasks from '../tasks';
import { useExtrasReady } from './inboxFirst';

// Rendered once the inbox's rows are on screen when the page opens on it (inboxFirst.ts); memo: react-admin
// re-renders the whole layout while it settles, the menu depends only on the permissions.
export const Menu = memo(() => (useExtrasReady() ? <MenuItems /> : null));

const MenuItems = () => {
  const { permissions } = usePerms();
  const caseTypes = useCaseTypes();
  return (
    <RaMenu>
      <RaMenu.DashboardItem data-testid="nav-dashboard" />
      <RaMenu.Item to="/tasks" primaryText="inbox.title" leftIcon={<tasks.icon />} data-testid="nav-tasks" />
      {/* the case types the user takes part in (GET /api/case-types) */}
      {caseTypes
        .filter((t) => takesPart(permissions, t.key))
        .map(({ resource: { name } }) => (
          <RaMenu.ResourceItem key={name} name={name} data-testid={`nav-${name}`} />
        ))}
      {readsMonitoring(permissions) && (
        <>
          <RaMenu.ResourceItem name="alerts" data-testid="nav-alerts" />
          <RaMenu.Item
            to="/monitoring/scenarios"
            primaryText="monitoring.scenarios.title"
            leftIcon={<ScenarioIcon />}
            data-testid="nav-scenarios"
          />
          <RaMenu.Item
            to="/monitoring/suppression"
            primaryText="monitoring.suppression.title"
            leftIcon={<SuppressionIcon />}
            data-testid="nav-suppression"
          />
          <RaMenu.Item
            to="/monitoring/runs"
            primaryText="monitoring.runs.title"
            leftIcon={<RunsIcon />}
            data-testid="nav-monitoring-runs"
          />
        </>
      )}
      {readsOverdue(permissions) && (
        <RaMenu.Item
          to="/monitoring/kyc-overdue"
          primaryText="monitoring.overdue.title"
          leftIcon={<OverdueIcon />}
          data-testid="nav-kyc-overdue"
        />
      )}
      <RaMenu.ResourceItem name="clients" data-testid="nav-clients" />
      {readsLeads(permissions) && (
        <>
          <RaMenu.ResourceItem name="leads" data-testid="nav-leads" />
          {/* the duplicate review queue: the leads list filtered to leads with open findings */}
          <RaMenu.Item
            to={{ pathname: '/leads', search: `filter=${encodeURIComponent(JSON.stringify({ duplicate: true }))}` }}
            primaryText="lead.queue.title"
            leftIcon={<DuplicatesIcon />}
            data-testid="nav-lead-duplicates"
          />
        </>
      )}
      {/* the cross-client lists: every interaction, trading account and transaction of the clients in scope */}
      {readsClientData(permissions) &&
        ['interactions', 'accounts', 'transactions'].map((name) => (
          <RaMenu.ResourceItem key={name} name={name} data-testid={`nav-${name}`} />
        ))}
      {imports(permissions) && <RaMenu.ResourceItem name="imports" data-testid="nav-imports" />}
      {maintainsIbs(permissions) && (
        <RaMenu.Item to="/introducing-brokers" primaryText="ib.title" leftIcon={<IbIcon />} data-testid="nav-introducing-brokers" />
      )}
      <RaMenu.ResourceItem name="notifications" data-testid="nav-notifications" />
      {isAdmin(permissions) &&
        ['incidents', 'sla-policies', 'settings'].map((name) => <RaMenu.ResourceItem key={name} name={name} data-testid={`nav-${name}`} />)}
      {(takesPart(permissions, 'kyc_review') || isAdmin(permissions)) && (
        <RaMenu.Item to="/screening-lists" primaryText="screening.title" leftIcon={<ListsIcon />} data-testid="nav-screening-lists" />
      )}
    </RaMenu>
  );
};
