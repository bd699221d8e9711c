import { LRUCache } from 'lru-cache';
import type { CachedResponse, ResponseStore } from './store';
import { TagIndex } from './tag-index';

/** Bytes an entry costs, roughly: its body, its tags as UTF-16, and bookkeeping. */
const sizeOf = (entry: CachedResponse) => entry.body.byteLength + 2 * entry.tags.join(',').length + 256;

/**
 * The Node entry's edge cache: in process memory, bounded in bytes (64 MiB by default), least
 * recently used out first, each entry dropped when its last-good-copy time is over.
 */
export class MemoryStore implements ResponseStore {
  private readonly index = new TagIndex();
  private readonly entries: LRUCache<string, CachedResponse>;
  /** A store of size 0 keeps nothing: tests of the database path use one. */
  private readonly disabled: boolean;

  constructor(maxBytes = 64 * 2 ** 20) {
    this.entries = new LRUCache<string, CachedResponse>({
      maxSize: Math.max(1, maxBytes),
      sizeCalculation: sizeOf,
      maxEntrySize: Math.max(1, maxBytes),
      ttlAutopurge: false,
      dispose: (_entry, key, reason) => {
        if (reason !== 'set') this.index.remove(key);
      },
    });
    this.disabled = maxBytes <= 0;
  }

  get(key: string) {
    return this.entries.get(key);
  }

  async put(key: string, entry: CachedResponse, keepFor: number) {
    if (this.disabled) return;
    this.entries.set(key, entry, { ttl: keepFor * 1000, start: entry.storedAt });
    if (this.entries.has(key)) this.index.add(key, entry.tags);
  }

  async purge(tags: readonly string[]) {
    const keys = this.index.take(tags);
    let dropped = 0;
    for (const key of keys) if (this.entries.delete(key)) dropped += 1;
    return dropped;
  }
}
