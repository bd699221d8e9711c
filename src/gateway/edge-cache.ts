import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { canonicalJson, responseKey, sha256Hex } from '../cache/keys';
import type { CachedResponse, ResponseStore } from '../cache/store';
import { TextMemo } from '../cache/text-memo';
import { DatabaseUnavailableError } from '../db/errors';
import type { ModuleRoute } from '../shared/module';
import { type Documents, operationKind } from './documents';
import { causedBy, RETRY_AFTER_SECONDS } from './errors';
import type { RequestLimits } from './limits';
import { type PersistedQueries, persistedHash } from './persisted';
import { type Encoding, type GraphQLParams, parseParams, type RawParams, readRawParams, wellFormed } from './request';
import { type EarlyAnswer, errorAnswer, responseMediaType, toResponse } from './responses';
import { serverTimingHeader, type Timing } from './server-timing';
import type { PendingEntry, RequestState } from './state';

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

/** Who sends a request, as far as caching and persisted queries care. */
export interface Caller {
  /** Credentials of any kind: never answered from, nor stored in, the shared cache. */
  credentials: boolean;
  /** The deployment's editor token. */
  editor: boolean;
}

/** What a request's parameters resolve to; remembered per distinct query string or body. */
export interface Resolution {
  params: GraphQLParams;
  trusted: boolean;
  /** The cache key, when the request is a query the edge cache may answer. */
  key: string | null;
}

/** What the headers of one request decide about a stored response sent to it. */
export interface Recipient {
  accept: string | null;
  ifNoneMatch: string | null;
}

/** A fresh entry to send, or a miss to execute (the last good copy kept for a database failure). */
export type Lookup = { fresh: CachedResponse } | { miss: PendingEntry };

const utf8 = new TextEncoder();

/** `f(value)`, at once when the value is at hand, after it settles when it is a promise. */
export function andThen<T, R>(value: T | Promise<T>, f: (value: T) => R | Promise<R>): R | Promise<R> {
  return value instanceof Promise ? value.then(f) : f(value);
}

/**
 * The edge cache. A request's parameters are read once and resolved (persisted query, document
 * facts, cache key) once per distinct text; a fresh stored answer goes out before anything is
 * parsed; a miss is executed by Yoga on the parameters already read, serialized once, stored as
 * exactly those bytes and sent; a database failure gets the last good copy. The Yoga hooks below
 * are the pipeline; Node's adapter asks `resolve` and `lookup` first too (src/gateway/gateway.ts).
 */
export class EdgeCache {
  // Distinct query strings and bodies seen lately, with what they resolved to: a repeated request
  // is answered without parsing its JSON again. Bounded in bytes like every cache here.
  private readonly memos = new Map<Encoding, TextMemo<Resolution>>([
    ['query-string', new TextMemo(4 * 2 ** 20)],
    ['json', new TextMemo(4 * 2 ** 20)],
    ['form', new TextMemo(2 ** 20)],
    ['graphql', new TextMemo(2 ** 20)],
  ]);
  // The same parameters object (Node's adapter hands back the one a repeated body got) resolves the
  // same way: found by identity, without even a look at its text.
  private readonly resolved = new WeakMap<RawParams, Resolution>();
  private readonly inFlight = new Map<string, Promise<CachedResponse | undefined>>();

  constructor(private readonly options: EdgeCacheOptions) {}

  /** Parameters as sent → what they ask for; refusals (malformed, too deep, a wrong hash) as answers. */
  resolve(
    raw: RawParams,
    caller: Caller,
    accept: string | null,
  ): Resolution | { params: GraphQLParams } | { error: EarlyAnswer } {
    const { documents, persisted, limits } = this.options;
    const known = this.resolved.get(raw);
    if (known) return known;
    const memo = this.memos.get(raw.encoding);
    const remembered = memo?.get(raw.text);
    if (remembered) {
      if (raw.lasting) this.resolved.set(raw, remembered);
      return remembered;
    }
    const read = parseParams(raw, limits, accept);
    if ('error' in read) return read;
    const { params } = read;
    if (!wellFormed(params)) return { params };
    let remember = true;
    const hash = persistedHash(params.extensions);
    let query = params.query;
    if (hash && typeof query === 'string') {
      // Automatic persisted queries: the client registers a document by sending it with its hash.
      if (sha256Hex(query) !== hash) {
        return {
          error: errorAnswer(accept, 400, 'provided sha does not match query', 'PERSISTED_QUERY_HASH_MISMATCH'),
        };
      }
      // Where only trusted documents run, only an editor registers; the resolution is then not
      // remembered, so the next sender of the same text is judged (and registers) on its own.
      if (this.options.trustedDocumentsOnly && !caller.editor) remember = false;
      else persisted.register(hash, query);
    } else if (hash && query === undefined) {
      query = persisted.lookup(hash);
      // Unknown hash: Yoga's persisted-operations plugin answers PersistedQueryNotFound.
      if (query === undefined) return { params };
    }
    if (typeof query !== 'string') return { params };
    const parsed = documents.factsOf(query);
    if (!parsed) return { params: { ...params, query }, trusted: false, key: null };
    const { facts } = parsed;
    const operationName = typeof params.operationName === 'string' ? params.operationName : undefined;
    const variables = params.variables ?? {};
    const cacheable =
      operationKind(facts, operationName) === 'query' &&
      !facts.introspects &&
      typeof variables === 'object' &&
      !Array.isArray(variables);
    const resolution: Resolution = {
      params: { ...params, query },
      trusted: persisted.isTrusted(facts),
      key: cacheable ? responseKey(facts.id, operationName, canonicalJson(variables, limits.variablesDepth)) : null,
    };
    if (remember) {
      memo?.set(raw.text, resolution);
      if (raw.lasting) this.resolved.set(raw, resolution);
    }
    return resolution;
  }

