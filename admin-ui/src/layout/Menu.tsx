import { Menu as RaMenu, usePermissions } from 'react-admin';
import { CASE_TYPES } from '../caseTypes';
import { hasRole } from '../providers/roles';
import tasks from '../tasks';

export const Menu = () => {
  const { permissions } = usePermissions();
  return (
    <RaMenu>
      <RaMenu.DashboardItem data-testid="nav-dashboard" />
      <RaMenu.Item to="/tasks" primaryText="inbox.title" leftIcon={<tasks.icon />} data-testid="nav-tasks" />
      {CASE_TYPES.filter((t) => hasRole(permissions, t.menu.roles)).map(({ resource: { name } }) => (
        <RaMenu.ResourceItem key={name} name={name} data-testid={`nav-${name}`} />
      ))}
      <RaMenu.ResourceItem name="clients" data-testid="nav-clients" />
      <RaMenu.ResourceItem name="notifications" data-testid="nav-notifications" />
    </RaMenu>
  );
};
