import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql 16 has no `exports` map: Node loads its CommonJS build for the packages vitest leaves to
// Node (Pothos, Yoga), while Vite would pick its ESM build for our code. One copy for both.
const graphqlCjs = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlCjs }] },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/worker/**', '**/node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    // Files share a worker's module cache: the schema and the libraries load once per worker, not
    // once per file (that was a third of the suite's CPU). Two workers: many files wait on timers,
    // sockets and child processes, so two keep both cores busy where the default (cores − 1) idles one.
    isolate: false,
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
