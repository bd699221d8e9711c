// Local entry: `npm start`. Embedded PGlite unless DATABASE_URL is set; seeds PGlite always, Postgres on --seed.
import { createServer } from 'node:http';
import { openNodeSource } from './db/node-source';
import { createGateway } from './gateway';
import { servePlaygroundAsset } from './http/node-assets';
import { seed } from './seed/run';

const port = Number(process.env.PORT ?? 8787);
const source = await openNodeSource();
if (source.kind === 'pglite' || process.argv.includes('--seed')) {
  const counts = await seed(source.admin);
  console.log(`seeded ${counts.articles} articles in ${counts.channels} channels`);
}

const gateway = createGateway();
const server = createServer(async (req, res) => {
  if (req.url === '/' || req.url === '') {
    res.writeHead(302, { location: '/graphql' }).end();
    return;
  }
  if (await servePlaygroundAsset(req, res)) return;
  await gateway.handleNodeRequestAndResponse(req, res, { source });
});

server.listen(port, () => {
  const db = source.kind === 'pglite' ? 'embedded PGlite' : 'DATABASE_URL';
  console.log(`GraphQL gateway on http://localhost:${port}/graphql (GraphiQL in a browser), database: ${db}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => source.close().finally(() => process.exit(0))));
}
