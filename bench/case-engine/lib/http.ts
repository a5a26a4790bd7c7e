// A minimal API client for benches: log in once, then time requests with the bearer token.
import { DEMO_PASSWORD } from '../../../prisma/seed';

export interface Reply {
  status: number;
  body: any;
  headers: Headers;
}

export class Api {
  private constructor(
    readonly base: string,
    readonly token: string,
  ) {}

  static async login(base: string, email: string, password = DEMO_PASSWORD): Promise<Api> {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const body = await res.json();
    if (res.status !== 200) throw new Error(`login ${email}: HTTP ${res.status} ${JSON.stringify(body)}`);
    return new Api(base, body.token);
  }

  async request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Reply> {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  }

  /** Like request(), and throws unless the status is the expected one. */
  async ok(method: 'GET' | 'POST', path: string, body?: unknown, expected = 200): Promise<Reply> {
    const reply = await this.request(method, path, body);
    if (reply.status !== expected) throw new Error(`${method} ${path}: HTTP ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply;
  }
}

export const taskPath = (id: string, action?: string) => `/api/tasks/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

/** Runs `fn` over `items` with at most `concurrency` in flight. */
export async function pool<T>(items: T[], concurrency: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}
