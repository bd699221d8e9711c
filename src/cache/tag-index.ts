import { LRUCache } from 'lru-cache';

/**
 * Which keys carry which tag. The Cache API can only delete by key, and even Cloudflare's global
 * purge-by-tag does not say what it dropped, so each store keeps this index of its own entries.
 * Bounded: past `maxKeys` the least recently stored key is forgotten (its entry then only expires).
 */
export class TagIndex {
  private readonly keysByTag = new Map<string, Set<string>>();
  private readonly tagsByKey: LRUCache<string, readonly string[]>;

  constructor(maxKeys = 50_000) {
    this.tagsByKey = new LRUCache({
      max: maxKeys,
      dispose: (tags, key) => this.unlink(key, tags),
    });
  }

  add(key: string, tags: readonly string[]) {
    this.tagsByKey.delete(key);
    this.tagsByKey.set(key, tags);
    for (const tag of tags) {
      const keys = this.keysByTag.get(tag);
      if (keys) keys.add(key);
      else this.keysByTag.set(tag, new Set([key]));
    }
  }

  remove(key: string) {
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

  private unlink(key: string, tags: readonly string[]) {
    for (const tag of tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
  }
}
