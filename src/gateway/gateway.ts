import type { IncomingMessage, ServerResponse } from 'node:http';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { GraphQLError } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import type { ResponseStore } from '../cache/store';
import type { Context } from '../context';
import type { DatabaseSource } from '../db/database';
import { modules } from '../modules';
import { type PartnerKey, PartnerKeys } from '../modules/partners/keys';
import { schema } from '../schema';
import { type CostBudget, MemoryBudget, rateLimitHeaders } from './budget';
import { bypassesCache, type Credential, credentialOf, forgeable, type HeaderOf } from './callers';
import { addCorsHeaders, type CorsPolicy, corsHeaders, originAllowed, PUBLIC, preflight } from './cors';
import { useCostLimits } from './cost-limits';
import { Documents } from './documents';
import { andThen, type Caller, EdgeCache } from './edge-cache';
import { maskError, useErrorCodes } from './errors';
import { DEFAULT_LIMITS, type RequestLimits } from './limits';
import { PersistedQueries } from './persisted';
import { playgroundOptions, renderPlayground } from './playground';
import { queryLimits } from './query-limits';
import { encodingOf, NodeBodies, nodeBytes, queryString, type RawParams, tooLarge } from './request';
import { type EarlyAnswer, errorAnswer, toResponse } from './responses';
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
  /** `keys`: introspection (and field suggestions) only for partner keys and editors, as in production; default `open`. */
  introspection?: 'open' | 'keys';
  /** Cost budgets per caller: in memory by default; a Durable Object on the Worker. */
  budget?: CostBudget;
  /** The client's network address, from the platform: Cloudflare's header, Node's socket. */
  clientAddress?(request: Request, serverContext: unknown): string | null;
  /** The clock, in ms since the epoch (tests move it). */
  now?: () => number;
  /** Secrets the modules read from their context (COMMENT_SECRET signs comment forms). */
  secrets?: Readonly<Record<string, string | undefined>>;
}

/** What the platform offers a request: the Worker's `ctx.waitUntil`; Node's adapter has its own. */
export interface Platform {
  waitUntil?(promise: Promise<unknown>): void;
}

/** What Yoga gets besides the request: the platform's, and the parameters Node's adapter read already. */
type ServerContext = Platform & { preRead?: RawParams; arrived?: number };

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

function unauthenticated(accept: string | null, message: string): EarlyAnswer {
  const answer = errorAnswer(accept, 401, message, 'UNAUTHENTICATED');
  return { ...answer, headers: { ...answer.headers, 'www-authenticate': 'Bearer' } };
}

function csrfRefusal(accept: string | null): EarlyAnswer {
  return errorAnswer(
    accept,
    403,
    'A form or text POST must carry an `x-graphql-csrf: 1` header (browsers send it only after a CORS preflight); or send `application/json`.',
    'CSRF_HEADER_REQUIRED',
  );
}

const UNKNOWN_KEY = 'This key is unknown or revoked: ask the portal for a key, or send no key to read as the public.';

