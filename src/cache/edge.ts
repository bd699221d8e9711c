import { type DocumentNode, getOperationAST, parse, stripIgnoredCharacters } from 'graphql';
import { QueryMetrics } from '../db/metrics';
import { hasCredentials, isEditorRequest } from '../http/editor-auth';
import { serverTimingHeader } from '../http/server-timing';
import type { RequestEnvironment, YogaServer } from '../http/yoga';
import { canonicalJson, type GraphQLParams, readGraphQLParams } from './graphql-params';
import { CacheHints } from './hints';
import { type PersistedQueryStore, sha256Hex, trustedDocuments, trustedNormalized } from './persisted';
import type { CachedResponse, ResponseStore } from './store';

export interface EdgeCacheOptions {
  store: ResponseStore;
  persisted: PersistedQueryStore;
  /** Anonymous callers may only run the operations of schema/operations/. */
  trustedDocumentsOnly?: boolean;
  /** How long a response is kept past its freshness, to be served if the database fails. Seconds. */
  staleFor?: number;
  /** Seconds a client should wait before retrying when there is neither database nor copy. */
  retryAfter?: number;
  /** Upper bound on any response's freshness, in seconds (an operations knob; also used by tests). */
  maxAgeCap?: number;
}

type XCache = 'HIT' | 'MISS' | 'STALE' | 'BYPASS';

/** What executing a missed query came to: an entry to serve (fresh or last good), or a response not to cache. */
type Outcome =
  | { entry: CachedResponse; state: 'fresh' | 'stale'; xCache: XCache; metrics: QueryMetrics }
  | { entry?: undefined; body: string; status: number; headers: Headers; metrics: QueryMetrics };

const JSON_TYPE = 'application/graphql-response+json; charset=utf-8';

/**
 * The edge cache in front of Yoga, shared by the Worker and the Node entry. Anonymous queries are
 * answered from the store while fresh (no SQL at all), executed and stored otherwise, and served
 * from the last good copy when the database fails. Persisted queries are resolved here, before
 * Yoga, because the cache key has to be known before anything runs.
 */
export function createEdgeCache(yoga: YogaServer, options: EdgeCacheOptions) {
  const { store, persisted } = options;
  const staleFor = options.staleFor ?? 86_400;
  const retryAfter = options.retryAfter ?? 5;
  // Parsing and normalising once per distinct text keeps both off the hit path.
  const parsed = new Map<string, { document: DocumentNode; normalized: string } | null>();
  const inFlight = new Map<string, Promise<Outcome>>();

  function parseCached(query: string) {
    let entry = parsed.get(query);
    if (entry === undefined) {
      try {
        entry = { document: parse(query), normalized: stripIgnoredCharacters(query) };
      } catch {
        entry = null;
      }
      if (parsed.size > 2_000) parsed.clear();
      parsed.set(query, entry);
    }
    return entry;
  }

  async function run(request: Request, env: RequestEnvironment, hints?: CacheHints) {
    const metrics = new QueryMetrics();
    const response = await yoga.fetch(request, { ...env, metrics, hints });
    return { response, metrics };
  }

  return async function handle(request: Request, env: RequestEnvironment): Promise<Response> {
    const started = performance.now();
    const finish = (response: Response, xCache: XCache, metrics: QueryMetrics | null) => {
      const headers = new Headers(response.headers);
      headers.set('x-cache', xCache);
      headers.set('server-timing', serverTimingHeader(metrics, performance.now() - started, xCache));
      if (xCache === 'BYPASS' || !headers.has('cache-control')) headers.set('cache-control', 'private, no-store');
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
    };
    const bypass = async (forwarded: Request = request) => {
      const { response, metrics } = await run(forwarded, env);
      return finish(response, 'BYPASS', metrics);
    };

    if (new URL(request.url).pathname.replace(/\/+$/, '') !== '/graphql') return bypass();
    // Only a verified editor may run documents outside the trusted list; any other credential merely skips the cache.
    const restricted = !!options.trustedDocumentsOnly && !isEditorRequest(request, env.editorToken);
    const params = await readGraphQLParams(request);
    if (params === 'malformed') {
      return finish(
        graphqlError(400, '`variables` and `extensions` must be JSON objects.', 'BAD_REQUEST'),
        'BYPASS',
        null,
      );
    }
    if (!params) {
      // Other encodings (application/graphql, forms) would reach Yoga unchecked: not where only trusted documents run.
      if (restricted && request.method !== 'GET') {
        const message = 'Send the operation as GET parameters or as a JSON body (`content-type: application/json`).';
        return finish(graphqlError(415, message, 'UNSUPPORTED_MEDIA_TYPE'), 'BYPASS', null);
      }
      return bypass();
    }

    const anonymous = !hasCredentials(request);
    const resolved = await resolvePersisted(params, persisted, restricted);
    if ('error' in resolved) return finish(resolved.error, 'BYPASS', null);
    const { query } = resolved;
    if (!query) return bypass();

    const source = parseCached(query);
    const operation = source && getOperationAST(source.document, params.operationName);
    // Yoga answers the rest itself: syntax errors, mutations (405 over GET), and anything with credentials.
    const forwarded = withResolvedQuery(request, params, query);
    if (!anonymous || !source || !operation || operation.operation !== 'query') return bypass(forwarded);

    const key = await sha256Hex(
      `${source.normalized}\n${params.operationName ?? ''}\n${canonicalJson(params.variables ?? {})}`,
    );
    const cached = await store.get(key);
    if (cached && Date.now() < cached.storedAt + cached.maxAge * 1000) {
      return finish(cachedResponse(request, cached, 'fresh'), 'HIT', null);
    }

    // Concurrent misses for one key share a single execution; each caller renders its own response.
    let pending = inFlight.get(key);
    if (!pending) {
      pending = execute(forwarded, env, key, cached).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    const outcome = await pending;
    if (outcome.entry)
      return finish(cachedResponse(request, outcome.entry, outcome.state), outcome.xCache, outcome.metrics);
    return finish(
      new Response(outcome.body, { status: outcome.status, headers: outcome.headers }),
      'MISS',
      outcome.metrics,
    );
  };

  async function execute(
    request: Request,
    env: RequestEnvironment,
    key: string,
    cached: CachedResponse | undefined,
  ): Promise<Outcome> {
    const hints = new CacheHints();
    const { response, metrics } = await run(request, env, hints);
    const body = await response.text();
    const result = safeJson(body);
    const errors: { extensions?: { code?: string } }[] = result?.errors ?? [];
    if (response.status >= 500 || errors.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) {
      if (cached) return { entry: cached, state: 'stale', xCache: 'STALE', metrics };
      const headers = new Headers(response.headers);
      headers.set('retry-after', String(retryAfter));
      return { body, status: 503, headers, metrics };
    }
    if (response.status !== 200 || errors.length > 0 || !result?.data) {
      return { body, status: response.status, headers: response.headers, metrics };
    }
    const entry: CachedResponse = {
      body,
      etag: `"${(await sha256Hex(body)).slice(0, 32)}"`,
      tags: [...hints.tags],
      maxAge: Math.min(hints.maxAge, options.maxAgeCap ?? Number.POSITIVE_INFINITY),
      storedAt: Date.now(),
    };
    await store.put(key, entry, entry.maxAge + staleFor);
    return { entry, state: 'fresh', xCache: 'MISS', metrics };
  }

  function cachedResponse(request: Request, entry: CachedResponse, state: 'fresh' | 'stale'): Response {
    const age = Math.max(0, Math.floor((Date.now() - entry.storedAt) / 1000));
    // The same body serves both media types; legacy clients that only accept JSON get `application/json`.
    const accepted = request.headers.get('accept')?.includes('application/graphql-response+json');
    const headers = new Headers({
      'content-type': accepted ? JSON_TYPE : 'application/json; charset=utf-8',
      vary: 'Accept',
      etag: entry.etag,
      'cache-control':
        state === 'fresh'
          ? `public, max-age=${Math.max(0, entry.maxAge - age)}, stale-if-error=${staleFor}`
          : 'public, max-age=0, must-revalidate',
      'cache-tag': entry.tags.join(','),
      age: String(age),
    });
    if (state === 'stale') headers.set('warning', '110 - "Response is Stale"');
    const matches = request.headers
      .get('if-none-match')
      ?.split(',')
      .some((tag) => tag.trim().replace(/^W\//, '') === entry.etag);
    return matches ? new Response(null, { status: 304, headers }) : new Response(entry.body, { status: 200, headers });
  }
}

function safeJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function graphqlError(status: number, message: string, code: string): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': JSON_TYPE, 'cache-control': 'private, no-store' },
  });
}

