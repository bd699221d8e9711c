import { type CachedResponse, type ResponseStore, TagIndex } from './store';

/** The Node entry's edge cache: in process memory, bounded, least recently stored out first. */
export class MemoryStore implements ResponseStore {
  private readonly entries = new Map<string, { entry: CachedResponse; expiresAt: number }>();
  private readonly index = new TagIndex();

  constructor(private readonly maxEntries = 10_000) {}

  async get(key: string) {
    const found = this.entries.get(key);
    if (!found) return undefined;
    if (Date.now() >= found.expiresAt) {
      this.delete(key);
      return undefined;
    }
    return found.entry;
  }

  async put(key: string, entry: CachedResponse, keepFor: number) {
    this.delete(key);
    this.entries.set(key, { entry, expiresAt: entry.storedAt + keepFor * 1000 });
    this.index.add(key, entry.tags);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.delete(oldest);
    }
  }

  async purge(tags: readonly string[]) {
    const keys = this.index.take(tags);
    for (const key of keys) this.entries.delete(key);
    return keys.length;
  }

  private delete(key: string) {
    this.entries.delete(key);
    this.index.remove(key);
  }
}
