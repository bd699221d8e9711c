import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Database, DatabaseSource } from './database';
import { instrument, type QueryMetrics } from './metrics';
import { relations } from './relations';

/** A real Postgres over TCP (`DATABASE_URL`), for the Node entry, tests, migrations and benchmarks. */
export async function createNodePostgresSource(options: {
  connectionString: string;
  migrationsFolder?: string;
  max?: number;
}): Promise<DatabaseSource & { admin: Database }> {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10 });
  const admin = drizzle({ client: pool, relations }) as unknown as Database;
  if (options.migrationsFolder) await migrate(admin as never, { migrationsFolder: options.migrationsFolder });
  return {
    admin,
    connect: (metrics: QueryMetrics) =>
      drizzle({ client: instrument(pool, metrics), relations }) as unknown as Database,
    close: () => pool.end(),
  };
}
