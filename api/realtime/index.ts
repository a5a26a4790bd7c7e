import type http from 'node:http';
import pg from 'pg';
import { Server, type Socket } from 'socket.io';
import type { Deps } from '../deps';
import { findSession, tokenFrom, type SessionUser } from '../auth/session';
import { originAllowed } from '../auth/origin';
import type { SessionsEnded } from '../auth/live';
import { apiDeps } from '../case-types';
import { LIVE_CHANNEL } from '../../platform/live';
import { toNotificationView } from '../notifications/router';
import { progressOf, readJob } from '../../platform/imports/jobs';

type Live =
  | { kind: 'notification'; id: string; userId: string }
  | { kind: 'task'; id: string; status: string; assigneeId: string | null; teamId: string; caseType?: string; branchId?: string }
  | { kind: 'import'; id: string; userId: string }
  | SessionsEnded;

interface SocketData {
  user: SessionUser;
  tokenHash: string;
  expiresAt: Date;
}

export interface RealtimeOptions {
  /** how often sockets are checked against their sessions (expired, ended, user deactivated); default 30 s */
  sweepMs?: number;
}

/** The rooms a socket joins: its user, and per case type the task scope its roles give it (the same as access.taskWhere). */
export function taskRoom(caseType: string, scope: { all: true } | { branchId: string } | { teamId: string }): string {
  if ('all' in scope) return `tasks:${caseType}`;
  return 'branchId' in scope ? `tasks:${caseType}:branch:${scope.branchId}` : `tasks:${caseType}:team:${scope.teamId}`;
}

/**
 * socket.io on the API's HTTP server. Activities announce changes with NOTIFY at commit; this LISTENs
 * and forwards them: notifications to `user:<id>`, task changes to the task rooms of their case type
 * (so a socket receives only the task events of case types it has a role in, within that role's
 * scope). Several API replicas each LISTEN, and each delivers to the sockets connected to it, so no
 * adapter is needed. A session that ends (logout, logout everywhere, reset, expiry, deactivation) loses
 * its sockets on every replica. Browser connections must come from the console's origin.
 *
 * No event or handshake may end the process: every async handler here catches, logs and answers.
 */
