import type { CachedResponse, ResponseStore } from './store';
import { TagIndex } from './tag-index';

export interface CloudflarePurgeConfig {
  zoneId: string;
  apiToken: string;
  /** Only to point tests at a local stand-in; production uses Cloudflare's API. */
  apiBase?: string;
}

const ORIGIN = 'https://graphql-edge-cache.internal/';
const META = 'x-edge-entry';

/**
 * The Worker's edge cache: the Cloudflare Cache API of the data centre serving the request. The
 * stored response body is the exact bytes that were sent; what else an entry needs rides in one
 * header. Entries carry a `Cache-Tag` header, so a purge by tag through Cloudflare's API reaches
 * every data centre; the isolate's own index also deletes the local copies at once (and counts them).
 */
export class CloudflareCacheStore implements ResponseStore {
  private readonly index = new TagIndex();

  constructor(
    private readonly cache: Cache,
    private readonly purgeConfig?: CloudflarePurgeConfig,
  ) {}

  async get(key: string): Promise<CachedResponse | undefined> {
    const response = await this.cache.match(ORIGIN + key);
    const meta = response?.headers.get(META);
    if (!response || !meta) return undefined;
    const [etag = '', maxAge = '0', storedAt = '0', typed] = meta.split(' ');
    const tagHeader = response.headers.get('cache-tag') ?? '';
    return {
      body: new Uint8Array(await response.arrayBuffer()),
      etag,
      tags: tagHeader.split(',').filter(Boolean),
      tagHeader,
      maxAge: Number(maxAge),
      storedAt: Number(storedAt),
      ...(typed && { contentType: response.headers.get('content-type') ?? undefined }),
    };
  }

  async put(key: string, entry: CachedResponse, keepFor: number) {
    const response = new Response(entry.body, {
      headers: {
        'content-type': entry.contentType ?? 'application/json; charset=utf-8',
        'cache-control': `public, max-age=${keepFor}`,
        // Cloudflare reads this header on stored responses to purge them by tag.
        'cache-tag': entry.tagHeader,
        [META]: `${entry.etag} ${entry.maxAge} ${entry.storedAt}${entry.contentType ? ' typed' : ''}`,
      },
    });
    await this.cache.put(ORIGIN + key, response);
    this.index.add(key, entry.tags);
  }

  async purge(tags: readonly string[]) {
    const keys = this.index.take(tags);
    const deleted = await Promise.all(keys.map((key) => this.cache.delete(ORIGIN + key)));
    if (this.purgeConfig && tags.length) {
      // The edit has committed already: a purge that fails must not turn it into an error. Copies
      // elsewhere then expire on their own lifetime; the log says which tags to purge by hand.
      await purgeByTag(this.purgeConfig, tags).catch((error: unknown) => {
        console.error(`[edge-cache] purge by tag failed (${String(error)}); tags: ${tags.join(',')}`);
      });
    }
    return deleted.filter(Boolean).length;
  }
}

const PURGE_TIMEOUT_MS = 5_000;

/** Cloudflare's purge-by-tag API takes at most 100 tags per call. */
async function purgeByTag(config: CloudflarePurgeConfig, tags: readonly string[]) {
  const base = config.apiBase ?? 'https://api.cloudflare.com/client/v4';
  for (let start = 0; start < tags.length; start += 100) {
    const response = await fetch(`${base}/zones/${config.zoneId}/purge_cache`, {
      method: 'POST',
      signal: AbortSignal.timeout(PURGE_TIMEOUT_MS),
      headers: { authorization: `Bearer ${config.apiToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ tags: tags.slice(start, start + 100) }),
    });
    if (!response.ok) throw new Error(`Cloudflare purge failed with HTTP ${response.status}`);
  }
}
