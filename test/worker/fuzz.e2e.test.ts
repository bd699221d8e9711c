// The schema-driven fuzz (test/reliability/fuzz-cases.ts) against the Worker as production runs it:
// workerd under `wrangler dev` against a real Postgres, the Cache API as the edge cache, budgets in
// the CallerBudget Durable Object (the anonymous one lifted: thousands of reads from one address);
// once with reads over WebSockets through the relay (local development, CI), once with reads over
// Neon's HTTP endpoint (its stand-in; production), writes over WebSockets through the relay in both.
// Every generated request is sent over real HTTP, with the same checks as in Node: no 5xx, no
// INTERNAL_SERVER_ERROR, a code on every error, no SQL, stack, path or host in an error, NUL and
// lone surrogates refused before any SQL, `nodes(ids:)` answered per id, a valid anonymous GET asked
// again served from the cache byte for byte.
//   TEST_DATABASE_URL=postgres://… npx vitest run --config vitest.worker.config.ts test/worker/fuzz.e2e.test.ts
// FUZZ_CASES and FUZZ_SEED as for test/reliability/fuzz.test.ts; FUZZ_READS=websocket or http for one mode.
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  DEFAULT_SEED,
  EDITOR_TOKEN,
  expectClean,
  readSeedData,
  runFuzz,
  type SeedData,
} from '../reliability/fuzz-cases';
import { prepareDatabase } from './client';
import { sleep, startWorkerUnderTest, type WorkerUnderTest } from './harness';

const databaseUrl = process.env.TEST_DATABASE_URL;
const CASES = Number(process.env.FUZZ_CASES ?? 2_000);
const SEED = Number(process.env.FUZZ_SEED ?? DEFAULT_SEED);

/**
 * workerd under wrangler dev refuses a request whose URL is past about 64 KiB (measured: 65,4xx
 * characters) itself, `431` with the plain text below, before the Worker runs; Cloudflare's edge
 * refuses URLs past 32 KB with its own 414. Those answers are the platform's, not the gateway's:
 * the cases sending them (a GET with a 70,000-character string, or 3,000 selections) are counted
 * apart, as `refusedBeforeTheGateway`. Anything shorter must reach the gateway and pass its checks.
 */
const WORKERD_URL_LIMIT = 60_000;
const refusedByWorkerd = (request: Request, status: number, text: string) =>
  request.url.length > WORKERD_URL_LIMIT && status === 431 && text === 'ERROR: header too large.';

const READS = (['websocket', 'http'] as const).filter(
  (reads) => !process.env.FUZZ_READS || process.env.FUZZ_READS === reads,
);

if (!databaseUrl) console.warn('[worker fuzz] skipped: TEST_DATABASE_URL is not set');

describe.skipIf(!databaseUrl).each(READS)(
  'fuzz: queries and variables generated from the schema, in workerd, reads over %s',
  (reads) => {
    let worker: WorkerUnderTest;
    let seedData: SeedData;

    /** The request as generated (addressed to http://gateway.test), sent to the Worker's origin. */
    async function send(request: Request): Promise<Response> {
      const url = new URL(request.url);
      const body = request.body ? await request.arrayBuffer() : undefined;
      return fetch(`${worker.origin}${url.pathname}${url.search}`, {
        method: request.method,
        headers: request.headers,
        ...(body && { body }),
        redirect: 'manual',
        signal: AbortSignal.timeout(20_000),
      });
    }

    beforeAll(async () => {
      await prepareDatabase(databaseUrl as string);
      worker = await startWorkerUnderTest({ databaseUrl: databaseUrl as string, reads, vars: { EDITOR_TOKEN } });
      seedData = await readSeedData(send);
    }, 180_000);
    afterAll(async () => {
      await worker?.stop();
    });

    it(
      `${CASES} cases from seed ${SEED}: no 5xx, no internal error, a code on every error, nothing leaked`,
      async () => {
        const run = await runFuzz({
          send,
          seed: SEED,
          cases: CASES,
          seedData,
          tag: `[worker fuzz, reads over ${reads}]`,
          refusedBeforeTheGateway: refusedByWorkerd,
        });
        if (run.failures.length) {
          // What workerd logged about them (the request lines come a moment after the answers).
          await sleep(1_000);
          console.info(`--- wrangler ---\n${worker.output()}`);
        }
        expectClean(
          run,
          `TEST_DATABASE_URL=… FUZZ_READS=${reads} FUZZ_SEED=${SEED} FUZZ_CASES=${CASES} npx vitest run --config vitest.worker.config.ts test/worker/fuzz.e2e.test.ts`,
        );
      },
      Math.max(60_000, CASES * 250),
    );
  },
);
