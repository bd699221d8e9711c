/** A response kept by the edge cache: the bytes that were sent, and what they need to be served again. */
export interface CachedResponse {
  /** The body as sent: UTF-8 bytes, so serving it again encodes nothing. */
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  tags: readonly string[];
  /** `tags` as the `Cache-Tag` header sends them. */
  tagHeader: string;
  /** Its media type, when not a GraphQL response (which is JSON, typed per request's `Accept`). */
  contentType?: string;
  /** Seconds it is fresh for after `storedAt` (ms since the epoch). */
  maxAge: number;
  storedAt: number;
}

/** Where cached responses live: memory on Node, the Cloudflare Cache API on the Worker. */
export interface ResponseStore {
  /** A store in memory answers at once; one across the network (the Cache API) with a promise. */
  get(key: string): CachedResponse | undefined | Promise<CachedResponse | undefined>;
  /** Keeps the entry for `keepFor` seconds: past its freshness it is still a last good copy. */
  put(key: string, entry: CachedResponse, keepFor: number): Promise<void>;
  /** Drops every entry carrying any of `tags`; resolves to how many this store dropped. */
  purge(tags: readonly string[]): Promise<number>;
}
