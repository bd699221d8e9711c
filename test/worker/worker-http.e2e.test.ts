// The Worker as production runs it: reads over Neon's HTTP SQL endpoint, one HTTPS request each,
// from one client the isolate keeps; writes over a WebSocket of the request's own. Neon's HTTP
// endpoint cannot run here, so scripts/neon-http-standin.ts stands in for it in front of the real
// test Postgres (the only stand-in besides Cloudflare's purge API); workerd, the driver, the relay
// and Postgres are real. `npm run test:worker` with TEST_DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/cache/memory-store';
import { createNodePostgresSource } from '../../src/db/node-postgres';
import { createGateway } from '../../src/gateway/gateway';
import { operations } from '../../src/generated/operations';
import { relations } from '../../src/modules';
import { readOperations } from '../support/operations';
import { prepareDatabase, workerClient } from './client';
import { sleep, startWorkerUnderTest, type WorkerUnderTest } from './harness';

const databaseUrl = process.env.TEST_DATABASE_URL;
const EDITOR_TOKEN = 'editor-token-for-worker-http-e2e';
const TIMEOUT_MS = 1_000;

describe.skipIf(!databaseUrl)('Worker reading over Neon HTTP (stand-in), writing over the relay', () => {
  let worker: WorkerUnderTest;
  const { post, get, editor, failure } = workerClient(() => worker, EDITOR_TOKEN);
  const http = () => {
    const standIn = worker.neonHttp;
    if (!standIn) throw new Error('the Worker was started without the HTTP stand-in');
    return standIn;
  };

  beforeAll(async () => {
    await prepareDatabase(databaseUrl as string);
    worker = await startWorkerUnderTest({
      databaseUrl: databaseUrl as string,
      reads: 'http',
      vars: { EDITOR_TOKEN, DB_TIMEOUT_MS: String(TIMEOUT_MS) },
    });
  }, 180_000);
  afterAll(async () => {
    await worker?.stop();
  });

  it.each(readOperations.map((op) => [op.name, op] as const))(
    'reads %s in one statement, one HTTP request and no WebSocket, with the answer the Node gateway gives',
    async (name, op) => {
      worker.relay.resetStats();
      const before = http().requests;
      const sent = await post(op.document, op.variables, name);
      expect(sent.body.errors, failure(name, sent)).toBeUndefined();
      expect(sent.statements).toBe(1);
      expect(http().requests - before).toBe(1);
      expect(worker.relay.stats().upgrades).toBe(0);

      // Neon's HTTP path parses every value from its text itself: the same answer as node-postgres.
      const source = createNodePostgresSource({ connectionString: databaseUrl as string, relations, max: 1 });
      try {
        const gateway = createGateway({ source, store: new MemoryStore(0) });
        const reference = await gateway.fetch(
          new Request('http://node.test/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
            body: JSON.stringify({ query: op.document, variables: op.variables }),
          }),
        );
        expect(sent.body).toEqual(await reference.json());
      } finally {
        await source.close();
      }
    },
  );

  it('answers a cached read with no request to the database at all', async () => {
    const op = operations.find((o) => o.name === 'SiteChrome');
    if (!op) throw new Error('SiteChrome is missing');
    expect((await get(op.document)).xCache).toMatch(/MISS|HIT/);
    const before = http().requests;
    const hit = await get(op.document);
    expect(hit.xCache).toBe('HIT');
    expect(hit.statements).toBe(0);
    expect(http().requests).toBe(before);
  });

  it('writes through a WebSocket of the request’s own and purges', async () => {
    const query = 'mutation ($id: ID!) { retractArticle(id: $id) { status } }';
    const publish = 'mutation ($id: ID!) { publishArticle(id: $id) { status purgedTags } }';
    const id = btoa('Article:2');
    worker.relay.resetStats();
    const retracted = await editor(query, { id });
    expect(retracted.body.errors, failure('retract', retracted)).toBeUndefined();
    expect(retracted.body.data?.retractArticle.status).toBe('RETRACTED');
    await sleep(50);
    expect(worker.relay.stats().upgrades).toBeGreaterThanOrEqual(1);
    const restored = await editor(publish, { id });
    expect(restored.body.data?.publishArticle.status).toBe('PUBLISHED');
    expect(restored.body.data?.publishArticle.purgedTags).toContain('article:2');
  });

  it('gives a fast, retryable 503 when the HTTP endpoint stalls or fails, and recovers at once', async () => {
    const query = '{ channels { path } }';
    for (const fault of ['stall', 'http-500'] as const) {
      http().fault = fault;
      const failed = await post(query);
      expect(failed.status, fault).toBe(503);
      expect(failed.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(failed.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(failed.ms, fault).toBeLessThan(TIMEOUT_MS + 1_500);
      expect(failed.text).not.toMatch(/127\.0\.0\.1|postgres:|stack|at \S+ \(/);
      http().fault = 'none';
      // The circuit breaker leaves the database alone for a pause (250 ms after a first failure),
      // then lets one probe through: reads succeed again within that.
      const started = performance.now();
      let recovered = await post(query);
      while (recovered.status === 503 && performance.now() - started < 2_000) {
        await sleep(50);
        recovered = await post(query);
      }
      expect(recovered.status, fault).toBe(200);
      expect(recovered.body.data?.channels.length).toBeGreaterThan(0);
      expect(performance.now() - started, fault).toBeLessThan(1_000);
    }
  });
});
