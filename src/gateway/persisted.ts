import { LRUCache } from 'lru-cache';
import { sha256Hex } from '../cache/keys';
import { operations } from '../generated/operations';

/** The operations in schema/operations/, by the hash of their text and of their compact form. */
const trustedByHash: ReadonlyMap<string, string> = new Map(operations.map((op) => [op.sha256, op.document]));
const trustedCompact: ReadonlySet<string> = new Set(operations.map((op) => op.normalizedSha256));

/** A persisted query's id, when the request carries one (Apollo's and urql's `extensions.persistedQuery`). */
export function persistedHash(extensions: unknown): string | undefined {
  const persisted = (extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | undefined)
    ?.persistedQuery;
  return persisted?.version === 1 && typeof persisted.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
}

/**
 * Trusted documents (schema/operations/, known by hash without registration) and automatic
 * persisted queries (registered by a client sending hash and text together). Registrations live
 * per process (per isolate on the Worker), bounded in bytes: a miss only costs the client one
 * retry with the full text, which the protocol expects.
 */
export class PersistedQueries {
  private readonly registered: LRUCache<string, string>;

  constructor(maxBytes = 8 * 2 ** 20) {
    this.registered = new LRUCache({
      maxSize: maxBytes,
      sizeCalculation: (text, hash) => 2 * (text.length + hash.length),
    });
  }

  /** The text for a hash, trusted or registered (who may run it is decided apart). */
  lookup(hash: string): string | undefined {
    return trustedByHash.get(hash) ?? this.registered.get(hash);
  }

  /** Remembers `text` under `hash`; false when the hash is not the text's. */
  register(hash: string, text: string): boolean {
    if (sha256Hex(text) !== hash) return false;
    if (!trustedByHash.has(hash)) this.registered.set(hash, text);
    return true;
  }

  /** A trusted document, sent as its exact text or reformatted. */
  isTrusted(facts: { sha256: string; id: string }): boolean {
    return trustedByHash.has(facts.sha256) || trustedCompact.has(facts.id);
  }
}
