import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';

// A Prisma client for the screening store. The API passes its own client; the CLI makes one from the
// DATABASE_URL it resolved (see scripts/cli/database.ts).
export function createPrisma(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}
