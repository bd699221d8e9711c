import { createNodePostgresSource } from '../../src/db/node-postgres';
import { migrationsFolder } from '../../src/db/node-source';
import { seed } from '../../src/seed/run';

/** With TEST_DATABASE_URL, migrate and seed the real Postgres once, before any test file runs. */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const source = await createNodePostgresSource({ connectionString: url, migrationsFolder });
  try {
    await seed(source.admin);
  } finally {
    await source.close();
  }
}
