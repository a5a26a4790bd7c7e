// A small HTTP client for API tests: logs in as a demo user and calls endpoints with its token.
import { DEMO_PASSWORD } from '../../prisma/seed';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class ApiClient {
  constructor(
    readonly base: string,
    private token: string | null = null,
  ) {}

  static async login(base: string, email: string, password = DEMO_PASSWORD): Promise<ApiClient> {
    const client = new ApiClient(base);
    const res = await client.post('/api/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    client.token = res.body.token;
    return client;
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    // JSON answers parsed; others (a CSV export) as text
    const json = (res.headers.get('content-type') ?? 'application/json').includes('json');
    return { status: res.status, body: text ? (json ? JSON.parse(text) : text) : undefined, headers: res.headers };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }
  patch<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, body ?? {}, headers);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }
  put<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body ?? {}, headers);
  }
  get bearer(): string | null {
    return this.token;
  }
}

export const taskPath = (id: string, action?: string) => `/api/tasks/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;
