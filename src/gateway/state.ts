import { CacheHints } from '../cache/hints';
import type { CachedResponse } from '../cache/store';
import type { DatabaseSession, DatabaseSource } from '../db/database';
import { StatementMeter } from '../db/meter';
import type { PartnerKey } from '../modules/partners/keys';
import type { Charge } from './budget';
import type { Credential } from './callers';
import { bypassesCache } from './callers';
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
  /** `performance.now()` when the request was in (before Yoga, when Node’s adapter read it first). */
  readonly started: number;
  readonly meter = new StatementMeter();
  cacheStatus: CacheStatus = 'BYPASS';
  /** Parameters read once by the edge cache; Yoga is given them instead of reading the body again. */
  params?: GraphQLParams;
  /** The document is one of schema/operations/ (trusted documents). */
  trusted = false;
  pending?: PendingEntry;
  /** The response was built with this request's own headers (x-cache, server-timing) already. */
  decorated = false;
  /** The partner key, once checked (misses only: a cache hit checks nothing). */
  partner: PartnerKey | null = null;
  /** What the operation costs (src/gateway/cost.ts), once computed before execution. */
  cost?: number;
  /** What charging the cost to the caller's budget gave. */
  charge?: Charge;
  private hintsValue?: CacheHints;
  private sessionValue?: DatabaseSession;

  /** The request shows the editor token. */
  readonly editor: boolean;
  /** Never answered from, nor stored in, the shared cache (editors, previews). */
  readonly credentials: boolean;

  constructor(
    readonly now: number,
    private readonly source: DatabaseSource,
    readonly credential: Credential,
    /** The client's network address, when known. */
    readonly address: string | null,
    /** Cost points per minute of a caller without a key. */
    private readonly anonymousLimit: number,
    started?: number,
  ) {
    this.started = started ?? performance.now();
    this.editor = credential.kind === 'editor';
    this.credentials = bypassesCache(credential);
  }

  /** Whose budget the request's cost is charged to, and its size; editors are not charged. */
  payer(): { subject: string; limit: number } | null {
    if (this.editor) return null;
    if (this.partner) return { subject: `key:${this.partner.id}`, limit: this.partner.costPerMinute };
    return { subject: `address:${this.address ?? 'unknown'}`, limit: this.anonymousLimit };
  }

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
