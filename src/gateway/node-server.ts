import { createServer, type Server } from 'node:http';
import type { Gateway } from './gateway';
import { servePlaygroundAsset } from './node-assets';

/**
 * The gateway on Node's HTTP server: `/` redirects to the playground, `/graphiql/*` serves its
 * files, everything else goes straight to Yoga's Node handler, the same pipeline as the Worker.
 */
export function createNodeServer(gateway: Gateway): Server {
  return createServer((req, res) => {
    if (req.url === '/' || req.url === '') {
      res.writeHead(302, { location: '/graphql' }).end();
      return;
    }
    if (req.url?.startsWith('/graphiql/')) {
      servePlaygroundAsset(req, res).then(
        (served) => {
          if (!served) gateway.handleNodeRequest(req, res);
        },
        (error: unknown) => {
          console.error(`[playground] could not serve ${req.url}: ${String(error)}`);
          if (res.headersSent) res.destroy();
          else res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Internal Server Error');
        },
      );
      return;
    }
    gateway.handleNodeRequest(req, res);
  });
}
