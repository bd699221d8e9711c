import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import type { Relations } from '../modules';
import type { Database, DatabaseSource } from './database';
import { DatabaseHealth } from './health';
import type { StatementMeter } from './meter';
import { rememberRelationalSql } from './relational-sql';
import { DEFAULT_DB_TIMEOUT_MS, meteredClient, type StatementPolicy } from './statement';

export interface PgliteOptions {
  relations: Relations;
  /** A folder to keep the database in; memory when unset. */
  dataDir?: string;
  /** Start from a dump (`dumpDataDir`) instead of an empty cluster: tests share one migrated, seeded copy. */
  loadDataDir?: Blob | File;
  timeoutMs?: number;
}

/** Embedded Postgres (WebAssembly, in this process): the zero-setup default for `npm start` and tests. */
export async function createPgliteSource(options: PgliteOptions): Promise<DatabaseSource & { pglite: PGlite }> {
  rememberRelationalSql();
  // PGlite treats a present-but-undefined `loadDataDir` as a dump to load (and waits forever).
  const pglite = new PGlite({
    ...(options.dataDir && { dataDir: options.dataDir }),
    ...(options.loadDataDir && { loadDataDir: options.loadDataDir }),
  });
  await pglite.waitReady;
  const policy: StatementPolicy = {
    timeoutMs: options.timeoutMs ?? DEFAULT_DB_TIMEOUT_MS,
    health: new DatabaseHealth(),
  };
  const connectTo = (meter: StatementMeter | undefined) =>
    drizzle({ client: meteredClient(pglite, meter, policy), relations: options.relations }) as unknown as Database;
  return {
    kind: 'pglite',
    health: policy.health,
    pglite,
    admin: connectTo(undefined),
    session(meter) {
      const db = connectTo(meter);
      return { db, writer: () => db };
    },
    close: () => pglite.close(),
  };
}
