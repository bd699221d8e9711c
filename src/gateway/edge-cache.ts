import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import { canonicalJson, responseKey, sha256Hex } from '../cache/keys';
import type { CachedResponse, ResponseStore } from '../cache/store';
import { type Documents, operationKind } from './documents';
import type { RequestLimits } from './limits';
import { type PersistedQueries, persistedHash } from './persisted';
import { type GraphQLParams, readGraphQLRequest } from './request';
import { type ResponseConstructor, responseMediaType } from './responses';
import type { PendingEntry, RequestState, ServerContext } from './state';

export interface EdgeCacheOptions {
  store: ResponseStore;
  documents: Documents;
  persisted: PersistedQueries;
  limits: RequestLimits;
  /** Anonymous callers may only run the operations of schema/operations/. */
  trustedDocumentsOnly: boolean;
  /** Seconds a response is kept past its freshness, to be served if the database fails. */
  staleFor: number;
  /** Upper bound on any response's freshness, in seconds (EDGE_MAX_AGE). */
  maxAgeCap?: number;
}

/** What a request's parameters resolve to; remembered per distinct query string or body. */
interface Resolution {
  params: GraphQLParams;
  trusted: boolean;
  /** The cache key, when the request is a query the edge cache may answer. */
  key: string | null;
}

const GRAPHQL_PATH = /^https?:\/\/[^/]+\/graphql\/?(\?|$)/;

/**
 * The edge cache, as Yoga hooks. `onRequest` reads the parameters once, resolves a persisted query
 * and answers a fresh copy before Yoga parses anything; on a miss Yoga is handed the same
 * parameters (`onRequestParse`), and `onResultProcess` serializes the result once, stores exactly
 * those bytes and sends them, or serves the last good copy when the database failed.
 */
