import { sql } from 'drizzle-orm';
import { type AnyPgColumn, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { articlesTable as articles } from '../articles';

/** 先审后发: a comment is pending until an editor approves it; only approved ones are ever public. */
export const commentStatus = pgEnum('comment_status', ['pending', 'approved', 'rejected']);
/** What a sensitive word does to a comment containing it. */
export const wordAction = pgEnum('comment_word_action', ['hold', 'reject']);

// Milliseconds, as JavaScript Dates hold them: the connection's cursor round-trips exactly.
const moment = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * A reader's comment on an article, or a reply to one (`parentId`: always a top-level comment, so
 * threads are one level deep). Raw addresses are never stored: `addressHash` is an HMAC of the
 * poster's address, enough to count a client's recent posts for the flood limit.
 */
export const comments = pgTable(
  'comments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id').references((): AnyPgColumn => comments.id, { onDelete: 'cascade' }),
    nickname: text('nickname').notNull(),
    body: text('body').notNull(),
    status: commentStatus('status').notNull().default('pending'),
    /** Why it waits for review beyond the usual: the sensitive word it contains. */
    holdReason: text('hold_reason'),
    addressHash: text('address_hash'),
    /** The client's key for this post: a retry with it stores nothing new. */
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: moment('created_at').notNull(),
    /** When an editor approved or rejected it. */
    moderatedAt: moment('moderated_at'),
  },
  (t) => [
    uniqueIndex('comments_idempotency_key_idx').on(t.idempotencyKey),
    // An article's public threads, newest first (the connection's order, nulls as Postgres sorts DESC).
    index('comments_article_public_idx')
      .on(t.articleId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`status = 'approved' and parent_id is null`),
    index('comments_parent_idx').on(t.parentId, t.createdAt),
    // The moderation queue, oldest first.
    index('comments_pending_idx').on(t.createdAt, t.id).where(sql`status = 'pending'`),
    // Flood limits: a client's and an article's recent posts.
    index('comments_address_recent_idx').on(t.addressHash, t.createdAt),
    index('comments_article_recent_idx').on(t.articleId, t.createdAt),
  ],
);

/** The sensitive-word list editors maintain (敏感词): a comment containing a word is held or refused. */
export const commentWords = pgTable(
  'comment_words',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** Stored normalised (see `normaliseForMatch`), so matching is a plain substring test. */
    word: text('word').notNull(),
    action: wordAction('action').notNull(),
    createdAt: moment('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('comment_words_word_idx').on(t.word)],
);
