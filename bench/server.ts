import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The editor token the benchmark gives the gateway it starts (EDITOR_TOKEN of the child, the
 * `editorToken` of in-process gateways), new for every run. An editor's request is never answered
 * from (nor stored in) the edge cache and is not charged against the cost budgets, and its reads
 * run the same SQL as anyone's: the uncached path. (A bearer token that is neither the editor's
 * nor a partner key is refused with 401; `x-preview` also skips the cache, but is charged, so a
 * load from one address soon gets 429.)
 */
export const BENCH_EDITOR_TOKEN = `bench-${randomBytes(18).toString('base64url')}`;

/** Headers of a request that must reach the database: the editor's (see BENCH_EDITOR_TOKEN). */
export const UNCACHED_HEADERS: Record<string, string> = {
  'content-type': 'application/json',
  accept: 'application/graphql-response+json',
  authorization: `Bearer ${BENCH_EDITOR_TOKEN}`,
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
