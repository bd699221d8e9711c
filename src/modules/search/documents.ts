import { inArray, notInArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { documentVector, titleKey } from '../../shared/chinese-text';
import { excluded } from '../../shared/seed';
import type { BodyBlock } from '../articles';
import { articlesTable as articles } from '../articles';
import { articleSearch } from './tables';

/** What a search reads of an article's body: subtitles, then headings, paragraphs and captions in order. */
export function bodyTextOf(article: { subtitles: readonly string[]; body: readonly BodyBlock[] }): string {
  const parts = [...article.subtitles];
  for (const block of article.body) {
    if (block.type === 'paragraph' || block.type === 'heading') parts.push(block.text);
    else if (block.type === 'image' && block.image.caption) parts.push(block.image.caption);
    else if (block.type === 'embed') parts.push(block.title);
  }
  return parts.join('\n');
}

export interface IndexSource {
  id: number;
  status: string;
  channelId: number;
  publishedAt: Date;
  title: string;
  subtitles: string[];
  body: BodyBlock[];
}

export function searchRowOf(article: IndexSource): typeof articleSearch.$inferInsert {
  const bodyText = bodyTextOf(article);
  return {
    articleId: article.id,
    channelId: article.channelId,
    publishedAt: article.publishedAt,
    title: article.title,
    titleKey: titleKey(article.title),
    bodyText,
    document: documentVector(article.title, bodyText),
  };
}

/** Writes the index rows of published articles (upsert by id). */
export async function writeSearchRows(db: Database, rows: (typeof articleSearch.$inferInsert)[]): Promise<void> {
  if (!rows.length) return;
  await db
    .insert(articleSearch)
    .values(rows)
    .onConflictDoUpdate({
      target: articleSearch.articleId,
      set: excluded(articleSearch, ['channelId', 'publishedAt', 'title', 'titleKey', 'bodyText', 'document']),
    });
}

/** What the index is made from: an article's text and what search filters on. */
const INDEXED_COLUMNS = {
  id: articles.id,
  status: articles.status,
  channelId: articles.channelId,
  publishedAt: articles.publishedAt,
  title: articles.title,
  subtitles: articles.subtitles,
  body: articles.body,
};

/**
 * Brings the index in line with the given articles: published ones (re)indexed, the others
 * removed. Runs in the editor change's transaction, or over a seed's articles in batches.
 */
export async function reindexArticles(db: Database, ids: readonly number[]): Promise<void> {
  if (!ids.length) return;
  const rows = await db
    .select(INDEXED_COLUMNS)
    .from(articles)
    .where(inArray(articles.id, [...ids]));
  const published = rows.filter((row) => row.status === 'published');
  const keep = published.map((row) => row.id);
  await db
    .delete(articleSearch)
    .where(
      keep.length
        ? sql`${inArray(articleSearch.articleId, [...ids])} and ${notInArray(articleSearch.articleId, keep)}`
        : inArray(articleSearch.articleId, [...ids]),
    );
  await writeSearchRows(db, published.map(searchRowOf));
}

/**
 * Indexes every published article the index lacks, in batches by id (resumable: a rerun continues
 * where it stopped). For `seed:bulk`: linear in the articles, one read and one write per batch.
 */
export async function indexMissing(
  db: Database,
  onProgress?: (done: number, total: number) => void,
  batchSize = 1_000,
): Promise<number> {
  const [count] = (
    (await db.execute(sql`
      select count(*)::int as n from articles a
      where a.status = 'published' and not exists (select 1 from article_search s where s.article_id = a.id)`)) as unknown as {
      rows: { n: number }[];
    }
  ).rows;
  const total = Number(count?.n ?? 0);
  let done = 0;
  let last = 0;
  onProgress?.(0, total);
  while (done < total) {
    const rows = await db
      .select(INDEXED_COLUMNS)
      .from(articles)
      .where(
        sql`${articles.status} = 'published' and ${articles.id} > ${last} and not exists (select 1 from article_search s where s.article_id = ${articles.id})`,
      )
      .orderBy(articles.id)
      .limit(batchSize);
    if (!rows.length) break;
    await writeSearchRows(db, rows.map(searchRowOf));
    last = rows[rows.length - 1]?.id ?? last;
    done += rows.length;
    onProgress?.(done, total);
  }
  return done;
}
