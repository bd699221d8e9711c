// The Worker's database path in workerd (`wrangler dev`) through faults, and how soon it is back:
// reads over WebSockets through the relay (black-holed while a read runs, then restored), and reads
// over Neon's HTTP endpoint (the stand-in stalling, answering 500, resetting the connection). A short
// time limit (DB_TIMEOUT_MS) and a one-second freshness cap (EDGE_MAX_AGE) make both quick to see:
// during a fault, an uncached read is a 503 with Retry-After within the limit and an expired cached
// one is served STALE; after it, an uncached read succeeds within a bound, measured and printed.
// (worker.e2e.test.ts covers stale-if-error with the relay closed and black-holed.)
//   TEST_DATABASE_URL=postgres://… npx vitest run --config vitest.worker.config.ts test/worker/reliability.e2e.test.ts
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NeonHttpFault } from '../../scripts/neon-http-standin';
import { operation, prepareDatabase, type Sent, workerClient } from './client';
import { sleep, startWorkerUnderTest, type WorkerUnderTest } from './harness';

const databaseUrl = process.env.TEST_DATABASE_URL;
const EDITOR_TOKEN = 'editor-token-for-worker-reliability';
const TIME_LIMIT_MS = 1_000;
/** Scheduling slack (wrangler's proxy, a shared machine): "within the limit" is within this much more. */
const MARGIN_MS = 1_500;
/** Once the database answers again, an uncached read succeeds within this. */
const RECOVERY_BOUND_MS = 6_000;
const VARS = { EDITOR_TOKEN, DB_TIMEOUT_MS: String(TIME_LIMIT_MS), EDGE_MAX_AGE: '1' };

const feed = operation('ChannelFeed');
const measured: Record<string, Record<string, number>> = {};

if (!databaseUrl) console.warn('[worker reliability] skipped: TEST_DATABASE_URL is not set');

/** What no answer may show: hosts, ports, the database, the relay, the stand-in, driver messages, SQL, stacks. */
const LEAK =
  /127\.0\.0\.1|localhost|5432|postgres|gw_rel|relay|websocket|stand-in|fault|ECONN|neon|timeout|select |from "|at \S+ \(/i;

function expectUnavailable(sent: Sent, what: string) {
  expect(sent.status, `${what}: ${sent.text}`).toBe(503);
  expect(sent.headers.get('retry-after'), what).toMatch(/^[1-9]\d*$/);
  expect(sent.body.errors?.[0]?.extensions?.code, what).toBe('SERVICE_UNAVAILABLE');
  expect(sent.text, what).not.toMatch(LEAK);
  expect(sent.ms, what).toBeLessThan(TIME_LIMIT_MS + MARGIN_MS);
}

