// Local entry: `npm start`. Embedded PGlite unless DATABASE_URL is set; seeds PGlite always, Postgres on --seed.
import { MemoryStore } from './cache/memory-store';
import { openNodeSource } from './db/node-source';
import { createGateway } from './gateway/gateway';
import { createNodeServer } from './gateway/node-server';
import { relations } from './modules';
import { seed } from './seed/run';

const port = Number(process.env.PORT ?? 8787);
const source = await openNodeSource(relations);
if (source.kind === 'pglite' || process.argv.includes('--seed')) {
  const counts = await seed(source.admin);
  console.log(`seeded ${counts.articles} articles in ${counts.channels} channels`);
}

const gateway = createGateway({
  source,
  store: new MemoryStore(),
  editorToken: process.env.EDITOR_TOKEN,
  trustedDocumentsOnly: process.env.TRUSTED_DOCUMENTS_ONLY === 'true',
  maxAgeCap: process.env.EDGE_MAX_AGE ? Number(process.env.EDGE_MAX_AGE) : undefined,
});
const server = createNodeServer(gateway);
server.listen(port, () => {
  const db = source.kind === 'pglite' ? 'embedded PGlite' : 'DATABASE_URL';
  console.log(`GraphQL gateway on http://localhost:${port}/graphql (GraphiQL in a browser), database: ${db}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => source.close().finally(() => process.exit(0))));
}
