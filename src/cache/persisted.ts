import { operations } from '../generated/operations';

/** SHA-256 as lower-case hex, as the persisted-query protocol spells it. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The operations in schema/operations/, known by hash: partners may send just the hash. */
export const trustedDocuments: ReadonlyMap<string, string> = new Map(operations.map((op) => [op.sha256, op.document]));

/** The same operations by the hash of their compact form, so a reformatted copy is still trusted. */
export const trustedNormalized: ReadonlySet<string> = new Set(operations.map((op) => op.normalizedSha256));

/**
 * Documents registered through automatic persisted queries. Per process (per isolate on the
 * Worker): a miss only costs the client one retry with the full text, which the protocol expects.
 */
export class PersistedQueryStore {
  private readonly documents = new Map<string, string>();

  constructor(private readonly maxEntries = 5_000) {}

  get(hash: string): string | undefined {
    return trustedDocuments.get(hash) ?? this.documents.get(hash);
  }

  set(hash: string, document: string) {
    if (trustedDocuments.has(hash)) return;
    this.documents.delete(hash);
    this.documents.set(hash, document);
    if (this.documents.size > this.maxEntries) {
      const oldest = this.documents.keys().next().value;
      if (oldest !== undefined) this.documents.delete(oldest);
    }
  }
}
