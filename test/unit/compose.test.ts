// docker-compose.yml cannot be run here (no Docker engine), so its wiring is checked statically:
// the services exist, talk to each other by the right names, and give the app an environment that
// api/config/env.ts accepts.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../platform/env';
import { repoRoot } from '../../scripts/lib/paths';

interface Service {
  image?: string;
  build?: string | { context: string };
  command?: string[] | string;
  environment?: Record<string, string | number | boolean>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] | string };
  ports?: string[];
}

const compose = parse(fs.readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const { services } = compose;
const dockerfile = fs.readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');

/** Compose's ${VAR}, ${VAR:-default} and ${VAR:?error} substitution, with `vars` as the .env file. */
function interpolate(value: string | number | boolean, vars: Record<string, string>): string {
  return String(value).replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, op?: string, arg?: string) => {
    if (vars[name] !== undefined) return vars[name];
    if (op === '-') return arg ?? '';
    throw new Error(`${name} is required: ${arg}`);
  });
}

function envOf(name: string, vars: Record<string, string> = { POSTGRES_PASSWORD: 's3cret' }): Record<string, string> {
  const raw = services[name]?.environment ?? {};
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, interpolate(v, vars)]));
}

const commandOf = (name: string) => [services[name]?.command ?? []].flat().join(' ');

describe('docker-compose.yml', () => {
  it('defines the five services', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'postgres', 'temporal', 'temporal-ui', 'worker']);
  });

  it('runs PostgreSQL 16 with a persistent volume and a readiness check', () => {
    expect(services.postgres.image).toMatch(/^postgres:16(\.|$)/);
    expect(services.postgres.healthcheck?.test).toContain('pg_isready');
  });

  it('persists Temporal in that PostgreSQL with the same credentials', () => {
    const pg = envOf('postgres');
    const temporal = envOf('temporal');
    expect(services.temporal.image).toMatch(/^temporalio\/auto-setup:\d/);
    expect(temporal).toMatchObject({ DB: 'postgres12', DB_PORT: '5432', POSTGRES_SEEDS: 'postgres' });
    expect(temporal.POSTGRES_USER).toBe(pg.POSTGRES_USER);
    expect(temporal.POSTGRES_PWD).toBe(pg.POSTGRES_PASSWORD);
    expect(services.temporal.depends_on?.postgres?.condition).toBe('service_healthy');
  });

  it('points the Temporal UI at the Temporal frontend, published on loopback only', () => {
    expect(services['temporal-ui'].image).toMatch(/^temporalio\/ui:\d/);
    expect(envOf('temporal-ui').TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(services['temporal-ui'].ports?.every((p) => p.startsWith('127.0.0.1:'))).toBe(true);
  });

  it.each(['api', 'worker'])('builds %s from the Dockerfile and connects it to postgres and temporal', (name) => {
    const service = services[name];
    const build = typeof service.build === 'string' ? service.build : service.build?.context;
    expect(build).toBe('.');
    const env = envOf(name);
    const db = new URL(env.DATABASE_URL);
    const pg = envOf('postgres');
    expect(db.hostname).toBe('postgres');
    expect(db.username).toBe(pg.POSTGRES_USER);
    expect(decodeURIComponent(db.password)).toBe(pg.POSTGRES_PASSWORD);
    expect(db.pathname).toBe(`/${pg.POSTGRES_DB}`);
    expect(env.TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(service.depends_on?.temporal?.condition).toBe('service_healthy');
    // The environment must be one the app accepts.
    expect(parseEnv(env).NODE_ENV).toBe('production');
  });

  it('migrates before the API starts, serves on 3000, and marks cookies Secure by default', () => {
    expect(commandOf('api')).toMatch(/prisma migrate deploy && .*api\/main\.ts/);
    const env = parseEnv(envOf('api'));
    expect(env.PORT).toBe(3000);
    expect(env.COOKIE_SECURE).toBe(true);
    expect(services.api.ports?.some((p) => p.endsWith(':3000'))).toBe(true);
    expect(JSON.stringify(services.api.healthcheck?.test)).toContain('/api/health');
    expect(parseEnv(envOf('api', { POSTGRES_PASSWORD: 'x', COOKIE_SECURE: 'false' })).COOKIE_SECURE).toBe(false);
  });

  it('starts the worker only after the API (and so the migrations) is healthy', () => {
    expect(commandOf('worker')).toContain('worker/main.ts');
    expect(services.worker.depends_on?.api?.condition).toBe('service_healthy');
  });

  it('refuses to start without a database password', () => {
    expect(() => envOf('api', {})).toThrow(/POSTGRES_PASSWORD is required/);
  });

  it('only waits on services that have a health check', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [dep, { condition }] of Object.entries(service.depends_on ?? {})) {
        if (condition === 'service_healthy') expect(services[dep]?.healthcheck, `${name} → ${dep}`).toBeDefined();
      }
    }
  });
});

describe('Dockerfile', () => {
  it('builds on Node 24 with the locked dependencies, the Prisma client and the console', () => {
    expect(dockerfile).toMatch(/^FROM node:24\b/m);
    expect(dockerfile).toContain('npm ci');
    expect(dockerfile).toContain('prisma generate');
    expect(dockerfile).toContain('npm run build:ui');
  });
});
