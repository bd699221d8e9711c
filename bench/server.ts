import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Headers of a request that must reach the database. Requests with credentials are never answered
 * from (nor stored in) the edge cache, so `uncached` mode sends a dummy bearer token: it is not an
 * editor token, so the request stays an anonymous read in every other respect.
 */
export const UNCACHED_HEADERS: Record<string, string> = {
  'content-type': 'application/json',
  accept: 'application/graphql-response+json',
  authorization: 'Bearer bench-uncached',
};

/** Anonymous request headers: what a browser sends, answered from the edge cache when there is one. */
export const ANONYMOUS_HEADERS: Record<string, string> = {
  'content-type': 'application/json',
  accept: 'application/graphql-response+json',
};

/** Starts `server` on a free port of 127.0.0.1. */
export async function listen(server: Server): Promise<{ url: string; close: () => Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
