import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests of the Cloudflare Worker under `wrangler dev` (workerd), reaching a real
 * Postgres through the WebSocket relay (and Neon's HTTP path through its local stand-in):
 * `npm run test:worker` with TEST_DATABASE_URL. Kept apart from `npm test` (whose config excludes
 * test/worker/**): it spawns wrangler and takes several seconds to start.
 */
export default defineConfig({
  // One graphql for the code vitest transforms and the packages Node loads (see vitest.config.ts).
  resolve: { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }] },
  test: {
    include: ['test/worker/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 30_000,
    // Migrations, seed, asset copy and wrangler's first build all happen in beforeAll.
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});
