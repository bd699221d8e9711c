import { createEdgeCache } from './cache/edge';
import { PersistedQueryStore } from './cache/persisted';
import type { ResponseStore } from './cache/store';
import { createYogaServer, type RequestEnvironment } from './http/yoga';

export interface GatewayOptions {
  /** Where the edge cache keeps responses: memory on Node, the Cache API on the Worker. */
  store: ResponseStore;
  /** Anonymous callers may run only the operations in schema/operations/. */
  trustedDocumentsOnly?: boolean;
  /** Seconds a response is kept past its freshness, to be served while the database is down. */
  staleFor?: number;
  /** Upper bound on any response's freshness, in seconds (EDGE_MAX_AGE). */
  maxAgeCap?: number;
}

export interface Gateway {
  fetch(request: Request, env: RequestEnvironment): Promise<Response>;
}

/**
 * Everything between a request and the database, shared by the Worker and the Node entry:
 * the edge cache with persisted queries in front, Yoga with the schema behind.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const yoga = createYogaServer();
  const handle = createEdgeCache(yoga, {
    store: options.store,
    persisted: new PersistedQueryStore(),
    trustedDocumentsOnly: options.trustedDocumentsOnly,
    staleFor: options.staleFor,
    maxAgeCap: options.maxAgeCap,
  });
  return {
    fetch: (request, env) => handle(request, { ...env, purge: env.purge ?? ((tags) => options.store.purge(tags)) }),
  };
}
