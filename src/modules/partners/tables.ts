import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Partner API keys. The key itself is shown once, when created; only its SHA-256 is kept (keys are
 * long random strings, so a fast hash is enough), with its first characters to tell keys apart.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    /** `lcxw_` and the next few characters: enough to recognise a key in a list, not to use it. */
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    /** Browser origins the key may be used from (CORS); empty: servers only. */
    origins: text('origins').array().notNull().default(sql`'{}'::text[]`),
    /** Cost points the key may spend per minute. */
    costPerMinute: integer('cost_per_minute').notNull(),
    /** Only the published operations (trusted documents), not arbitrary documents. */
    trustedOnly: boolean('trusted_only').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_keys_secret_hash_idx').on(t.secretHash)],
);
