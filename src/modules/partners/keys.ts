import { and, eq, isNull } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import { sha256Hex } from '../../cache/keys';
import type { Database } from '../../db/database';
import { apiKeys } from './tables';

/** What the gateway needs to know of a partner's key. */
export interface PartnerKey {
  id: number;
  name: string;
  origins: readonly string[];
  costPerMinute: number;
  trustedOnly: boolean;
}

/** A partner key: `lcxw_` and 32 base-62 characters (190 bits). */
export const KEY_PATTERN = /^lcxw_[0-9A-Za-z]{32}$/;

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A new key's secret; shown to its owner once. */
export function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  // 248 is the largest multiple of 62 under 256: rejecting the rest keeps every character equally likely.
  const chars = [...bytes].filter((byte) => byte < 248).map((byte) => ALPHABET[byte % 62]);
  while (chars.length < 32) {
    const [byte = 0] = crypto.getRandomValues(new Uint8Array(1));
    if (byte < 248) chars.push(ALPHABET[byte % 62]);
  }
  return `lcxw_${chars.slice(0, 32).join('')}`;
}

/** How long a checked key is trusted before it is checked again: a revocation takes at most this long. */
export const KEY_CHECK_TTL_MS = 60_000;

/**
 * Checks keys against the database, remembering the answer (known and unknown keys alike) for a
 * minute, so a key costs a statement once a minute per process, not per request, and never on a
 * cache hit whose key was checked lately.
 */
export class PartnerKeys {
  private readonly checked: LRUCache<string, { key: PartnerKey | null }>;

  /** `now`: the clock the minute is measured on (the gateway's, which tests move). */
  constructor(now: () => number = () => performance.now()) {
    // ttlResolution 0: read the clock on every check (lru-cache otherwise reuses a reading until a
    // timer clears it, which a run of requests that never yields to timers would not let happen).
    this.checked = new LRUCache({ max: 10_000, ttl: KEY_CHECK_TTL_MS, ttlResolution: 0, perf: { now } });
  }

  /** The key's record if it was checked lately; undefined when the database must be asked. */
  known(secret: string): PartnerKey | null | undefined {
    return this.checked.get(sha256Hex(secret))?.key;
  }

  async check(db: Database, secret: string): Promise<PartnerKey | null> {
    const hash = sha256Hex(secret);
    const remembered = this.checked.get(hash);
    if (remembered) return remembered.key;
    const [row] = await db
      .select({
        id: apiKeys.id,
        name: apiKeys.name,
        origins: apiKeys.origins,
        costPerMinute: apiKeys.costPerMinute,
        trustedOnly: apiKeys.trustedOnly,
      })
      .from(apiKeys)
      .where(and(eq(apiKeys.secretHash, hash), isNull(apiKeys.revokedAt)));
    const key = row ?? null;
    this.checked.set(hash, { key });
    return key;
  }
}
