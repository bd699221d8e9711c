import { createServer, type Server } from 'node:http';
import { createServerAdapter } from '@whatwg-node/server';
import { MemoryStore } from '../cache/memory-store';
import type { DatabaseSource } from '../db/database';
import { createGateway } from '../gateway';
import { servePlaygroundAsset } from './node-assets';

export interface NodeServerOptions {
  editorToken?: string;
  trustedDocumentsOnly?: boolean;
  maxAgeCap?: number;
}

/**
 * The gateway on Node's HTTP server, with an in-memory edge cache: `/` redirects to the playground,
 * `/graphiql/*` serves its files, everything else goes through the same fetch handler as the Worker.
 */
export function createNodeServer(source: DatabaseSource, options: NodeServerOptions = {}): Server {
  const gateway = createGateway({
    store: new MemoryStore(),
    trustedDocumentsOnly: options.trustedDocumentsOnly,
    maxAgeCap: options.maxAgeCap,
  });
  // Yoga's own Node adapter, turning Node's request and response into fetch's.
  const adapter = createServerAdapter((request: Request) =>
    gateway.fetch(request, { source, editorToken: options.editorToken }),
  );
  return createServer(async (req, res) => {
    if (req.url === '/' || req.url === '') {
      res.writeHead(302, { location: '/graphql' }).end();
      return;
    }
    if (await servePlaygroundAsset(req, res)) return;
    await adapter(req, res);
  });
}
