import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { GraphQLError } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import type { ResponseStore } from '../cache/store';
import type { Context } from '../context';
import type { DatabaseSource } from '../db/database';
import { meterStorage } from '../db/meter';
import { schema } from '../schema';
import { hasCredentials, isEditorRequest } from './credentials';
import { Documents } from './documents';
import { useEdgeCache } from './edge-cache';
import { maskError, useErrorCodes } from './errors';
import { DEFAULT_LIMITS, type RequestLimits } from './limits';
import { PersistedQueries } from './persisted';
import { playgroundOptions, renderPlayground } from './playground';
import { serverTimingHeader } from './server-timing';
import { RequestState, type ServerContext } from './state';

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

function trustedDocumentRequired() {
  return new GraphQLError(
    'This deployment runs only its published operations (schema/operations/): send one of them, or its sha256Hash as a persisted query.',
    { extensions: { code: 'TRUSTED_DOCUMENT_REQUIRED', http: { status: 403 } } },
  );
}

/** What the platform offers a request: the Worker's `ctx.waitUntil`, or nothing on Node. */
export interface Platform {
  waitUntil?(promise: Promise<unknown>): void;
}

export interface Gateway {
  fetch(request: Request, platform?: Platform): Promise<Response>;
}

/**
 * The request path, shared by the Worker and the Node entry: Yoga with the schema, and these
 * plugins in this order: error codes, persisted operations, the edge cache. A request is read once,
 * its persisted query resolved once, its document parsed and validated once (and remembered), the
 * cache consulted before anything executes, and a miss stored as the bytes that were sent.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const trustedOnly = !!options.trustedDocumentsOnly;
  const now = options.now ?? (() => Date.now());
  const documents = new Documents(limits);
  const persisted = new PersistedQueries();
  const states = new WeakMap<Request, RequestState>();
  const stateOf = (request: Request) => states.get(request);

  const plugins: (Plugin | Plugin<Record<string, unknown>, ServerContext>)[] = [
    useErrorCodes(),
    usePersistedOperations<Record<never, never>>({
      // Texts were resolved by the edge cache already; this decides who may run a text that is not
      // a trusted document (one an editor registered included).
      allowArbitraryOperations: (request) => !trustedOnly || !!stateOf(request)?.editor || !!stateOf(request)?.trusted,
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
    useEdgeCache({
      store: options.store,
      documents,
      persisted,
      limits,
      trustedDocumentsOnly: trustedOnly,
      staleFor: options.staleFor ?? 86_400,
      maxAgeCap: options.maxAgeCap,
    }),
  ];

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
    plugins,
    context: ({ state }): Context => ({
      db: state.session.db,
      writer: () => state.session.writer(),
      cache: state.hints,
      editor: state.editor,
      purge: (tags) => options.store.purge(tags),
      now: new Date(state.now),
    }),
  });

  return {
    async fetch(request, platform = {}) {
      const session = options.source.session();
      const waitUntil = (promise: Promise<unknown>) => {
        if (platform.waitUntil) platform.waitUntil(promise);
        else promise.catch(() => {});
      };
      const state = new RequestState(
        now(),
        session,
        isEditorRequest(request, options.editorToken),
        hasCredentials(request),
        waitUntil,
      );
      states.set(request, state);
      try {
        const response = await meterStorage.run(state.meter, () => yoga.fetch(request, { state }));
        const headers = response.headers;
        headers.set('x-cache', state.cacheStatus);
        headers.set('server-timing', serverTimingHeader(state));
        if (state.cacheStatus === 'BYPASS' || !headers.has('cache-control')) {
          headers.set('cache-control', 'private, no-store');
        }
        return response;
      } finally {
        if (session.end) waitUntil(session.end());
      }
    },
  };
}
