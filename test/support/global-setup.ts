import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/db/migrations';
import { createNodePostgresSource } from '../../src/db/node-postgres';
import { createPgliteSource } from '../../src/db/pglite';
import { relations } from '../../src/modules';
import { seed } from '../../src/seed/run';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A gzipped PGlite data directory, migrated and seeded once, that every test file starts from. */
    pgliteSnapshot: string | null;
  }
}

/**
 * Prepares the database once, before any test file runs: TEST_DATABASE_URL's Postgres is migrated
 * and seeded; without it, one embedded PGlite is migrated, seeded and dumped, and each file opens
 * its own copy of that dump instead of building one.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const source = createNodePostgresSource({ connectionString: url, relations });
    try {
      await migrate(source);
      await seed(source.admin);
    } finally {
      await source.close();
    }
    project.provide('pgliteSnapshot', null);
    return;
  }
  const source = await createPgliteSource({ relations });
  await migrate(source);
  await seed(source.admin);
  const dump = await source.pglite.dumpDataDir('gzip');
  await source.close();
  const dir = mkdtempSync(join(tmpdir(), 'gateway-tests-'));
  const file = join(dir, 'seeded.tar.gz');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteSnapshot', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
