// Benchmark peer: PostGraphile v4 as a library, with its default options, on node:http.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_10k PORT=5678 node bench/peers/postgraphile/server.mjs
//
// Prints one JSON line `{"ready":true,"url":"http://127.0.0.1:PORT/graphql"}` on stdout once the
// schema is built and the port listens (PORT=0 picks a free port; the line says which), and exits
// with code 0 on SIGTERM or SIGINT after closing the server and the pool.
//
// Options are PostGraphile's defaults except two, neither of which changes how a query is planned,
// compiled or executed:
// - `disableQueryLog: true`: the default logs one line per request to stderr;
// - a pool of 10 connections, like the gateway (pg's own default is 10 too; it is set explicitly).
// No watch mode, no GraphiQL, no dynamicJson, no extra plugins. Prepared statements stay at
// PostGraphile's default (an LRU of 100 named statements per connection); the environment variable
// POSTGRAPHILE_PREPARED_STATEMENT_CACHE_SIZE, which graphile-build-pg reads itself at import time,
// passes through untouched: any value below 2 (e.g. 0) disables them (see
// node_modules/graphile-build-pg/node8plus/pgPrepareAndRun.js).
import { createServer } from 'node:http';
import graphileUtils from 'graphile-utils';
import { postgraphile } from 'postgraphile';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('postgraphile peer: set DATABASE_URL');
  process.exit(2);
}
const port = Number(process.env.PORT ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`postgraphile peer: PORT must be an integer from 0 to 65535; got ${process.env.PORT}`);
  process.exit(2);
}

// Default options but one smart tag: the gateway has both an enum `related_weight` and a table
// `related_weights`, which PostGraphile would both name RelatedWeight (it refuses to start).
const renames = graphileUtils.makeJSONPgSmartTagsPlugin({
  version: 1,
  config: { class: { related_weights: { tags: { name: 'related_weight_rows' } } } },
});

const handler = postgraphile({ connectionString: databaseUrl, max: 10 }, 'public', {
  disableQueryLog: true,
  appendPlugins: [renames],
});

// Build the schema (introspection) before saying ready, so the first measured request does not pay it.
await handler.getGraphQLSchema();

const server = createServer(handler);
server.keepAliveTimeout = 60_000;
await new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(port, '127.0.0.1', resolve);
});
const address = server.address();
const actualPort = typeof address === 'object' && address ? address.port : port;
process.stdout.write(`${JSON.stringify({ ready: true, url: `http://127.0.0.1:${actualPort}/graphql` })}\n`);

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  const timer = setTimeout(() => {
    console.error(`postgraphile peer: still closing 5 s after ${signal}; exiting`);
    process.exit(1);
  }, 5000);
  timer.unref();
  try {
    await new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await handler.release(); // ends the pg pool
    process.exit(0);
  } catch (error) {
    console.error('postgraphile peer: error while closing', error);
    process.exit(1);
  }
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
