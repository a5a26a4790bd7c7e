import { Menu as RaMenu } from 'react-admin';
import tasks from '../tasks';

export const Menu = () => (
  <RaMenu>
    <RaMenu.DashboardItem data-testid="nav-dashboard" />
    <RaMenu.Item to="/tasks" primaryText="inbox.title" leftIcon={<tasks.icon />} data-testid="nav-tasks" />
    <RaMenu.ResourceItem name="complaints" data-testid="nav-complaints" />
    <RaMenu.ResourceItem name="clients" data-testid="nav-clients" />
    <RaMenu.ResourceItem name="notifications" data-testid="nav-notifications" />
  </RaMenu>
);
