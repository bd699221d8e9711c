import { readFileSync } from 'node:fs';
import { MemoryStore } from '../src/cache/memory-store';
import { createNodePostgresSource } from '../src/db/node-postgres';
import { createGateway } from '../src/gateway/gateway';
import { relations } from '../src/modules';

const source = createNodePostgresSource({
  connectionString: 'postgres://postgres@127.0.0.1:5432/bench_10k',
  relations,
});
const gateway = createGateway({ source, store: new MemoryStore() });
const body = JSON.stringify({
  query: readFileSync('schema/operations/ArticlePage.graphql', 'utf8'),
  variables: JSON.parse(readFileSync('schema/operations/ArticlePage.variables.json', 'utf8')),
});
const make = () =>
  new Request('http://127.0.0.1/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body,
  });
const first = await gateway.fetch(make());
await first.arrayBuffer();
for (let round = 0; round < 4; round++) {
  const n = 20000;
  const t = performance.now();
  for (let i = 0; i < n; i++) {
    const r = await gateway.fetch(make());
    await r.arrayBuffer();
  }
  console.log(`${(((performance.now() - t) / n) * 1000).toFixed(1)} µs per hit`);
}
await source.close();