  /** The fresh entry under `key`, if there is one; registers nothing (Node's adapter asks this first). */
  peek(key: string, now: number): CachedResponse | undefined | Promise<CachedResponse | undefined> {
    return andThen(this.options.store.get(key), (entry) =>
      entry && now < entry.storedAt + entry.maxAge * 1000 ? entry : undefined,
    );
  }

  /**
   * The fresh entry under `key`, or a miss for the caller to execute. Concurrent misses for one key
   * share a single execution: later ones wait for the first and are answered with its entry.
   */
  lookup(key: string, now: number): Lookup | Promise<Lookup> {
    return andThen(this.options.store.get(key), (entry): Lookup | Promise<Lookup> => {
      if (entry && now < entry.storedAt + entry.maxAge * 1000) return { fresh: entry };
      const running = this.inFlight.get(key);
      if (!running) return { miss: this.pendingFor(key, entry) };
      return running.then((shared) => (shared ? { fresh: shared } : { miss: this.pendingFor(key, entry) }));
    });
  }

  private pendingFor(key: string, stale: CachedResponse | undefined): PendingEntry {
    let settle: (entry?: CachedResponse) => void = () => {};
    const promise = new Promise<CachedResponse | undefined>((resolve) => {
      settle = (entry) => {
        this.inFlight.delete(key);
        resolve(entry);
      };
    });
    this.inFlight.set(key, promise);
    return { key, stale, settle };
  }

  /** Stores the bytes a miss sends, once serialized; the store's own write may finish later. */
  store(
    pending: PendingEntry,
    content: { body: string; tags: Iterable<string>; maxAge: number; contentType?: string },
    state: RequestState,
  ): CachedResponse {
    const body = utf8.encode(content.body);
    const tags = [...content.tags];
    const entry: CachedResponse = {
      body,
      etag: `"${sha256Hex(body).slice(0, 32)}"`,
      tags,
      tagHeader: tags.join(','),
      maxAge: Math.min(content.maxAge, this.options.maxAgeCap ?? Number.POSITIVE_INFINITY),
      storedAt: state.now,
      ...(content.contentType && { contentType: content.contentType }),
    };
    state.waitUntil(
      Promise.resolve(this.options.store.put(pending.key, entry, entry.maxAge + this.options.staleFor)).catch(
        (error: unknown) => console.error(`[edge-cache] could not store a response: ${String(error)}`),
      ),
    );
    pending.settle(entry);
    return entry;
  }

