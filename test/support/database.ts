import type { Database, DatabaseSource } from '../../src/db/database';
import { createNodePostgresSource } from '../../src/db/node-postgres';
import { migrationsFolder } from '../../src/db/node-source';
import { createPgliteSource } from '../../src/db/pglite';
import { seed } from '../../src/seed/run';

export interface TestDatabase extends DatabaseSource {
  admin: Database;
  kind: 'postgres' | 'pglite';
}

/**
 * The database a test file runs against: the real Postgres of `TEST_DATABASE_URL` (migrated and
 * seeded once by the global setup), or else a fresh embedded PGlite of its own, migrated and seeded.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return { ...(await createNodePostgresSource({ connectionString: url, max: 4 })), kind: 'postgres' };
  const source = await createPgliteSource({ migrationsFolder });
  await seed(source.admin);
  return { ...source, kind: 'pglite' };
}
