/** A response kept by the edge cache, with what it needs to be served again, revalidated or purged. */
export interface CachedResponse {
  body: string;
  etag: string;
  tags: string[];
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

/**
 * Which keys carry which tag. The Cache API can only delete by key, and even Cloudflare's global
 * purge-by-tag does not say what it dropped, so each store keeps this index of its own entries.
 */
export class TagIndex {
  private readonly keysByTag = new Map<string, Set<string>>();
  private readonly tagsByKey = new Map<string, readonly string[]>();

  add(key: string, tags: readonly string[]) {
    this.remove(key);
    this.tagsByKey.set(key, tags);
    for (const tag of tags) {
      const keys = this.keysByTag.get(tag) ?? new Set<string>();
      this.keysByTag.set(tag, keys);
      keys.add(key);
    }
  }

  remove(key: string) {
    for (const tag of this.tagsByKey.get(key) ?? []) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
    this.tagsByKey.delete(key);
  }

  /** The keys carrying any of `tags`, forgotten by the index as they are returned. */
  take(tags: readonly string[]): string[] {
    const keys = new Set<string>();
    for (const tag of tags) for (const key of this.keysByTag.get(tag) ?? []) keys.add(key);
    for (const key of keys) this.remove(key);
    return [...keys];
  }

  get size() {
    return this.tagsByKey.size;
  }
}