export function useEdgeCache(options: EdgeCacheOptions): Plugin<Record<string, unknown>, ServerContext> {
  const { store, documents, persisted, limits } = options;
  // Distinct query strings and bodies seen lately, with what they resolved to: a repeated request
  // is answered without parsing its JSON again. Bounded in bytes like every cache here.
  const resolutions = new LRUCache<string, Resolution>({
    maxSize: 8 * 2 ** 20,
    sizeCalculation: (_value, raw) => 4 * raw.length + 256,
  });
  const inFlight = new Map<string, Promise<CachedResponse | undefined>>();

  function resolve(
    raw: string,
    params: GraphQLParams,
    state: RequestState,
    Response: ResponseConstructor,
  ): Resolution | { error: Response } | null {
    const remembered = state.credentials ? undefined : resolutions.get(raw);
    if (remembered) return remembered;
    const hash = persistedHash(params.extensions);
    let query = params.query;
    if (hash && typeof query === 'string') {
      // Automatic persisted queries: the client registers a document by sending it with its hash.
      const registering = !options.trustedDocumentsOnly || state.editor;
      if (sha256Hex(query) !== hash) return { error: mismatch(state, Response) };
      if (registering) persisted.register(hash, query);
    } else if (hash && query === undefined) {
      query = persisted.lookup(hash);
      // Unknown hash: Yoga's persisted-operations plugin answers PersistedQueryNotFound.
      if (query === undefined) return null;
    }
    if (typeof query !== 'string') return null;
    const parsed = documents.factsOf(query);
    if (!parsed) return { params: { ...params, query }, trusted: false, key: null };
    const { facts } = parsed;
    const operationName = typeof params.operationName === 'string' ? params.operationName : undefined;
    const variables = params.variables ?? {};
    const cacheable =
      operationKind(facts, operationName) === 'query' && typeof variables === 'object' && !Array.isArray(variables);
    const resolution: Resolution = {
      params: { ...params, query },
      trusted: persisted.isTrusted(facts),
      key: cacheable ? responseKey(facts.id, operationName, canonicalJson(variables, limits.variablesDepth)) : null,
    };
    if (!state.credentials) resolutions.set(raw, resolution);
    return resolution;
  }

  function mismatch(state: RequestState, Response: ResponseConstructor) {
    state.cacheStatus = 'BYPASS';
    return new Response(
      JSON.stringify({
        errors: [
          { message: 'provided sha does not match query', extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' } },
        ],
      }),
      {
        status: 400,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'private, no-store' },
      },
    );
  }

  function fresh(entry: CachedResponse | undefined, now: number): entry is CachedResponse {
    return !!entry && now < entry.storedAt + entry.maxAge * 1000;
  }

  /** Registers a miss so concurrent requests for the same key wait for it instead of running it too. */
  function pendingFor(key: string, stale: CachedResponse | undefined): PendingEntry {
    let settle: (entry?: CachedResponse) => void = () => {};
    const promise = new Promise<CachedResponse | undefined>((resolve) => {
      settle = (entry) => {
        inFlight.delete(key);
        resolve(entry);
      };
    });
    inFlight.set(key, promise);
    return { key, stale, settle };
  }

  return {
    async onRequest({ request, endResponse, serverContext, fetchAPI }) {
      const state = serverContext.state;
      if (!GRAPHQL_PATH.test(request.url)) return;
      const read = await readGraphQLRequest(request, limits, fetchAPI.Response);
      // Anything else (another method or media type) is Yoga's to refuse.
      if (read === null) return;
      if ('error' in read) return endResponse(read.error);
      state.params = read.params;
      const resolution = resolve(read.raw, read.params, state, fetchAPI.Response);
      if (resolution && 'error' in resolution) return endResponse(resolution.error);
      if (!resolution) return;
      state.params = resolution.params;
      state.trusted = resolution.trusted;
      const { key } = resolution;
      if (!key || state.credentials) return;

      state.cacheStatus = 'MISS';
      let entry = await store.get(key);
      if (!fresh(entry, state.now)) {
        const running = inFlight.get(key);
        const shared = running && (await running);
        if (!shared) {
          state.pending = pendingFor(key, entry);
          return;
        }
        entry = shared;
      }
      state.cacheStatus = 'HIT';
      endResponse(cachedResponse(fetchAPI.Response, request, entry, 'fresh', state.now, options.staleFor));
    },

    onRequestParse({ serverContext, setRequestParser }) {
      const params = serverContext.state?.params;
      if (params) setRequestParser(() => params as never);
    },

    onResultProcess({ request, result, serverContext, setResultProcessor }) {
      const state = (serverContext as Partial<ServerContext>).state;
      const pending = state?.pending;
      if (!state || !pending) return;
      state.pending = undefined;
      const single = result as ExecutionResult;
      if (Array.isArray(result) || typeof single !== 'object' || Symbol.asyncIterator in single) {
        pending.settle();
        return;
      }
      const unavailable = single.errors?.some((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE');
      if (unavailable || single.errors?.length || !single.data) {
        pending.settle();
        const stale = pending.stale;
        if (unavailable && stale) {
          state.cacheStatus = 'STALE';
          setResultProcessor(
            (_result, fetchAPI) =>
              cachedResponse(fetchAPI.Response, request, stale, 'stale', state.now, options.staleFor),
            responseMediaType(request),
          );
        }
        return;
      }
      setResultProcessor((_result, fetchAPI) => {
        const body = JSON.stringify(single);
        const { hints } = state;
        const entry: CachedResponse = {
          body,
          etag: `"${sha256Hex(body).slice(0, 32)}"`,
          tags: [...hints.tags],
          maxAge: Math.min(hints.maxAge, options.maxAgeCap ?? Number.POSITIVE_INFINITY),
          storedAt: state.now,
        };
        state.waitUntil(
          store.put(pending.key, entry, entry.maxAge + options.staleFor).catch((error: unknown) => {
            console.error(`[edge-cache] could not store a response: ${String(error)}`);
          }),
        );
        pending.settle(entry);
        return cachedResponse(fetchAPI.Response, request, entry, 'fresh', state.now, options.staleFor);
      }, responseMediaType(request));
    },
  };
}

/** A stored response as sent to one client: its media type, its age, or a 304 when the client has it. */
function cachedResponse(
  Response: ResponseConstructor,
  request: Request,
  entry: CachedResponse,
  state: 'fresh' | 'stale',
  now: number,
  staleFor: number,
): Response {
  const age = Math.max(0, Math.floor((now - entry.storedAt) / 1000));
  const headers: Record<string, string> = {
    'content-type': responseMediaType(request),
    vary: 'Accept',
    etag: entry.etag,
    'cache-control':
      state === 'fresh'
        ? `public, max-age=${Math.max(0, entry.maxAge - age)}, stale-if-error=${staleFor}`
        : 'public, max-age=0, must-revalidate',
    'cache-tag': entry.tags.join(','),
    age: String(age),
  };
  if (state === 'stale') headers.warning = '110 - "Response is Stale"';
  const ifNoneMatch = request.headers.get('if-none-match');
  const matches = ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === entry.etag);
  return matches ? new Response(null, { status: 304, headers }) : new Response(entry.body, { status: 200, headers });
}
