import { createContext, useContext, useEffect, useEffectEvent, useState, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';
import { useExtrasReady } from '../layout/inboxFirst';
import { useRefreshTaskViews } from '../tasks/enums';

const SocketContext = createContext<Socket | null>(null);

/** One socket per signed-in session: mounted by the layout, so it connects after login and closes on logout
 * (on a page opened on the inbox, once its rows are on screen: inboxFirst.ts). The session cookie authenticates
 * it. */
export const SocketProvider = ({ children }: { children: ReactNode }) => {
  const [socket, setSocket] = useState<Socket | null>(null);
  const refreshTaskViews = useRefreshTaskViews();
  const onTask = useEffectEvent(() => void refreshTaskViews());
  const ready = useExtrasReady();

  useEffect(() => {
    if (!ready) return;
    const s = io({ path: '/socket.io', withCredentials: true });
    // A task changed somewhere in the team: refetch whatever inbox or case page is on screen.
    s.on('task', () => onTask());
    // What changed while it was not connected (before it first connected: the inbox may have been asked for at
    // start, providers/prefetch.ts; while the connection was lost) was not pushed: refetch it.
    s.on('connect', () => onTask());
    setSocket(s);
    return () => {
      s.disconnect();
    };
  }, [ready]);

  return <SocketContext.Provider value={socket}>{children}</SocketContext.Provider>;
};

export const useSocketEvent = <T,>(event: string, handler: (payload: T) => void) => {
  const socket = useContext(SocketContext);
  const listener = useEffectEvent(handler);
  useEffect(() => {
    if (!socket) return;
    socket.on(event, listener);
    return () => {
      socket.off(event, listener);
    };
  }, [socket, event]);
};
