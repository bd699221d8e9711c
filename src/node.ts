// Local entry: `npm start`. Embedded PGlite unless DATABASE_URL is set; seeds PGlite always, Postgres on --seed.
// First: a V8 option that must be set before the request path's code runs (src/gateway/node-heap.ts).
import './gateway/node-heap';
import { MemoryStore } from './cache/memory-store';
import { openNodeSource } from './db/node-source';
import { createGateway, nodePeerAddress } from './gateway/gateway';
import { createNodeServer } from './gateway/node-server';
import { relations } from './modules';
import { DEV_COMMENT_SECRET } from './modules/comments/form-token';
import { createKey } from './modules/partners/admin';
import { seed } from './seed/run';

const port = Number(process.env.PORT ?? 8787);
const source = await openNodeSource(relations);
let playgroundKey: string | undefined;
if (source.kind === 'pglite' || process.argv.includes('--seed')) {
  const counts = await seed(source.admin);
  console.log(`seeded ${counts.articles} articles in ${counts.channels} channels`);
}
if (source.kind === 'pglite') {
  // The embedded database lives as long as this process: a key to try partner access with.
  const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  playgroundKey = (await createKey(source.admin, { name: 'playground (embedded database)', origins })).secret;
}

const gateway = createGateway({
  source,
  store: new MemoryStore(),
  editorToken: process.env.EDITOR_TOKEN,
  trustedDocumentsOnly: process.env.TRUSTED_DOCUMENTS_ONLY === 'true',
  maxAgeCap: process.env.EDGE_MAX_AGE ? Number(process.env.EDGE_MAX_AGE) : undefined,
  // Development is open to introspection; a production Node server is as closed as the Worker.
  introspection: process.env.NODE_ENV === 'production' ? 'keys' : 'open',
  clientAddress: (_request, serverContext) => nodePeerAddress(serverContext),
  // The embedded database is a development one: comments work there without configuration.
  secrets: {
    COMMENT_SECRET: process.env.COMMENT_SECRET ?? (source.kind === 'pglite' ? DEV_COMMENT_SECRET : undefined),
  },
});
const server = createNodeServer(gateway);
server.listen(port, () => {
  const db = source.kind === 'pglite' ? 'embedded PGlite' : 'DATABASE_URL';
  console.log(`GraphQL gateway on http://localhost:${port}/graphql (GraphiQL in a browser), database: ${db}`);
  if (playgroundKey) console.log(`a partner key to try (x-api-key header): ${playgroundKey}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => source.close().finally(() => process.exit(0))));
}
