import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MemoryStore } from '../../src/cache/memory-store';
import type { DatabaseSource } from '../../src/db/database';
import { createGateway, type Gateway } from '../../src/gateway/gateway';
import { openPglite } from '../support/database';
import { operation } from '../support/operations';
import { getRequest, read } from './support';

// Its own embedded database, because this file makes it slow and then shuts it down.
const TIMEOUT_MS = 400;
let source: DatabaseSource;
let gateway: Gateway;
const feed = operation('ChannelFeed');

beforeAll(async () => {
  // Its own embedded database, whatever the suite runs on: the test makes it slow, then closes it.
  source = await openPglite({ timeoutMs: TIMEOUT_MS });
  gateway = createGateway({ source, store: new MemoryStore() });
});
afterAll(async () => {
  vi.useRealTimers();
  await source.close().catch(() => {});
});

async function timed(query: string, variables: Record<string, unknown>) {
  const started = performance.now();
  const response = await read(await gateway.fetch(getRequest(query, variables)));
  return { ...response, ms: performance.now() - started };
}

describe('when the database fails', () => {
  it('serves the last good copy of a cached answer, marked stale, and fails fast on one never cached', async () => {
    const cachedVariables = { channel: 'yaowen', first: 3 };
    const fresh = await timed(feed.document, cachedVariables);
    expect(fresh.xCache).toBe('MISS');

    // Two hours on, the copy is past its freshness but still kept as the last good one.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 2 * 3600_000);

    // A slow database: a long transaction holds the embedded server (it runs one at a time),
    // so our statements queue past the limit.
    const busy = source.admin.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    });
    const stale = await timed(feed.document, cachedVariables);
    expect(stale.xCache).toBe('STALE');
    expect(stale.status).toBe(200);
    expect(stale.body).toEqual(fresh.body);
    expect(stale.headers.get('warning')).toMatch(/110/);
    expect(stale.ms).toBeLessThan(TIMEOUT_MS + 1_500);

    const uncached = await timed(feed.document, { channel: 'rexian', first: 3 });
    expect(uncached.status).toBe(503);
    expect(uncached.headers.get('retry-after')).toBe('5');
    expect(uncached.body.errors[0]).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
    expect(uncached.ms).toBeLessThan(TIMEOUT_MS + 1_500);
    await busy;

    // A database that is gone altogether.
    await source.close();
    const gone = await timed(feed.document, cachedVariables);
    expect(gone.xCache).toBe('STALE');
    expect(gone.body).toEqual(fresh.body);
    const neverCached = await timed(feed.document, { channel: 'tushuo', first: 3 });
    expect(neverCached.status).toBe(503);
    expect(JSON.stringify(neverCached.body)).not.toMatch(/PGlite|closed|select|at \S+ \(/i);
  });
});
