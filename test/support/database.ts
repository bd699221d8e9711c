import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, inject } from 'vitest';
import type { DatabaseSource } from '../../src/db/database';
import { migrate } from '../../src/db/migrations';
import { createNodePostgresSource } from '../../src/db/node-postgres';
import { createPgliteSource } from '../../src/db/pglite';
import { relations } from '../../src/modules';
import { seed } from '../../src/seed/run';

export type TestDatabase = DatabaseSource;

/**
 * The database a test file runs against: the real Postgres of `TEST_DATABASE_URL` (migrated and
 * seeded once by the global setup), or else an embedded PGlite of its own, copied from the
 * migrated, seeded snapshot the global setup made.
 */
export async function openTestDatabase(options: { timeoutMs?: number } = {}): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return createNodePostgresSource({ connectionString: url, relations, max: 4, ...options });
  if (options.timeoutMs !== undefined) return openPglite(options);
  // The files of one vitest worker run one after another and share its modules (isolate is off):
  // they share one PGlite too, as CI's files share one Postgres. Opening a copy of the snapshot
  // costs ~1.5 s of CPU a file; `close` is the worker's, at its exit.
  sharedPglite ??= openPglite().then((source) => ({ ...source, close: async () => {} }));
  return sharedPglite;
}

let sharedPglite: Promise<TestDatabase> | undefined;

/** An embedded PGlite of the file's own, migrated and seeded (from the shared snapshot when there is one). */
export async function openPglite(options: { timeoutMs?: number } = {}) {
  const snapshot = inject('pgliteSnapshot');
  if (snapshot) {
    return createPgliteSource({ relations, loadDataDir: new Blob([readFileSync(snapshot)]), ...options });
  }
  const source = await createPgliteSource({ relations, ...options });
  await migrate(source);
  await seed(source.admin);
  return source;
}

/**
 * A migrated, seeded PGlite of the calling file's own, also when the other files share a Postgres:
 * for tests that rewrite what every file reads (the whole search index, every 相关推荐 list).
 */
export function useOwnPglite(): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await openPglite();
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });
  return () => {
    if (!database) throw new Error('the PGlite is opened before the tests run');
    return database;
  };
}
