import { memo } from 'react';
import { AppBar as RaAppBar, LoadingIndicator } from 'react-admin';
import { LocaleSwitcher } from '../i18n/LocaleSwitcher';
import { NotificationBell } from '../notifications/NotificationBell';
import { useExtrasReady } from './inboxFirst';

// memo: react-admin re-renders the whole layout while it settles (permissions, resource definitions); the app bar
// depends on none of it.
export const AppBar = memo(() => {
  const extras = useExtrasReady();
  return (
    <RaAppBar
      toolbar={
        <>
          {extras && (
            <>
              <LocaleSwitcher />
              <NotificationBell />
            </>
          )}
          <LoadingIndicator />
        </>
      }
    />
  );
});
