import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Database, DatabaseSource } from './database';
import { DEFAULT_DB_TIMEOUT_MS, instrument, type QueryMetrics } from './metrics';
import { relations } from './relations';

/** A real Postgres over TCP (`DATABASE_URL`), for the Node entry, tests, migrations and benchmarks. */
export async function createNodePostgresSource(options: {
  connectionString: string;
  migrationsFolder?: string;
  max?: number;
  timeoutMs?: number;
}): Promise<DatabaseSource & { admin: Database }> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_DB_TIMEOUT_MS;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: timeoutMs,
    // The server gives up too, so a timed-out statement does not keep a connection busy.
    statement_timeout: timeoutMs,
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const admin = drizzle({ client: pool, relations }) as unknown as Database;
  if (options.migrationsFolder) await migrate(admin as never, { migrationsFolder: options.migrationsFolder });
  return {
    admin,
    connect: (metrics: QueryMetrics) =>
      drizzle({ client: instrument(pool, metrics, timeoutMs), relations }) as unknown as Database,
    close: () => pool.end(),
  };
}