/** The peer of the socket a request came on, when Yoga's Node adapter is in front (its server context holds `req`). */
export function nodePeerAddress(serverContext: unknown): string | null {
  return (serverContext as { req?: IncomingMessage }).req?.socket?.remoteAddress ?? null;
}

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
  const secrets = options.secrets ?? {};
  const documents = new Documents(limits);
  const persisted = new PersistedQueries();
  // Node's request bodies by their bytes, with their text and what they resolve to (NodeBodies).
  const nodeBodies = new NodeBodies(8 * 2 ** 20);
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
  const keys = new PartnerKeys(now);
  const budget = options.budget ?? new MemoryBudget();
  const introspectionClosed = (request: Request) => {
    if (options.introspection !== 'keys') return false;
    const state = stateOf(request);
    return !state || !(state.editor || state.partner);
  };

  /**
   * Who may read the response from another origin: anyone, unless a partner key was sent, whose
   * registered origins then decide (the key as checked on a miss, or as remembered on a hit; a hit
   * for a key not checked lately is public data served as to anyone).
   */
  const corsPolicyOf = (credential: Credential, checked: PartnerKey | null): CorsPolicy => {
    if (credential.kind !== 'partner') return PUBLIC;
    const key = checked ?? keys.known(credential.secret);
    return key ? { kind: 'origins', origins: key.origins } : PUBLIC;
  };

  /** Refusals decided by the headers alone, before the cache: malformed or known-bad credentials, a forgeable POST. */
  const refusalOf = (method: string, header: HeaderOf, credential: Credential): EarlyAnswer | null => {
    const accept = header('accept') ?? null;
    if (credential.kind === 'refused') return unauthenticated(accept, credential.reason);
    if (credential.kind === 'partner' && keys.known(credential.secret) === null)
      return unauthenticated(accept, UNKNOWN_KEY);
    if (forgeable(method, header)) return csrfRefusal(accept);
    return null;
  };

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
      if (request.method === 'OPTIONS') {
        return endResponse(toResponse(fetchAPI.Response, preflight(request.headers.get('origin'))));
      }
      const header: HeaderOf = (name) => request.headers.get(name);
      const credential = credentialOf(header, options.editorToken);
      const refusal = refusalOf(request.method, header, credential);
      if (refusal) {
        const headers = { ...refusal.headers, ...corsHeaders(request.headers.get('origin'), PUBLIC) };
        return endResponse(toResponse(fetchAPI.Response, refused({ ...refusal, headers }, performance.now())));
      }
      const state = new RequestState(
        now(),
        options.source,
        credential,
        options.clientAddress?.(request, serverContext) ?? null,
        limits.anonymousCostPerMinute,
        (serverContext as ServerContext).arrived,
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
      const headers = response.headers;
      const cors = corsHeaders(request.headers.get('origin'), corsPolicyOf(state.credential, state.partner));
      // `Vary: Origin` joins the response's own `Vary: Accept` rather than replacing it.
      for (const [name, value] of Object.entries(cors)) {
        if (name === 'vary') headers.append(name, value);
        else headers.set(name, value);
      }
      if (state.charge)
        for (const [name, value] of Object.entries(rateLimitHeaders(state.charge))) headers.set(name, value);
      if (state.decorated) return;
      headers.set('x-cache', state.cacheStatus);
      headers.set('server-timing', serverTimingHeader(state));
      if (state.cacheStatus === 'BYPASS' || !headers.has('cache-control')) {
        headers.set('cache-control', 'private, no-store');
      }
    },
  };

  /**
   * A partner key is checked when its request is to execute (a miss): against the keys checked in
   * the last minute, else with one statement. An unknown or revoked key is refused; a browser page
   * on an origin the key does not list is refused too. If the database cannot say, the request
   * goes on as anonymous, so a stale copy can still be served.
   */
  const partnerAccess: Plugin = {
    onRequest({ request, endResponse, fetchAPI }) {
      const state = stateOf(request);
      if (state?.credential.kind !== 'partner') return;
      const accept = request.headers.get('accept');
      const origin = request.headers.get('origin');
      const secret = state.credential.secret;
      const checked = keys.known(secret) ?? keys.check(state.session.db, secret).catch(() => undefined);
      return andThen(checked, (key) => {
        if (key === undefined) return;
        const refuse = (answer: EarlyAnswer) => {
          // Requests waiting on this miss's key must not wait for an execution that will not happen.
          state.pending?.settle();
          state.pending = undefined;
          endResponse(toResponse(fetchAPI.Response, refused(answer, state.started)));
        };
        if (key === null) return refuse(unauthenticated(accept, UNKNOWN_KEY));
        if (origin && !originAllowed(origin, key.origins)) {
          const answer = errorAnswer(
            accept,
            403,
            `This key may be used from ${key.origins.length ? key.origins.join(', ') : 'servers only (no browser origin)'}; not from ${origin}.`,
            'ORIGIN_NOT_ALLOWED',
          );
          return refuse(answer);
        }
        state.partner = key;
      });
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
    // CORS is the gateway's own (src/gateway/cors.ts): per-key origins, and the Node adapter's hits.
    cors: false,
    renderGraphiQL: renderPlayground,
    plugins: [
      lifecycle,
      useErrorCodes(),
      limitedParse,
      usePersistedOperations<Record<never, never>>({
        // Texts were resolved by the edge cache already; this decides who may run a text that is not
        // a trusted document (one an editor registered included).
        allowArbitraryOperations: (request) => {
          const state = stateOf(request);
          if (!state) return false;
          return state.editor || state.trusted || (!trustedOnly && !state.partner?.trustedOnly);
        },
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
      partnerAccess,
      ...queryLimits(limits, introspectionClosed),
      useCostLimits({ maxCost: limits.cost, budget, stateOf }),
    ],
    context: ({ request }): Context => {
      const state = stateOf(request);
      if (!state) throw new Error('a request reached execution without its state');
      return {
        db: state.session.db,
        writer: () => state.session.writer(),
        cache: state.hints,
        editor: state.editor,
        client: { address: state.address, partnerId: state.partner?.id ?? null },
        purge: (tags) => options.store.purge(tags),
        now: new Date(state.now),
        secrets,
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
    if (!NODE_GRAPHQL_PATH.test(url)) return yoga(req, res);
    const header: HeaderOf = (name) => {
      const value = headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    };
    const credential = credentialOf(header, options.editorToken);
    // Refusals are Yoga's to answer, as is anything but a GET or POST. Editors and previews are
    // read here as everyone is (and timed from then on), then go to Yoga without a cache lookup.
    if (refusalOf(req.method ?? '', header, credential)) return yoga(req, res);
    const bypass = bypassesCache(credential);
    const accept = headers.accept ?? null;
    const cors = corsHeaders(headers.origin, corsPolicyOf(credential, null));
    // With the length given, Node sends the body in the same write as the headers, not chunked.
    // Every answer sent here was built for this response, so its headers are completed in place:
    // copying a dozen headers into a new object cost a quarter of a hit's time (measured).
    const send = (answer: EarlyAnswer) => {
      const headers = answer.headers;
      addCorsHeaders(headers, cors);
      if (answer.body !== null) {
        const length = typeof answer.body === 'string' ? Buffer.byteLength(answer.body) : answer.body.byteLength;
        headers['content-length'] = String(length);
      }
      res.writeHead(answer.status, headers).end(answer.body);
    };
    let raw: RawParams | null | Promise<RawParams | null> = null;
    if (req.method === 'GET') raw = queryString(url);
    else if (req.method === 'POST') {
      const encoding = encodingOf(headers['content-type']);
      if (!encoding) return yoga(req, res);
      if (Number(headers['content-length']) > limits.bodyBytes) return send(refused(tooLarge(accept, limits), started));
      // An editor's or a preview's body is not remembered: it is never answered from the cache, and
      // a large write would push out the public bodies that make repeated POSTs cheap hits.
      raw = nodeBytes(req, limits.bodyBytes).then((bytes) => {
        if (bytes === null) return null;
        return bypass ? { encoding, text: bytes.toString('utf8') } : nodeBodies.read(bytes, encoding);
      });
    } else return yoga(req, res);
    // A client that hangs up halfway through its body (Node's `aborted` error), or anything
    // unexpected on the way, ends this response alone, never the process.
    // (`req.destroyed` would not tell: Node destroys a request once its body is read.)
    const failed = (error: unknown) => {
      if (req.errored || res.destroyed) return void res.destroy();
      console.error(`[gateway] a request failed before Yoga: ${String(error)}`);
      if (res.headersSent) return void res.destroy();
      try {
        send(errorAnswer(accept, 500, 'Unexpected error.', 'INTERNAL_SERVER_ERROR'));
      } catch {
        res.destroy();
      }
    };
    try {
      const answered = andThen(raw, answer);
      if (answered instanceof Promise) answered.catch(failed);
    } catch (error) {
      failed(error);
    }

    function answer(read: RawParams | null) {
      // Server-Timing counts from here, hit or miss: the request is in, and waiting for a slow
      // client's body is the network's time, not the gateway's.
      const received = performance.now();
      if (read === null) return send(refused(tooLarge(accept, limits), received));
      if (bypass) return yoga(req, res, { preRead: read, arrived: received });
      const resolution = edgeCache.resolve(read, ANONYMOUS, accept);
      if ('error' in resolution) return send(refused(resolution.error, received));
      if (!('key' in resolution) || !resolution.key) return yoga(req, res, { preRead: read, arrived: received });
      const timing = { started: received, now: now(), cacheStatus: 'HIT' as const };
      return andThen(edgeCache.peek(resolution.key, timing.now), (fresh) => {
        if (!fresh) return yoga(req, res, { preRead: read, arrived: received });
        const ifNoneMatch = headers['if-none-match'] ?? null;
        send(edgeCache.answer(fresh, 'fresh', { accept, ifNoneMatch }, timing));
      });
    }
  }

  return {
    fetch: (request, platform) => Promise.resolve(yoga.fetch(request, platform ?? {})),
    handleNodeRequest,
  };
}
