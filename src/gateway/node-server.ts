import { createServer, type Server } from 'node:http';
import { createServerAdapter } from '@whatwg-node/server';
import type { Gateway } from './gateway';
import { servePlaygroundAsset } from './node-assets';

/**
 * The gateway on Node's HTTP server: `/` redirects to the playground, `/graphiql/*` serves its
 * files, everything else goes through the same fetch handler as the Worker.
 */
export function createNodeServer(gateway: Gateway): Server {
  // Yoga's own Node adapter, turning Node's request and response into fetch's.
  const adapter = createServerAdapter((request: Request) => gateway.fetch(request));
  return createServer(async (req, res) => {
    if (req.url === '/' || req.url === '') {
      res.writeHead(302, { location: '/graphql' }).end();
      return;
    }
    if (req.url?.startsWith('/graphiql/') && (await servePlaygroundAsset(req, res))) return;
    await adapter(req, res);
  });
}
