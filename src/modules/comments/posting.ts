import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { articlesTable as articles } from '../articles';
import { comments, commentWords } from './tables';
import { normaliseForMatch } from './text';

/** Per client address: at most this many posts within the window (then FLOOD). */
export const FLOOD_PER_ADDRESS = 5;
export const FLOOD_ADDRESS_WINDOW_MS = 10 * 60_000;
/** Per article, whoever posts: a brigade from many addresses. */
export const FLOOD_PER_ARTICLE = 30;
export const FLOOD_ARTICLE_WINDOW_MS = 60_000;

/** A post that passed the checks made without the database. */
export interface CommentPost {
  articleId: number;
  /** The comment replied to: top-level or a reply (then the reply joins its thread). */
  replyTo: number | null;
  nickname: string;
  body: string;
  holdReason: string | null;
  addressHash: string | null;
  idempotencyKey: string;
  now: Date;
}

/** A stored comment as its poster is told about it. */
export interface StoredComment {
  id: number;
  articleId: number;
  parentId: number | null;
  nickname: string;
  body: string;
  status: 'pending' | 'approved' | 'rejected';
  postedAt: Date;
}

export type PostOutcome =
  | { kind: 'stored' | 'existing'; comment: StoredComment }
  | { kind: 'no_article' | 'no_parent' | 'flood_address' | 'flood_article' | 'conflict' };

interface OutcomeRow {
  outcome: string;
  id: number | null;
  article_id: number | null;
  parent_id: number | null;
  nickname: string | null;
  body: string | null;
  status: StoredComment['status'] | null;
  posted_ms: number | string | null;
}

const rowsOf = (result: unknown) => (result as { rows: OutcomeRow[] }).rows;

function outcomeOf(row: OutcomeRow | undefined): PostOutcome {
  if (!row) return { kind: 'conflict' };
  if (row.outcome === 'stored' || row.outcome === 'existing') {
    return {
      kind: row.outcome,
      comment: {
        id: Number(row.id),
        articleId: Number(row.article_id),
        parentId: row.parent_id === null ? null : Number(row.parent_id),
        nickname: row.nickname ?? '',
        body: row.body ?? '',
        status: row.status ?? 'pending',
        postedAt: new Date(Number(row.posted_ms)),
      },
    };
  }
  return { kind: row.outcome as 'no_article' | 'no_parent' | 'flood_address' | 'flood_article' | 'conflict' };
}

// What the poster is told about a stored comment, the same however it is found.
const projection = (alias: string) =>
  sql.raw(
    `${alias}.id, ${alias}.article_id, ${alias}.parent_id, ${alias}.nickname, ${alias}.body, ${alias}.status, (extract(epoch from ${alias}.created_at) * 1000)::float8 as posted_ms`,
  );

/**
 * The sensitive words a text contains, refusing ones first. One statement; the list is small
 * (hundreds of words), and a text is matched in its normalised form, as the words are stored.
 */
export async function sensitiveWordsIn(db: Database, text: string) {
  const normalised = normaliseForMatch(text);
  if (!normalised) return [];
  return db
    .select({ word: commentWords.word, action: commentWords.action })
    .from(commentWords)
    .where(sql`strpos(${normalised}, ${commentWords.word}) > 0`)
    .orderBy(sql`${commentWords.action} desc`, commentWords.word);
}

/**
 * Stores a post in one statement, or says why not. In that one statement: a comment already
 * stored under the key is answered as is (a retry); the article must be published, the comment
 * replied to approved and on that article (a reply to a reply joins the top-level comment's
 * thread); the client's and the article's recent posts are counted against the flood limits, in
 * the database, so the limits hold across Worker isolates; the insert does nothing on a key a
 * concurrent post just stored (the unique index decides), and `conflict` then sends the caller
 * to `storedUnder` for the winner's row.
 */
export async function storePost(db: Database, post: CommentPost): Promise<PostOutcome> {
  // Moments as ISO text with a cast: every driver (pg, PGlite, Neon) then sends the same thing.
  const at = (moment: Date) => sql`${moment.toISOString()}::timestamptz`;
  const since = (ms: number) => at(new Date(post.now.getTime() - ms));
  const result = await db.execute(sql`
    with existing as (
      select ${projection('c')} from ${comments} c where c.idempotency_key = ${post.idempotencyKey}::text
    ),
    target as (
      select 1 from ${articles} a where a.id = ${post.articleId}::integer and a.status = 'published'
    ),
    thread as (
      select coalesce(c.parent_id, c.id) as id from ${comments} c
      where c.id = ${post.replyTo}::integer and c.article_id = ${post.articleId}::integer and c.status = 'approved'
    ),
    recent as (
      select
        (select count(*) from ${comments} c
          where c.address_hash = ${post.addressHash}::text and c.created_at > ${since(FLOOD_ADDRESS_WINDOW_MS)}) as by_address,
        (select count(*) from ${comments} c
          where c.article_id = ${post.articleId}::integer and c.created_at > ${since(FLOOD_ARTICLE_WINDOW_MS)}) as by_article
    ),
    inserted as (
      insert into ${comments} (article_id, parent_id, nickname, body, status, hold_reason, address_hash, idempotency_key, created_at)
      select ${post.articleId}::integer, (select id from thread), ${post.nickname}::text, ${post.body}::text,
        'pending'::comment_status, ${post.holdReason}::text, ${post.addressHash}::text, ${post.idempotencyKey}::text,
        ${at(post.now)}
      where not exists (select 1 from existing)
        and exists (select 1 from target)
        and (${post.replyTo}::integer is null or exists (select 1 from thread))
        and (select by_address from recent) < ${sql.raw(String(FLOOD_PER_ADDRESS))}
        and (select by_article from recent) < ${sql.raw(String(FLOOD_PER_ARTICLE))}
      on conflict (idempotency_key) do nothing
      returning ${projection('comments')}
    )
    select 'stored' as outcome, * from inserted
    union all
    select 'existing' as outcome, * from existing
    union all
    select
      case
        when not exists (select 1 from target) then 'no_article'
        when ${post.replyTo}::integer is not null and not exists (select 1 from thread) then 'no_parent'
        when (select by_address from recent) >= ${sql.raw(String(FLOOD_PER_ADDRESS))} then 'flood_address'
        when (select by_article from recent) >= ${sql.raw(String(FLOOD_PER_ARTICLE))} then 'flood_article'
        else 'conflict'
      end,
      null, null, null, null, null, null::comment_status, null
    where not exists (select 1 from inserted) and not exists (select 1 from existing)
  `);
  return outcomeOf(rowsOf(result)[0]);
}

/** The comment stored under a key, read after a concurrent post with the same key won the insert. */
export async function storedUnder(db: Database, idempotencyKey: string): Promise<PostOutcome> {
  const result = await db.execute(
    sql`select 'existing' as outcome, ${projection('c')} from ${comments} c where c.idempotency_key = ${idempotencyKey}`,
  );
  return outcomeOf(rowsOf(result)[0]);
}
