/** A response kept by the edge cache: the bytes that were sent, and what they need to be served again. */
export interface CachedResponse {
  body: string;
  etag: string;
  tags: readonly string[];
  /** Seconds it is fresh for after `storedAt` (ms since the epoch). */
  maxAge: number;
  storedAt: number;
}

/** Where cached responses live: memory on Node, the Cloudflare Cache API on the Worker. */
export interface ResponseStore {
  get(key: string): Promise<CachedResponse | undefined>;
  /** Keeps the entry for `keepFor` seconds: past its freshness it is still a last good copy. */
  put(key: string, entry: CachedResponse, keepFor: number): Promise<void>;
  /** Drops every entry carrying any of `tags`; resolves to how many this store dropped. */
  purge(tags: readonly string[]): Promise<number>;
}
