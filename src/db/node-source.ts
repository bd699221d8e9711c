import type { Relations } from '../modules';
import type { DatabaseSource } from './database';
import { migrate } from './migrations';
import { createNodePostgresSource } from './node-postgres';
import { createPgliteSource } from './pglite';

/** `DATABASE_URL` when set, else an embedded PGlite (in memory, or in `PGLITE_DIR`); migrated either way. */
export async function openNodeSource(
  relations: Relations,
  env: NodeJS.ProcessEnv = process.env,
): Promise<DatabaseSource> {
  const timeoutMs = env.DB_TIMEOUT_MS ? Number(env.DB_TIMEOUT_MS) : undefined;
  const source = env.DATABASE_URL
    ? createNodePostgresSource({ connectionString: env.DATABASE_URL, relations, timeoutMs })
    : await createPgliteSource({ relations, dataDir: env.PGLITE_DIR, timeoutMs });
  await migrate(source);
  return source;
}
