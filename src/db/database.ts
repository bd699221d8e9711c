import type { PgAsyncDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { QueryMetrics } from './metrics';
import type { relations } from './relations';

/** A Drizzle client over any of our drivers, with the relations of every domain. */
export type Database = PgAsyncDatabase<PgQueryResultHKT, typeof relations>;

/** Where a request's database client comes from: embedded PGlite, node-postgres or Neon. */
export interface DatabaseSource {
  /** A client whose statements are counted into `metrics`. Cheap: one per request. */
  connect(metrics: QueryMetrics): Database;
  close(): Promise<void>;
}