/**
 * Automatic persisted queries (Apollo's protocol, also spoken by urql) and trusted documents:
 * a hash alone is looked up, a hash with its text is checked and remembered.
 */
async function resolvePersisted(
  params: GraphQLParams,
  persisted: PersistedQueryStore,
  trustedOnly: boolean,
): Promise<{ query: string | undefined } | { error: Response }> {
  const hash = params.extensions?.persistedQuery?.sha256Hash;
  let query = params.query;
  if (hash) {
    if (!query) {
      query = persisted.get(hash);
      if (!query) return { error: graphqlError(200, 'PersistedQueryNotFound', 'PERSISTED_QUERY_NOT_FOUND') };
    } else if ((await sha256Hex(query)) !== hash) {
      return { error: graphqlError(400, 'provided sha does not match query', 'PERSISTED_QUERY_HASH_MISMATCH') };
    } else if (!trustedOnly) {
      persisted.set(hash, query);
    }
  }
  if (trustedOnly && query !== undefined && !(await isTrusted(query, hash))) {
    return {
      error: graphqlError(
        403,
        'This deployment runs only its published operations (schema/operations/): send one of them, or its sha256Hash as a persisted query.',
        'TRUSTED_DOCUMENT_REQUIRED',
      ),
    };
  }
  return { query };
}

async function isTrusted(query: string, hash: string | undefined): Promise<boolean> {
  if (trustedDocuments.has(hash ?? (await sha256Hex(query)))) return true;
  try {
    return trustedNormalized.has(await sha256Hex(stripIgnoredCharacters(query)));
  } catch {
    return false; // not even GraphQL
  }
}

/** Hands Yoga the full text of a persisted query, keeping the method (so a GET mutation is still a 405). */
function withResolvedQuery(request: Request, params: GraphQLParams, query: string): Request {
  if (params.query === query) return request;
  if (request.method === 'GET') {
    const url = new URL(request.url);
    url.searchParams.set('query', query);
    url.searchParams.delete('extensions');
    return new Request(url, { headers: request.headers, method: 'GET' });
  }
  const { extensions: _extensions, ...rest } = params;
  return new Request(request.url, {
    method: 'POST',
    headers: request.headers,
    body: JSON.stringify({ ...rest, query }),
  });
}
