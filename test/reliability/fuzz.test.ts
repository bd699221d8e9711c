// The schema-driven fuzz (test/reliability/fuzz-cases.ts: the cases, the checks, the loop) against
// the gateway in Node: PGlite, or Postgres with TEST_DATABASE_URL (named statements as in
// production). test/worker/fuzz.e2e.test.ts sends the same cases to the Worker in workerd.
//
// `npm test` runs FUZZ_CASES (2,000) cases from FUZZ_SEED; more on demand:
//   FUZZ_CASES=20000 npx vitest run test/reliability/fuzz.test.ts
//   FUZZ_SEED=7 FUZZ_CASES=500 npx vitest run test/reliability/fuzz.test.ts   (another sequence)
// A failure prints the seed and the case number with its request, so it can be replayed;
// FUZZ_PROFILE=1 prints where the time went (database, gateway) and the slowest cases.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { MemoryStore } from '../../src/cache/memory-store';
import type { DatabaseSource } from '../../src/db/database';
import { createNodePostgresSource } from '../../src/db/node-postgres';
import { createGateway, type Gateway } from '../../src/gateway/gateway';
import { relations } from '../../src/modules';
import { openPglite } from '../support/database';
import { DEFAULT_SEED, EDITOR_TOKEN, expectClean, readSeedData, runFuzz, type SeedData } from './fuzz-cases';

const CASES = Number(process.env.FUZZ_CASES ?? 2_000);
const SEED = Number(process.env.FUZZ_SEED ?? DEFAULT_SEED);

describe('fuzz: queries and variables generated from the schema', () => {
  let source: DatabaseSource;
  let gateway: Gateway;
  const send = (request: Request) => gateway.fetch(request);
  let seedData: SeedData;

  beforeAll(async () => {
    const url = process.env.TEST_DATABASE_URL;
    // Named statements as in production: thousands of distinct reads evict them past 100 a connection.
    source = url ? createNodePostgresSource({ connectionString: url, relations, max: 4 }) : await openPglite();
    gateway = createGateway({
      source,
      store: new MemoryStore(16 * 2 ** 20),
      editorToken: EDITOR_TOKEN,
      // Thousands of uncached reads from one (unknown) address: budgets are test/security/'s subject.
      limits: { anonymousCostPerMinute: Number.MAX_SAFE_INTEGER },
    });
    seedData = await readSeedData(send);
  });

  afterAll(async () => {
    await source?.close();
  });

  it(
    `${CASES} cases from seed ${SEED}: no 5xx, no internal error, a code on every error, nothing leaked`,
    async () => {
      const run = await runFuzz({ send, seed: SEED, cases: CASES, seedData, tag: '[fuzz]' });
      expectClean(run, `FUZZ_SEED=${SEED} FUZZ_CASES=${CASES}`);
    },
    Math.max(60_000, CASES * 30),
  );
});