  /**
   * A stored response as sent to one client: its media type, its age, or a 304 when the client has
   * it. Every header is set here, the request's own included, so the response goes out as built.
   */
  answer(entry: CachedResponse, freshness: 'fresh' | 'stale', to: Recipient, timing: Timing): EarlyAnswer {
    const age = Math.max(0, Math.floor((timing.now - entry.storedAt) / 1000));
    const headers: Record<string, string> = {
      'content-type': entry.contentType ?? responseMediaType(to.accept),
      vary: 'Accept',
      etag: entry.etag,
      'cache-control':
        freshness === 'fresh'
          ? `public, max-age=${Math.max(0, entry.maxAge - age)}, stale-if-error=${this.options.staleFor}`
          : 'public, max-age=0, must-revalidate',
      'cache-tag': entry.tagHeader,
      age: String(age),
      'x-cache': timing.cacheStatus,
      'server-timing': serverTimingHeader(timing),
    };
    if (freshness === 'stale') headers.warning = '110 - "Response is Stale"';
    const matches = to.ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === entry.etag);
    return matches ? { status: 304, headers, body: null } : { status: 200, headers, body: entry.body };
  }

  /**
   * A module's HTTP resource (ModuleRoute), cached like a GraphQL read: a fresh copy, else the
   * module's answer stored with its tags and lifetime; the last good copy, or a 503, when the
   * database fails.
   */
  async route(route: ModuleRoute, request: Request, state: RequestState): Promise<EarlyAnswer> {
    const url = new URL(request.url);
    const key = responseKey('route', url.pathname, url.search);
    const to: Recipient = { accept: null, ifNoneMatch: request.headers.get('if-none-match') };
    let pending: PendingEntry | undefined;
    if (!state.credentials) {
      state.cacheStatus = 'MISS';
      const found = await this.lookup(key, state.now);
      if ('fresh' in found) {
        state.cacheStatus = 'HIT';
        return this.answer(found.fresh, 'fresh', to, state);
      }
      pending = found.miss;
    }
    try {
      const answer = await route.get({ url, db: state.session.db, now: new Date(state.now) });
      if (!answer) {
        pending?.settle();
        return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Not Found' };
      }
      if (!pending) {
        return { status: 200, headers: { 'content-type': answer.contentType }, body: answer.body };
      }
      return this.answer(this.store(pending, answer, state), 'fresh', to, state);
    } catch (error) {
      pending?.settle();
      const stale = pending?.stale;
      if (causedBy(error, DatabaseUnavailableError)) {
        if (stale) {
          state.cacheStatus = 'STALE';
          return this.answer(stale, 'stale', to, state);
        }
        return {
          status: 503,
          headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': String(RETRY_AFTER_SECONDS) },
          body: 'The news database is temporarily unavailable; retry in a few seconds.',
        };
      }
      console.error(error);
      return { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Unexpected error.' };
    }
  }

  /**
   * The edge cache as Yoga hooks, on the request's state: `onRequest` reads, resolves and answers a
   * fresh copy before Yoga parses anything (synchronously when the data is at hand: a GET, a store in
   * memory); `onRequestParse` hands Yoga the parameters already read; `onResultProcess` stores and
   * sends a miss's bytes, or the last good copy when the database failed.
   */
  plugin(stateOf: (request: Request) => RequestState | undefined): Plugin {
    const recipient = (request: Request): Recipient => ({
      accept: request.headers.get('accept'),
      ifNoneMatch: request.headers.get('if-none-match'),
    });
    return {
      onRequest: ({ request, endResponse, fetchAPI, serverContext }) => {
        const state = stateOf(request);
        if (!state) return;
        const send = (answer: EarlyAnswer) => {
          state.decorated = 'x-cache' in answer.headers;
          endResponse(toResponse(fetchAPI.Response, answer));
        };
        // Node's adapter may have read the parameters already (see gateway.ts).
        const preRead = (serverContext as { preRead?: RawParams }).preRead;
        return andThen(preRead ?? readRawParams(request, this.options.limits), (raw): void | Promise<void> => {
          // A POST of a media type read nowhere (XML, multipart: there are no uploads) gets an error
          // with a code, not Yoga's empty 415; other methods are Yoga's to refuse (405).
          if (raw === null) {
            if (request.method !== 'POST') return;
            return send(
              errorAnswer(
                request.headers.get('accept'),
                415,
                'Send the request as application/json (or application/graphql, or a form).',
                'UNSUPPORTED_MEDIA_TYPE',
              ),
            );
          }
          if ('error' in raw) return send(raw.error);
          const resolution = this.resolve(raw, state, request.headers.get('accept'));
          if ('error' in resolution) return send(resolution.error);
          state.params = resolution.params;
          if (!('key' in resolution)) return;
          state.trusted = resolution.trusted;
          const { key } = resolution;
          if (!key || state.credentials) return;
          state.cacheStatus = 'MISS';
          return andThen(this.lookup(key, state.now), (found) => {
            if ('miss' in found) {
              state.pending = found.miss;
              return;
            }
            state.cacheStatus = 'HIT';
            send(this.answer(found.fresh, 'fresh', recipient(request), state));
          });
        });
      },

      onRequestParse: ({ request, setRequestParser }) => {
        const params = stateOf(request)?.params;
        // Yoga takes anything with a `then` for a promise: a body like `{"query": …, "then": 1}`
        // (badly formed, for Yoga to refuse with a 400) goes to it inside a real one.
        if (params) setRequestParser(() => (wellFormed(params) ? params : Promise.resolve(params)) as never);
      },

      onResultProcess: ({ request, result, setResultProcessor }) => {
        const state = stateOf(request);
        const pending = state?.pending;
        if (!state || !pending) return;
        state.pending = undefined;
        const single = result as ExecutionResult;
        if (Array.isArray(result) || typeof single !== 'object' || Symbol.asyncIterator in single) {
          pending.settle();
          return;
        }
        const mediaType = responseMediaType(request.headers.get('accept'));
        const unavailable = single.errors?.some((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE');
        if (unavailable || single.errors?.length || !single.data) {
          pending.settle();
          const stale = pending.stale;
          if (unavailable && stale) {
            state.cacheStatus = 'STALE';
            setResultProcessor((_result, fetchAPI) => {
              state.decorated = true;
              return toResponse(fetchAPI.Response, this.answer(stale, 'stale', recipient(request), state));
            }, mediaType);
          }
          return;
        }
        setResultProcessor((_result, fetchAPI) => {
          const { hints } = state;
          const body = JSON.stringify(single);
          const entry = this.store(pending, { body, tags: hints.tags, maxAge: hints.maxAge }, state);
          state.decorated = true;
          return toResponse(fetchAPI.Response, this.answer(entry, 'fresh', recipient(request), state));
        }, mediaType);
      },
    };
  }
}
