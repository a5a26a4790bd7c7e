import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { SocketProvider } from '../providers/socket';
import { AppBar } from './AppBar';
import { ConnectionBanner } from './ConnectionBanner';
import { useReleaseExtras } from './inboxFirst';
import { Menu } from './Menu';

// The layout only renders for a signed-in user, so the socket lives exactly as long as the session.
export const Layout = ({ children }: { children: ReactNode }) => {
  useReleaseExtras();
  return (
    <SocketProvider>
      <RaLayout appBar={AppBar} menu={Menu}>
        <ConnectionBanner />
        {children}
      </RaLayout>
    </SocketProvider>
  );
};