describe.skipIf(!databaseUrl)('the Worker’s database path through faults, in workerd', () => {
  let worker: WorkerUnderTest;
  const client = workerClient(() => worker, EDITOR_TOKEN);
  let uncachedCount = 0;
  /** A read no one asked before (and with credentials, so never from the cache): it must reach the database. */
  const uncached = () =>
    client.post(
      `query Uncached${++uncachedCount} { articles(channel: "yaowen", first: 2) { edges { node { title } } } }`,
    );

  /** Sends an uncached read every 100 ms until one succeeds; ms from the call. */
  async function timeToRecover() {
    const started = performance.now();
    for (;;) {
      const sent = await uncached();
      if (sent.status === 200 && sent.body.data?.articles?.edges?.length === 2) return performance.now() - started;
      if (performance.now() - started > 20_000) return Number.POSITIVE_INFINITY;
      await sleep(100);
    }
  }

  /** A feed page cached a moment ago and expired since (EDGE_MAX_AGE=1), kept as the last good copy. */
  async function expiredCopy(channel: string) {
    const fresh = await client.get(feed.document, { channel, first: 2 });
    expect(fresh.status, client.failure('caching', fresh)).toBe(200);
    expect(fresh.xCache).toMatch(/MISS|HIT/);
    await sleep(1_300);
    return { variables: { channel, first: 2 }, text: fresh.text };
  }

  /**
   * Stale reads in quick succession: each the last good copy, within the limit; at most one of them
   * (the breaker's probe) waits on the database, the others come at once.
   */
  async function staleReads(copy: { variables: Record<string, unknown>; text: string }, what: string) {
    const times: number[] = [];
    for (let i = 0; i < 4; i++) {
      const stale = await client.get(feed.document, copy.variables);
      expect(stale.xCache, client.failure(`${what}, stale read ${i}`, stale)).toBe('STALE');
      expect(stale.text).toBe(copy.text);
      expect(stale.ms).toBeLessThan(TIME_LIMIT_MS + MARGIN_MS);
      times.push(Math.round(stale.ms));
    }
    expect(
      times.filter((ms) => ms >= TIME_LIMIT_MS / 2).length,
      `${what}: stale reads that waited ${times}`,
    ).toBeLessThanOrEqual(1);
    return times;
  }

  afterAll(() => {
    console.info(`[worker reliability] ms (time limit ${TIME_LIMIT_MS}): ${JSON.stringify(measured)}`);
  });

  describe('reads over WebSockets through the relay', () => {
    beforeAll(async () => {
      await prepareDatabase(databaseUrl as string);
      worker = await startWorkerUnderTest({ databaseUrl: databaseUrl as string, vars: VARS });
    }, 180_000);
    afterAll(async () => {
      await worker?.stop();
    });

    it('black-holed while a read runs: answers within the time limit, then recovers within the bound', async () => {
      const warm = await uncached();
      expect(warm.status, client.failure('warm', warm)).toBe(200);
      const copy = await expiredCopy('shiting');

      // A read that is running when the relay turns into a black hole: a lock keeps it in Postgres.
      const locker = new pg.Client({ connectionString: databaseUrl });
      await locker.connect();
      let inFlight: Sent;
      try {
        await locker.query('begin');
        await locker.query('lock table channels in access exclusive mode');
        const running = uncached();
        await sleep(300);
        await worker.relay.blackHole();
        inFlight = await running;
      } finally {
        await locker.query('rollback').catch(() => {});
        await locker.end();
      }
      expectUnavailable(inFlight, 'the read running when the black hole came');

      // Past the breaker's first pause the next read is let through to the database: into the hole.
      await sleep(400);
      const probe = await uncached();
      expectUnavailable(probe, 'black hole, a read let through');
      // It is the time limit that answered: the hole never does.
      expect(probe.ms).toBeGreaterThanOrEqual(TIME_LIMIT_MS - 100);

      // While it lasts: uncached reads (several at once) wait out the limit at most.
      const burst = await Promise.all([uncached(), uncached(), uncached()]);
      for (const [i, sent] of burst.entries()) expectUnavailable(sent, `black hole, read ${i}`);
      const stale = await staleReads(copy, 'black hole');
      const later = await uncached();
      expectUnavailable(later, 'black hole, a later read');

      await worker.relay.start();
      const recovery = await timeToRecover();
      measured.websocketBlackHole = {
        inFlight: Math.round(inFlight.ms),
        letThrough: Math.round(probe.ms),
        slowestInBurst: Math.round(Math.max(...burst.map((sent) => sent.ms))),
        firstStale: stale[0] ?? -1,
        laterUncached: Math.round(later.ms),
        recovery: Math.round(recovery),
      };
      expect(recovery, `uncached reads succeed again within ${RECOVERY_BOUND_MS} ms`).toBeLessThan(RECOVERY_BOUND_MS);
      expect(worker.relay.stats().upgrades).toBeGreaterThan(0);

      // The expired copy is refreshed from the database, then served from the cache again.
      const refreshed = await client.get(feed.document, copy.variables);
      expect(refreshed.xCache, client.failure('refreshed', refreshed)).toBe('MISS');
      expect(refreshed.statements).toBe(1);
      expect((await client.get(feed.document, copy.variables)).xCache).toBe('HIT');
    });
  });

  describe('reads over Neon’s HTTP endpoint (the stand-in)', () => {
    const standIn = () => {
      const neonHttp = worker.neonHttp;
      if (!neonHttp) throw new Error('the Worker was started without the HTTP stand-in');
      return neonHttp;
    };
    beforeAll(async () => {
      worker = await startWorkerUnderTest({ databaseUrl: databaseUrl as string, reads: 'http', vars: VARS });
    }, 180_000);
    afterAll(async () => {
      if (worker?.neonHttp) worker.neonHttp.fault = 'none';
      await worker?.stop();
    });

    it.each([
      ['stall', 'rexian'],
      ['http-500', 'tushuo'],
      ['reset', 'bumen'],
    ] as [NeonHttpFault, string][])(
      'the endpoint %s: a 503 within the limit, the last good copy, then recovery within the bound',
      async (fault, channel) => {
        expect((await uncached()).status).toBe(200);
        const copy = await expiredCopy(channel);
        try {
          standIn().fault = fault;
          const failed = await uncached();
          expectUnavailable(failed, fault);
          if (fault === 'stall') {
            // It is the time limit that answered: the endpoint never did.
            expect(failed.ms).toBeGreaterThanOrEqual(TIME_LIMIT_MS - 100);
          }
          const requestsBefore = standIn().requests;
          const stale = await staleReads(copy, fault);
          // While it is known to be failing, at most the breaker's probe went to the endpoint.
          expect(standIn().requests - requestsBefore).toBeLessThanOrEqual(1);
          const later = await uncached();
          expectUnavailable(later, `${fault}, a later read`);
          measured[`http ${fault}`] = { uncached: Math.round(failed.ms), firstStale: stale[0] ?? -1 };
        } finally {
          standIn().fault = 'none';
        }
        const recovery = await timeToRecover();
        (measured[`http ${fault}`] as Record<string, number>).recovery = Math.round(recovery);
        expect(recovery, `uncached reads succeed again within ${RECOVERY_BOUND_MS} ms`).toBeLessThan(RECOVERY_BOUND_MS);
        const refreshed = await client.get(feed.document, copy.variables);
        expect(refreshed.xCache, client.failure('refreshed', refreshed)).toBe('MISS');
      },
    );
  });
});
