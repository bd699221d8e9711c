import type { IncomingMessage, ServerResponse } from 'node:http';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { GraphQLError } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import type { ResponseStore } from '../cache/store';
import type { Context } from '../context';
import type { DatabaseSource } from '../db/database';
import { modules } from '../modules';
import { schema } from '../schema';
import { hasCredentials, isEditorRequest } from './credentials';
import { Documents } from './documents';
import { andThen, type Caller, EdgeCache } from './edge-cache';
import { maskError, useErrorCodes } from './errors';
import { DEFAULT_LIMITS, type RequestLimits } from './limits';
import { PersistedQueries } from './persisted';
import { playgroundOptions, renderPlayground } from './playground';
import { encodingOf, nodeText, queryString, type RawParams, tooLarge } from './request';
import { type EarlyAnswer, toResponse } from './responses';
import { serverTimingHeader } from './server-timing';
import { RequestState } from './state';

export interface GatewayOptions {
  source: DatabaseSource;
  /** Where the edge cache keeps responses: memory on Node, the Cache API on the Worker. */
  store: ResponseStore;
  /** Bearer token of the editor mutations; unset, editing is off. */
  editorToken?: string;
  /** Anonymous callers may run only the operations in schema/operations/. */
  trustedDocumentsOnly?: boolean;
  /** Seconds a response is kept past its freshness, to be served while the database is down. */
  staleFor?: number;
  /** Upper bound on any response's freshness, in seconds (EDGE_MAX_AGE). */
  maxAgeCap?: number;
  limits?: Partial<RequestLimits>;
  /** The clock, in ms since the epoch (tests move it). */
  now?: () => number;
}

/** What the platform offers a request: the Worker's `ctx.waitUntil`; Node's adapter has its own. */
export interface Platform {
  waitUntil?(promise: Promise<unknown>): void;
}

/** What Yoga gets besides the request: the platform's, and the parameters Node's adapter read already. */
type ServerContext = Platform & { preRead?: RawParams };

export interface Gateway {
  fetch(request: Request, platform?: Platform): Promise<Response>;
  /** The same handler as a Node `request` listener (Yoga's own Node adapter). */
  handleNodeRequest(req: IncomingMessage, res: ServerResponse): void;
}

const NODE_GRAPHQL_PATH = /^\/graphql\/?(\?|$)/;
const GRAPHQL_URL = /^https?:\/\/[^/]+\/graphql\/?(\?|$)/;

