import { fileURLToPath } from 'node:url';
import type { Database, DatabaseSource } from './database';
import { createNodePostgresSource } from './node-postgres';
import { createPgliteSource } from './pglite';

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

export interface NodeSource extends DatabaseSource {
  admin: Database;
  kind: 'postgres' | 'pglite';
}

/** `DATABASE_URL` when set, else an embedded PGlite (in memory, or in `PGLITE_DIR`); migrated either way. */
export async function openNodeSource(env: NodeJS.ProcessEnv = process.env): Promise<NodeSource> {
  const timeoutMs = env.DB_TIMEOUT_MS ? Number(env.DB_TIMEOUT_MS) : undefined;
  if (env.DATABASE_URL) {
    const source = await createNodePostgresSource({ connectionString: env.DATABASE_URL, migrationsFolder, timeoutMs });
    return { ...source, kind: 'postgres' };
  }
  const source = await createPgliteSource({ dataDir: env.PGLITE_DIR, migrationsFolder, timeoutMs });
  return { ...source, kind: 'pglite' };
}
