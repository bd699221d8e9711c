import { and, desc, eq, isNull, or } from 'drizzle-orm';
import { sha256Hex } from '../../cache/keys';
import type { Database } from '../../db/database';
import { newSecret } from './keys';
import { apiKeys } from './tables';

/** Cost points per minute of a new key unless told otherwise: ten times an anonymous client's. */
export const DEFAULT_KEY_COST_PER_MINUTE = 100_000;

export interface NewKey {
  name: string;
  /** Browser origins (`https://host[:port]`) the key may be used from; none: servers only. */
  origins?: readonly string[];
  costPerMinute?: number;
  /** Only the published operations (trusted documents). */
  trustedOnly?: boolean;
}

/** A listed key: everything but its secret, which is never stored. */
export interface KeyListing {
  id: number;
  name: string;
  prefix: string;
  origins: string[];
  costPerMinute: number;
  trustedOnly: boolean;
  createdAt: Date;
  revokedAt: Date | null;
}

/** Origins as browsers send them: scheme, host and port, nothing else. Throws on anything else. */
export function checkOrigins(origins: readonly string[]): string[] {
  return origins.map((origin) => {
    let url: URL | null = null;
    try {
      url = new URL(origin);
    } catch {}
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== origin) {
      throw new Error(`"${origin}" is not an origin: write it as https://host or https://host:port, no path.`);
    }
    return origin;
  });
}

/** Creates a key; its secret is in the answer and nowhere else (only its SHA-256 is stored). */
export async function createKey(db: Database, key: NewKey): Promise<{ id: number; secret: string; prefix: string }> {
  const name = key.name.trim();
  if (!name) throw new Error('A key needs a name (the partner it is for).');
  const costPerMinute = key.costPerMinute ?? DEFAULT_KEY_COST_PER_MINUTE;
  if (!Number.isSafeInteger(costPerMinute) || costPerMinute < 1)
    throw new Error('--cost-per-minute must be a positive whole number.');
  const origins = checkOrigins(key.origins ?? []);
  const secret = newSecret();
  const prefix = secret.slice(0, 12);
  const [row] = await db
    .insert(apiKeys)
    .values({ name, prefix, secretHash: sha256Hex(secret), origins, costPerMinute, trustedOnly: !!key.trustedOnly })
    .returning({ id: apiKeys.id });
  if (!row) throw new Error('the key was not stored');
  return { id: row.id, secret, prefix };
}

export async function listKeys(db: Database): Promise<KeyListing[]> {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      origins: apiKeys.origins,
      costPerMinute: apiKeys.costPerMinute,
      trustedOnly: apiKeys.trustedOnly,
      createdAt: apiKeys.createdAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .orderBy(desc(apiKeys.id));
}

/**
 * Revokes a key, named by its id or its prefix (`lcxw_AbCdEfG`, as `list` shows it). Gateways that checked it lately go
 * on honouring it for at most KEY_CHECK_TTL_MS. Returns how many keys were revoked (0 or 1).
 */
export async function revokeKey(db: Database, which: string): Promise<number> {
  const id = /^\d{1,9}$/.test(which) ? Number(which) : -1;
  const matching = and(isNull(apiKeys.revokedAt), or(eq(apiKeys.id, id), eq(apiKeys.prefix, which)));
  return db.transaction(async (tx) => {
    const rows = await tx.update(apiKeys).set({ revokedAt: new Date() }).where(matching).returning({ id: apiKeys.id });
    if (rows.length > 1) throw new Error(`"${which}" names ${rows.length} keys: revoke by id.`);
    return rows.length;
  });
}