export async function attachRealtime(server: http.Server, deps: Deps, opts: RealtimeOptions = {}): Promise<{ close(): Promise<void> }> {
  const { access } = apiDeps(deps);
  const io = new Server(server, {
    path: '/socket.io',
    serveClient: false,
    // A cross-site page must not open a socket with the user's cookie. Clients that are not browsers send no Origin.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      if (origin === undefined || originAllowed(origin, req.headers, deps.env.PUBLIC_ORIGIN)) callback(null, true);
      else callback('ORIGIN_NOT_ALLOWED', false);
    },
  });
  const nosniff = (headers: Record<string, string>) => {
    headers['X-Content-Type-Options'] = 'nosniff';
  };
  io.engine.on('initial_headers', nosniff);
  io.engine.on('headers', nosniff);

  const roomsOf = (user: SessionUser): string[] => {
    const rooms = [`user:${user.id}`];
    for (const d of access.definitions) {
      const scope = access.scopeFor(user, d.type);
      if (scope === 'all') rooms.push(taskRoom(d.type, { all: true }));
      else if (scope === 'branch' || (scope === 'team' && !user.teamId)) rooms.push(taskRoom(d.type, { branchId: user.branchId }));
      else if (scope === 'team') rooms.push(taskRoom(d.type, { teamId: user.teamId! }));
    }
    return rooms;
  };

  io.use(async (socket, next) => {
    try {
      const auth = socket.handshake.auth as { token?: unknown } | undefined;
      const token = typeof auth?.token === 'string' && auth.token ? auth.token : tokenFrom(socket.handshake.headers);
      const session = token ? await findSession(deps.db.prisma, token) : null;
      // a session that must still enrol in two-factor authentication gets no live data either
      if (!session || session.enrolmentOnly) return next(new Error('UNAUTHENTICATED'));
      socket.data = { user: session.user, tokenHash: session.tokenHash, expiresAt: session.expiresAt } satisfies SocketData;
      await socket.join(roomsOf(session.user));
      next();
    } catch (err) {
      deps.log('realtime: handshake failed', err);
      next(new Error('UNAVAILABLE'));
    }
  });

  const dataOf = (socket: Socket) => socket.data as Partial<SocketData>;
  const end = (socket: Socket, reason: string) => {
    socket.emit('session_ended', { reason });
    socket.disconnect(true);
  };
  /** Sockets of this replica whose session has expired go before anything is sent to their rooms. */
  const dropExpired = (rooms: string[]) => {
    const now = new Date();
    for (const room of rooms) {
      for (const id of io.sockets.adapter.rooms.get(room) ?? []) {
        const socket = io.sockets.sockets.get(id);
        const expiresAt = socket && dataOf(socket).expiresAt;
        if (socket && (!expiresAt || expiresAt <= now)) end(socket, 'expired');
      }
    }
  };

  async function forward(payload: string | undefined): Promise<void> {
    if (!payload) return;
    const msg = JSON.parse(payload) as Live;
    if (msg.kind === 'notification') {
      const n = await deps.db.prisma.notification.findUnique({ where: { id: msg.id } });
      if (!n) return;
      const rooms = [`user:${n.userId}`];
      dropExpired(rooms);
      io.to(rooms).emit('notification', toNotificationView(n));
    } else if (msg.kind === 'task') {
      let { caseType, branchId } = msg;
      if (!caseType || !branchId) {
        const task = await deps.db.prisma.task.findUnique({ where: { id: msg.id }, select: { caseType: true, branchId: true } });
        if (!task) return;
        ({ caseType, branchId } = task);
      }
      const rooms = [taskRoom(caseType, { all: true }), taskRoom(caseType, { branchId }), taskRoom(caseType, { teamId: msg.teamId })];
      dropExpired(rooms);
      io.to(rooms).emit('task', { id: msg.id, status: msg.status, assigneeId: msg.assigneeId, teamId: msg.teamId });
    } else if (msg.kind === 'import') {
      // an import's progress goes to its uploader only (others who may see the job poll GET /api/imports/{id})
      const job = await readJob(deps.db.pool, msg.id);
      if (!job) return;
      const rooms = [`user:${job.created_by_id}`];
      dropExpired(rooms);
      io.to(rooms).emit('import.progress', progressOf(job));
    } else if (msg.kind === 'session_ended') {
      const hashes = 'tokenHashes' in msg ? new Set(msg.tokenHashes) : null;
      const userId = 'userId' in msg ? msg.userId : null;
      for (const socket of io.sockets.sockets.values()) {
        const data = dataOf(socket);
        if ((hashes && data.tokenHash && hashes.has(data.tokenHash)) || (userId && data.user?.id === userId)) end(socket, 'logged_out');
      }
    }
  }

  /** Every socket of this replica against its session: gone, expired or deactivated → disconnected. */
  async function sweep(): Promise<void> {
    const sockets = [...io.sockets.sockets.values()];
    if (!sockets.length) return;
    const now = new Date();
    const hashes = [...new Set(sockets.map((s) => dataOf(s).tokenHash).filter((h): h is string => !!h))];
    const { rows } = await deps.db.pool.query<{ token_hash: string }>(
      `SELECT s.token_hash FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = ANY($1::text[]) AND s.expires_at > $2 AND u.active AND NOT s.enrolment_only`,
      [hashes, now],
    );
    const live = new Set(rows.map((r) => r.token_hash));
    for (const socket of sockets) {
      const { tokenHash, expiresAt } = dataOf(socket);
      if (!tokenHash || !live.has(tokenHash) || !expiresAt || expiresAt <= now) end(socket, 'expired');
    }
  }
  const sweeper = setInterval(() => void sweep().catch((err) => deps.log('realtime: session sweep failed', err)), opts.sweepMs ?? 30_000);
  sweeper.unref();

  let listener: pg.Client | null = null;
  let closing = false;
  let retry: NodeJS.Timeout | null = null;
  const reconnect = () => {
    if (closing || retry) return;
    retry = setTimeout(() => {
      retry = null;
      listen().catch((err) => {
        deps.log('realtime: reconnect failed; trying again', err);
        reconnect();
      });
    }, 1000);
  };
  const listen = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: deps.env.DATABASE_URL });
    // A bad payload or a failed lookup is logged and dropped: it must not become an unhandled rejection.
    client.on('notification', (msg) => void forward(msg.payload).catch((err) => deps.log('realtime: could not forward an event', err)));
    client.on('error', (err) => {
      deps.log('realtime: LISTEN connection lost; reconnecting', err);
      if (listener === client) listener = null;
      void client.end().catch(() => undefined);
      reconnect();
    });
    await client.connect();
    await client.query(`LISTEN ${LIVE_CHANNEL}`);
    listener = client;
  };

  await listen();
  return {
    async close() {
      closing = true;
      clearInterval(sweeper);
      if (retry) clearTimeout(retry);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await listener?.end().catch(() => undefined);
    },
  };
}