/** The path of a URL, without parsing all of it. */
function pathOf(url: string): string {
  const path = url.replace(/^https?:\/\/[^/]+/, '');
  const end = path.search(/[?#]/);
  return end < 0 ? path : path.slice(0, end);
}
const ANONYMOUS: Caller = { credentials: false, editor: false };

/** A refusal answered before Yoga, with the headers every response carries. */
function refused(answer: EarlyAnswer, started: number): EarlyAnswer {
  const timing = serverTimingHeader({ started, now: 0, cacheStatus: 'BYPASS' });
  return { ...answer, headers: { ...answer.headers, 'x-cache': 'BYPASS', 'server-timing': timing } };
}

function trustedDocumentRequired() {
  return new GraphQLError(
    'This deployment runs only its published operations (schema/operations/): send one of them, or its sha256Hash as a persisted query.',
    { extensions: { code: 'TRUSTED_DOCUMENT_REQUIRED', http: { status: 403 } } },
  );
}

/**
 * The request path, shared by the Worker and the Node entry: Yoga with the schema and these
 * plugins, in this order: the request's lifecycle (state, statement meter, response headers),
 * error codes, persisted operations, the edge cache. A request is read once, its persisted query
 * resolved once, its document parsed and validated once (and remembered), the cache consulted
 * before anything executes, and a miss stored as the bytes that were sent.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const trustedOnly = !!options.trustedDocumentsOnly;
  const now = options.now ?? (() => Date.now());
  const documents = new Documents(limits);
  const persisted = new PersistedQueries();
  const states = new WeakMap<Request, RequestState>();
  const routes = new Map(modules.flatMap((module) => module.routes ?? []).map((route) => [route.path, route]));
  const edgeCache = new EdgeCache({
    store: options.store,
    documents,
    persisted,
    limits,
    trustedDocumentsOnly: trustedOnly,
    staleFor: options.staleFor ?? 86_400,
    maxAgeCap: options.maxAgeCap,
  });
  const stateOf = (request: Request) => states.get(request);

  // Every parse goes through the limits (nesting, tokens) and the shared document cache.
  const limitedParse: Plugin = { onParse: ({ setParseFn }) => setParseFn(documents.parser) };

  /** A request's state from arrival to response (its statement meter, its cache status). */
  const lifecycle: Plugin = {
    onRequest({ request, serverContext, endResponse, fetchAPI }) {
      // Yoga takes any URL that ends in /graphql; this gateway serves /graphql and the modules' routes alone.
      const route = GRAPHQL_URL.test(request.url) ? undefined : routes.get(pathOf(request.url));
      if (!route && !GRAPHQL_URL.test(request.url)) {
        return endResponse(new fetchAPI.Response('Not Found', { status: 404 }));
      }
      const state = new RequestState(
        now(),
        options.source,
        isEditorRequest(request, options.editorToken),
        hasCredentials(request),
      );
      const waitUntil = (serverContext as Platform).waitUntil;
      if (waitUntil) state.waitUntil = (promise) => waitUntil.call(serverContext, promise);
      states.set(request, state);
      if (route) {
        if (request.method !== 'GET' && request.method !== 'HEAD') {
          return endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        }
        return edgeCache.route(route, request, state).then((answer) => {
          state.decorated = 'x-cache' in answer.headers;
          endResponse(toResponse(fetchAPI.Response, request.method === 'HEAD' ? { ...answer, body: null } : answer));
        });
      }
    },
    onResponse({ request, response }) {
      const state = stateOf(request);
      if (!state) return;
      const ended = state.end();
      if (ended) state.waitUntil(ended);
      if (state.decorated) return;
      const headers = response.headers;
      headers.set('x-cache', state.cacheStatus);
      headers.set('server-timing', serverTimingHeader(state));
      if (state.cacheStatus === 'BYPASS' || !headers.has('cache-control')) {
        headers.set('cache-control', 'private, no-store');
      }
    },
  };

  const yoga = createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    maskedErrors: { maskError },
    // The edge cache reads every request body itself, within `limits.bodyBytes`; no uploads.
    maxRequestBodySize: false,
    multipart: false,
    parserAndValidationCache: {
      documentCache: documents,
      errorCache: new LRUCache<string, Error>({
        maxSize: 2 * 2 ** 20,
        sizeCalculation: (_e, text) => 2 * text.length + 256,
      }),
    },
    graphiql: playgroundOptions,
    renderGraphiQL: renderPlayground,
    plugins: [
      lifecycle,
      useErrorCodes(),
      limitedParse,
      usePersistedOperations<Record<never, never>>({
        // Texts were resolved by the edge cache already; this decides who may run a text that is not
        // a trusted document (one an editor registered included).
        allowArbitraryOperations: (request) =>
          !trustedOnly || !!stateOf(request)?.editor || !!stateOf(request)?.trusted,
        getPersistedOperation: (hash) => persisted.lookup(hash) ?? null,
        customErrors: {
          notFound: { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
          keyNotFound: {
            message: 'Send a `query`, or the hash of a persisted one in `extensions.persistedQuery`.',
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          },
          persistedQueryOnly: trustedDocumentRequired,
        },
      }),
      edgeCache.plugin(stateOf),
    ],
    context: ({ request }): Context => {
      const state = stateOf(request);
      if (!state) throw new Error('a request reached execution without its state');
      return {
        db: state.session.db,
        writer: () => state.session.writer(),
        cache: state.hints,
        editor: state.editor,
        purge: (tags) => options.store.purge(tags),
        now: new Date(state.now),
      };
    },
  });

  /**
   * Node's adapter first asks the edge cache for a fresh copy, on Node's own request: a hit then
   * costs what a plain `node:http` server costs (the fetch API's request and response objects are
   * most of a hit's time on Node), and is answered exactly as the Yoga hook would answer it.
   * Everything else, misses included, goes to Yoga with the parameters already read.
   */
  function handleNodeRequest(req: IncomingMessage, res: ServerResponse) {
    const started = performance.now();
    const url = req.url ?? '';
    const headers = req.headers;
    if (!NODE_GRAPHQL_PATH.test(url) || headers.authorization || headers['x-preview']) return yoga(req, res);
    const accept = headers.accept ?? null;
    const send = (answer: EarlyAnswer) => res.writeHead(answer.status, answer.headers).end(answer.body);
    let raw: RawParams | null | Promise<RawParams | null> = null;
    if (req.method === 'GET') raw = queryString(url);
    else if (req.method === 'POST') {
      const encoding = encodingOf(headers['content-type']);
      if (!encoding) return yoga(req, res);
      if (Number(headers['content-length']) > limits.bodyBytes) return send(refused(tooLarge(accept, limits), started));
      raw = nodeText(req, limits.bodyBytes).then((text) => (text === null ? null : { encoding, text }));
    } else return yoga(req, res);
    andThen(raw, (read) => {
      if (read === null) return send(refused(tooLarge(accept, limits), started));
      const resolution = edgeCache.resolve(read, ANONYMOUS, accept);
      if ('error' in resolution) return send(refused(resolution.error, started));
      if (!('key' in resolution) || !resolution.key) return yoga(req, res, { preRead: read });
      const timing = { started, now: now(), cacheStatus: 'HIT' as const };
      return andThen(edgeCache.peek(resolution.key, timing.now), (fresh) => {
        if (!fresh) return yoga(req, res, { preRead: read });
        const ifNoneMatch = headers['if-none-match'] ?? null;
        send(edgeCache.answer(fresh, 'fresh', { accept, ifNoneMatch }, timing));
      });
    });
  }

  return {
    fetch: (request, platform) => Promise.resolve(yoga.fetch(request, platform ?? {})),
    handleNodeRequest,
  };
}
