import { createContext, useContext, useEffect, useEffectEvent, useState, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';
import { useRefreshTaskViews } from '../tasks/enums';

const SocketContext = createContext<Socket | null>(null);

/** One socket per signed-in session: mounted by the layout, so it connects after login and closes on logout.
 * The session cookie authenticates it. */
export const SocketProvider = ({ children }: { children: ReactNode }) => {
  const [socket, setSocket] = useState<Socket | null>(null);
  const refreshTaskViews = useRefreshTaskViews();
  const onTask = useEffectEvent(() => void refreshTaskViews());

  useEffect(() => {
    const s = io({ path: '/socket.io', withCredentials: true });
    // A task changed somewhere in the team: refetch whatever inbox or case page is on screen.
    s.on('task', () => onTask());
    setSocket(s);
    return () => {
      s.disconnect();
    };
  }, []);

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
