import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { DatabaseSource } from './database';

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Applies `drizzle/` to a Node-side source (the Worker never migrates: `npm run db:migrate` does). */
export async function migrate(source: DatabaseSource): Promise<void> {
  const config = { migrationsFolder };
  if (source.kind === 'pglite') await migratePglite(source.admin as never, config);
  else await migratePg(source.admin as never, config);
}
