// A network partition between the gateway and Postgres (a black hole: connections stay open, nothing
// crosses them, new ones are accepted and never answered) arriving while the pool is busy: more
// uncached reads at once than the pool has connections. The connections it swallows never come
// back (as when a NAT or load balancer drops their state): the gateway must let go of them itself.
// During it, answers come within the time limit (stale copies at once once the breaker is open);
// after it, uncached reads succeed again within a bound, measured and printed. Real Postgres
// behind test/support/tcp-proxy.ts.
import { describe, it } from 'vitest';
import { faultsDatabase, timeToRecover } from '../support/fault-rig';
import {
  afterFault,
  CACHED_FEED,
  duringFault,
  expectStale,
  expectUnavailable,
  faultSuite,
  feed,
  MARGIN_MS,
  POOL_SIZE,
  rigWithCache,
  round,
  TIME_LIMIT_MS,
  trafficFor,
} from './fault-checks';

const database = await faultsDatabase();
if ('skip' in database) console.warn(`[reliability] black hole skipped: ${database.skip}`);
const url = 'url' in database ? database.url : '';

const measured: Record<string, Record<string, number>> = {};

describe.skipIf('skip' in database)('a black hole with the pool full (real Postgres, TCP proxy)', () => {
  faultSuite(database, `black hole (ms; time limit ${TIME_LIMIT_MS}, pool ${POOL_SIZE})`, measured);

  describe.concurrent('a partition', () => {
    it('answers every request within the time limit, lets go of every swallowed connection, and recovers', async ({
      expect,
    }) => {
      const cached = await rigWithCache(expect, url);
      const { rig, expired } = cached;
      try {
        rig.proxy.blackHole();
        // Ten uncached reads and one expired cached read at once, with four connections: four are
        // swallowed with their statements, the others wait for a connection that never comes.
        const [stale, ...burst] = await Promise.all([
          rig.get(feed.document, CACHED_FEED),
          ...Array.from({ length: 10 }, (_, i) => rig.uncached(i % 3 ? {} : { 'x-preview': '1' })),
        ]);
        if (!stale) throw new Error('no answer');
        expectStale(expect, stale, cached, 'black hole, the cached read in the burst');
        expect(stale.ms).toBeLessThan(TIME_LIMIT_MS + MARGIN_MS);
        for (const [i, answer] of burst.entries()) expectUnavailable(expect, rig, answer, `black hole, read ${i}`);
        const slowestInBurst = Math.max(...burst.map((answer) => answer.ms));
        // It is the time limit that answered, for the reads holding a connection and for those waiting for one.
        expect(Math.min(...burst.map((answer) => answer.ms))).toBeGreaterThanOrEqual(TIME_LIMIT_MS - 50);

        // While the partition lasts, no connection stays caught in it: each was closed by the gateway
        // (a timed-out statement's, and a connection attempt past its time limit).
        await expect.poll(() => rig.proxy.counters().silenced, { timeout: 3 * TIME_LIMIT_MS + MARGIN_MS }).toBe(0);
        const during = await duringFault(expect, cached, 'black hole');
        const slowest = await trafficFor(expect, cached, 1_000, 'black hole');
        await expect.poll(() => rig.proxy.counters().silenced, { timeout: 3 * TIME_LIMIT_MS + MARGIN_MS }).toBe(0);

        await rig.proxy.restore();
        const recovery = await afterFault(expect, cached, 'black hole');
        expect(rig.proxy.counters().silenced).toBe(0);
        measured.blackHoleWithPoolFull = {
          staleInBurst: round(stale.ms),
          slowestInBurst: round(slowestInBurst),
          ...during,
          slowestDuring: slowest,
          recovery,
        };
        expect(expired.text).toBe(stale.text);
      } finally {
        await rig.close();
      }
    });

    // Reads that fail together are one failure, not ten doublings of the breaker's pause (which took
    // it from 250 ms to its 4 s ceiling at once, leaving the database alone for 4 s after a blip).
    it('after a blip that fails many reads at once, reads come back within the first pause', async ({ expect }) => {
      const cached = await rigWithCache(expect, url);
      const { rig } = cached;
      try {
        rig.proxy.blackHole();
        const burst = await Promise.all(Array.from({ length: 10 }, () => rig.uncached()));
        expect(burst.map((answer) => answer.status)).toEqual(burst.map(() => 503));
        await rig.proxy.restore();
        const recovery = await timeToRecover(rig, { everyMs: 50 });
        measured.blipRecovery = { recovery: round(recovery.ms) };
        // The first pause is 250 ms; one probe then finds the database back.
        expect(recovery.ms).toBeLessThan(1_000);
      } finally {
        await rig.close();
      }
    });
  });
});
