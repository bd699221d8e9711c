import type { CacheHints } from './cache/hints';
import type { Database } from './db/database';

/** The caller behind a request. */
export interface Client {
  /**
   * The client's network address: Cloudflare's `cf-connecting-ip` on the Worker, the socket's peer
   * on Node; null when unknown (a test calling the gateway directly).
   */
  address: string | null;
  /** The id of the partner key the request was sent with and that was found valid, if any. */
  partnerId: number | null;
}

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
  /** Who is asking, as far as per-client limits (flood limits, budgets) care. */
  client: Client;
  /** Purges cached responses by tag once a write has committed; resolves to how many were dropped here. */
  purge(tags: readonly string[]): Promise<number>;
  /** The request's clock: every "now" a request computes (lifetimes, live state) is this instant. */
  now: Date;
  /** The deployment's secrets by name (COMMENT_SECRET, …); a module reads the ones it needs. */
  secrets: Readonly<Record<string, string | undefined>>;
}
