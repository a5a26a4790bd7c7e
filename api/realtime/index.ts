import type http from 'node:http';
import pg from 'pg';
import { Server } from 'socket.io';
import type { Deps } from '../deps';
import { findSessionUser, tokenFrom } from '../auth/session';
import { LIVE_CHANNEL } from '../../platform/live';
import { toNotificationView } from '../notifications/router';

type Live = { kind: 'notification'; id: string; userId: string } | { kind: 'task'; id: string; status: string; assigneeId: string | null; teamId: string };

/**
 * socket.io on the API's HTTP server. Activities announce changes with NOTIFY at commit; this LISTENs
 * and forwards them to the rooms `user:<id>` and `team:<id>`. Several API replicas each LISTEN, and each
 * delivers to the sockets connected to it, so no adapter is needed for these events.
 */
export async function attachRealtime(server: http.Server, deps: Deps): Promise<{ close(): Promise<void> }> {
  const io = new Server(server, { path: '/socket.io', serveClient: false });
  io.use(async (socket, next) => {
    const token = (socket.handshake.auth as { token?: string })?.token ?? tokenFrom(socket.handshake.headers);
    const user = token ? await findSessionUser(deps.db.prisma, token).catch(() => null) : null;
    if (!user) return next(new Error('UNAUTHENTICATED'));
    socket.data.user = user;
    socket.join(`user:${user.id}`);
    if (user.teamId) socket.join(`team:${user.teamId}`);
    next();
  });

  let listener: pg.Client | null = null;
  let closing = false;
  const listen = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: deps.env.DATABASE_URL });
    client.on('notification', (msg) => void forward(msg.payload));
    client.on('error', (err) => {
      deps.log('realtime: LISTEN connection lost; reconnecting', err);
      listener = null;
      if (!closing) setTimeout(() => void listen().catch((e) => deps.log('realtime: reconnect failed', e)), 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
    listener = client;
  };

  async function forward(payload: string | undefined): Promise<void> {
    if (!payload) return;
    const msg = JSON.parse(payload) as Live;
    if (msg.kind === 'notification') {
      const n = await deps.db.prisma.notification.findUnique({ where: { id: msg.id } });
      if (n) io.to(`user:${msg.userId}`).emit('notification', toNotificationView(n));
    } else {
      const rooms = [`team:${msg.teamId}`, ...(msg.assigneeId ? [`user:${msg.assigneeId}`] : [])];
      io.to(rooms).emit('task', { id: msg.id, status: msg.status, assigneeId: msg.assigneeId, teamId: msg.teamId });
    }
  }

  await listen();
  return {
    async close() {
      closing = true;
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await listener?.end().catch(() => undefined);
    },
  };
}
