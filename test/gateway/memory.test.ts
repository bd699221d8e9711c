import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/cache/keys';
import { MemoryStore } from '../../src/cache/memory-store';
import { createGateway, type Gateway } from '../../src/gateway/gateway';
import { DEFAULT_LIMITS } from '../../src/gateway/limits';
import { openTestDatabase, type TestDatabase } from '../support/database';

/**
 * Every cache on the request path is bounded in bytes: parsed documents (32 MiB as estimated by
 * src/gateway/documents.ts), the edge cache's resolutions of request texts (10 MiB over its four
 * TextMemos), automatic persisted queries (8 MiB), Yoga's error cache (2 MiB) and the MemoryStore of
 * responses (16 MiB of bodies here). A stream of large, distinct requests must therefore leave the
 * process with a bounded amount of memory, not with everything it was ever sent.
 */

/** `global.gc` when node runs with --expose-gc; otherwise V8's own, made visible the way Jest's leak detector does. */
function garbageCollector(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

const gcExposed = typeof (globalThis as { gc?: unknown }).gc === 'function';
const gc = garbageCollector();
const MB = 1e6;
const TEXT_BYTES = 60_000;
// Enough to overflow every cap below (400 × 60 KB of documents, of APQ texts, of response bodies).
const REQUESTS = 400;

/** Heap in use and array buffers (response bodies are bytes) after collecting everything collectable. */
async function settledMemory() {
  for (let i = 0; i < 4; i++) {
    gc?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return { heapUsed, arrayBuffers };
}

/**
 * A distinct valid query of about `TEXT_BYTES` bytes and under the token limit: long distinct aliases
 * of `__typename` (3 tokens each, 180 characters), so its syntax tree and its response are as large as such a text allows.
 */
function aliasDocument(id: string): string {
  const aliasLength = 180;
  const count = Math.floor(TEXT_BYTES / (aliasLength + 13));
  expect(3 * count + 5).toBeLessThanOrEqual(DEFAULT_LIMITS.documentTokens);
  const fields: string[] = [];
  for (let i = 0; i < count; i++) {
    const alias = `a${id}_${i.toString(36)}_`;
    fields.push(`${alias.padEnd(aliasLength, 'x')}: __typename`);
  }
  return `query Q${id} { ${fields.join(' ')} }`;
}

/** A distinct valid query of about `TEXT_BYTES` bytes that is mostly a comment: a large text, a tiny tree. */
function commentedDocument(id: string): string {
  return `# request ${id}: ${'lorem ipsum dolor sit amet '.repeat(TEXT_BYTES / 27)}\nquery C${id} { __typename }`;
}

describe.skipIf(!gc)('memory under a stream of large distinct requests', () => {
  let database: TestDatabase;
  let gateway: Gateway;

  beforeAll(async () => {
    database = await openTestDatabase();
    // Hundreds of aliases per document (large texts, trees and responses within the token limit):
    // the alias limit would refuse them before they reach the caches this test is about.
    // A 16 MiB store of response bodies (64 MiB by default), so that fewer requests overflow it too.
    gateway = createGateway({ source: database, store: new MemoryStore(16 * 2 ** 20), limits: { aliases: 1_000 } });
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  async function post(payload: unknown) {
    const body = JSON.stringify(payload);
    expect(body.length).toBeLessThanOrEqual(DEFAULT_LIMITS.bodyBytes);
    const response = await gateway.fetch(
      new Request('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body,
      }),
    );
    const text = await response.text();
    return { status: response.status, text };
  }

  /**
   * The `n`th pair of a series: a plain document (always aliases: a ~55 KB response each, so the
   * responses outgrow the MemoryStore) and an APQ registration (aliases or a comment, alternately).
   */
  async function sendPair(series: string, n: number, makeText: (id: string) => string = aliasDocument) {
    const plain = await post({ query: makeText(`${series}d${n}`) });
    expect(plain.status, plain.text.slice(0, 300)).toBe(200);
    const registered = (n % 2 === 0 ? makeText : commentedDocument)(`${series}p${n}`);
    const apq = await post({
      query: registered,
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex(registered) } },
    });
    expect(apq.status, apq.text.slice(0, 300)).toBe(200);
  }

  it(`keeps the heap bounded after ${REQUESTS} distinct ~60 KB documents and ${REQUESTS} ~60 KB APQ registrations`, async () => {
    // Warm up (schema, JIT, lazily built parts of Yoga) with small requests, so that the baseline
    // has the code ready but the caches nearly empty.
    for (let n = 0; n < 20; n++) await sendPair('warm', n, (id) => `query W${id} { a${id}: __typename }`);
    const before = await settledMemory();

    const started = performance.now();
    for (let n = 0; n < REQUESTS; n++) await sendPair('run', n);
    const seconds = (performance.now() - started) / 1000;

    const after = await settledMemory();
    const heapGrowth = (after.heapUsed - before.heapUsed) / MB;
    const bufferGrowth = (after.arrayBuffers - before.arrayBuffers) / MB;
    console.info(
      `(gc: ${gcExposed ? 'global.gc, node --expose-gc' : 'V8 flag set at run time'}) ${2 * REQUESTS} requests of ~${TEXT_BYTES / 1000} KB in ${seconds.toFixed(1)} s: heap ${(before.heapUsed / MB).toFixed(1)} → ${(after.heapUsed / MB).toFixed(1)} MB (+${heapGrowth.toFixed(1)}), array buffers ${(before.arrayBuffers / MB).toFixed(1)} → ${(after.arrayBuffers / MB).toFixed(1)} MB (+${bufferGrowth.toFixed(1)})`,
    );

    // The caches held on the heap are capped at 32 + 10 + 8 + 2 MiB as their owners estimate them;
    // what they hold must stay within that order, not grow with what was sent (about 100 MB of text
    // and its trees went through).
    expect(heapGrowth, 'heap growth in MB').toBeLessThan(80);
    // Response bodies live in the MemoryStore, capped here at 16 MiB (about 17 MB).
    expect(bufferGrowth, 'array buffer growth in MB').toBeLessThan(25);
  }, 60_000);
});

if (!gc) {
  describe('memory under a stream of large distinct requests', () => {
    it.skip('needs a garbage collector it can call: run node with --expose-gc (vitest.config.ts: test.execArgv)', () => {});
  });
}
