import { Menu as RaMenu, usePermissions } from 'react-admin';
import { seesKyc } from '../kyc';
import tasks from '../tasks';

export const Menu = () => {
  const { permissions } = usePermissions();
  return (
    <RaMenu>
      <RaMenu.DashboardItem data-testid="nav-dashboard" />
      <RaMenu.Item to="/tasks" primaryText="inbox.title" leftIcon={<tasks.icon />} data-testid="nav-tasks" />
      <RaMenu.ResourceItem name="complaints" data-testid="nav-complaints" />
      <RaMenu.ResourceItem name="clients" data-testid="nav-clients" />
      {seesKyc(permissions) && <RaMenu.ResourceItem name="kyc-reviews" data-testid="nav-kyc-reviews" />}
      <RaMenu.ResourceItem name="notifications" data-testid="nav-notifications" />
    </RaMenu>
  );
};
