import { createServer, type Server } from 'node:http';
import type { DatabaseSource } from '../db/database';
import { createGateway } from '../gateway';
import { servePlaygroundAsset } from './node-assets';

/** The gateway on Node's HTTP server: `/` redirects to the playground, `/graphiql/*` serves its files. */
export function createNodeServer(source: DatabaseSource): Server {
  const gateway = createGateway();
  return createServer(async (req, res) => {
    if (req.url === '/' || req.url === '') {
      res.writeHead(302, { location: '/graphql' }).end();
      return;
    }
    if (await servePlaygroundAsset(req, res)) return;
    await gateway.handle(req, res, { source });
  });
}
