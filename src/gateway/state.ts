import { CacheHints } from '../cache/hints';
import type { CachedResponse } from '../cache/store';
import type { DatabaseSession } from '../db/database';
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
  private hintsValue?: CacheHints;

  constructor(
    readonly now: number,
    readonly session: DatabaseSession,
    /** The request shows the editor token. */
    readonly editor: boolean,
    /** The request carries credentials: it is never answered from, nor stored in, the shared cache. */
    readonly credentials: boolean,
    readonly waitUntil: (promise: Promise<unknown>) => void,
  ) {}

  /** Tags and lifetime of what the request read. */
  get hints(): CacheHints {
    this.hintsValue ??= new CacheHints(this.now);
    return this.hintsValue;
  }
}

/** Yoga hands plugins the server context it was given: ours carries the request's state. */
export interface ServerContext {
  state: RequestState;
}
