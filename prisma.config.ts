// Prisma CLI configuration. The schema engine runs as WebAssembly through a driver adapter, so the CLI
// downloads nothing (see docs/operations.md, "Prisma offline").
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';
import { CatalogSafePool } from './platform/catalog-safe-pool';

export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  engine: 'js',
  experimental: { adapter: true },
  adapter: async () => new PrismaPg(new CatalogSafePool({ connectionString: process.env.DATABASE_URL, allowExitOnIdle: true })),
});
