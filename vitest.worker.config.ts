import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests of the Cloudflare Worker under `wrangler dev` (workerd), reaching a real
 * Postgres through the WebSocket relay: `npm run test:worker` with TEST_DATABASE_URL set.
 * Kept apart from `npm test` (whose config excludes test/worker/**): it spawns wrangler and takes
 * several seconds to start.
 */
export default defineConfig({
  test: {
    include: ['test/worker/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    // Migrations, seed, asset copy and wrangler's first build all happen in beforeAll.
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});
