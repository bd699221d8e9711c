import type { CacheHints } from './cache/hints';
import type { Database } from './db/database';

/** What every resolver gets. One per request. */
export interface Context {
  /** Reads: the source's one Drizzle client; its statements are counted for this request. */
  db: Database;
  /** A client for interactive transactions (editor writes). */
  writer(): Database;
  /** Collects the tags and lifetime of what this request read, for the edge cache. */
  cache: CacheHints;
  /** The caller showed the deployment's editor token. */
  editor: boolean;
  /** Purges cached responses by tag once a write has committed; resolves to how many were dropped here. */
  purge(tags: readonly string[]): Promise<number>;
  /** The request's clock: every "now" a request computes (lifetimes, live state) is this instant. */
  now: Date;
}
