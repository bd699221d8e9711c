import type { CacheHints } from './cache/hints';
import type { Database } from './db/database';
import type { QueryMetrics } from './db/metrics';

/** What every resolver gets: this request's database client, its statement meter and its cache hints. */
export interface Context {
  db: Database;
  metrics: QueryMetrics;
  /** Tags and lifetime of what this request read, for the edge cache. */
  cache: CacheHints;
  /** The caller showed a valid editor token. */
  editor: boolean;
  /** Purges cached responses by tag once a write has committed; resolves to how many were dropped. */
  purge: (tags: string[]) => Promise<number>;
}
