import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { Database, DatabaseSource } from './database';
import { instrument, type QueryMetrics } from './metrics';
import { relations } from './relations';

/** Embedded Postgres (WebAssembly, in this process): the zero-setup default for `npm start` and tests. */
export async function createPgliteSource(options: {
  dataDir?: string;
  migrationsFolder: string;
  timeoutMs?: number;
}): Promise<DatabaseSource & { admin: Database }> {
  const client = new PGlite(options.dataDir);
  await client.waitReady;
  const admin = drizzle({ client, relations }) as unknown as Database;
  await migrate(admin as never, { migrationsFolder: options.migrationsFolder });
  return {
    admin,
    connect: (metrics: QueryMetrics) =>
      drizzle({ client: instrument(client, metrics, options.timeoutMs), relations }) as unknown as Database,
    close: () => client.close(),
  };
}
