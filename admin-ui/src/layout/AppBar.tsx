import { AppBar as RaAppBar, LoadingIndicator } from 'react-admin';
import { LocaleSwitcher } from '../i18n/LocaleSwitcher';
import { NotificationBell } from '../notifications/NotificationBell';

export const AppBar = () => (
  <RaAppBar
    toolbar={
      <>
        <LocaleSwitcher />
        <NotificationBell />
        <LoadingIndicator />
      </>
    }
  />
);
