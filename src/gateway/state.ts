import { CacheHints } from '../cache/hints';
import type { CachedResponse } from '../cache/store';
import type { DatabaseSession, DatabaseSource } from '../db/database';
import { StatementMeter } from '../db/meter';
import type { GraphQLParams } from './request';

export type CacheStatus = 'HIT' | 'MISS' | 'STALE' | 'BYPASS';

/** A miss being executed, whose answer the edge cache may store. */
export interface PendingEntry {
  key: string;
  /** The last good copy, to serve if the database fails. */
  stale?: CachedResponse;
  /** Settles the miss for requests waiting on the same key. */
  settle(entry?: CachedResponse): void;
}

/** Everything the gateway knows of one request, from its arrival to its response. */
export class RequestState {
  readonly started = performance.now();
  readonly meter = new StatementMeter();
  cacheStatus: CacheStatus = 'BYPASS';
  /** Parameters read once by the edge cache; Yoga is given them instead of reading the body again. */
  params?: GraphQLParams;
  /** The document is one of schema/operations/ (trusted documents). */
  trusted = false;
  pending?: PendingEntry;
  /** The response was built with this request's own headers (x-cache, server-timing) already. */
  decorated = false;
  private hintsValue?: CacheHints;
  private sessionValue?: DatabaseSession;

  constructor(
    readonly now: number,
    private readonly source: DatabaseSource,
    /** The request shows the editor token. */
    readonly editor: boolean,
    /** The request carries credentials: it is never answered from, nor stored in, the shared cache. */
    readonly credentials: boolean,
  ) {}

  /** Work that may finish after the response (the platform's `waitUntil` once the request starts). */
  waitUntil: (promise: Promise<unknown>) => void = (promise) => {
    promise.catch(() => {});
  };

  /** The request's database session, opened when it first needs one (a cache hit never does). */
  get session(): DatabaseSession {
    this.sessionValue ??= this.source.session(this.meter);
    return this.sessionValue;
  }

  /** Closes what the session opened (the Worker's per-request WebSocket), if it opened anything. */
  end(): Promise<void> | undefined {
    return this.sessionValue?.end?.();
  }

  /** Tags and lifetime of what the request read. */
  get hints(): CacheHints {
    this.hintsValue ??= new CacheHints(this.now);
    return this.hintsValue;
  }
}
