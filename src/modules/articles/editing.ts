import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/database';
import { userError } from '../../shared/errors';
import { channelsTable as channels } from '../channels';
import { articleCacheTags, feedTagsOf } from './cache';
import { type ArticleStatus, staleTagsOfListeners, type Transaction } from './changes';
import { articles, articleTags, tags } from './tables';

export interface ArticleChanges {
  title?: string | null;
  kicker?: string | null;
  subtitles?: string[] | null;
  summary?: string | null;
  source?: string | null;
  editor?: string | null;
  channelPath?: string | null;
  tagNames?: string[] | null;
}

interface Membership {
  status: ArticleStatus;
  path: string;
  channelPath: string;
  tagNames: string[];
}

async function membership(tx: Transaction, id: number): Promise<Membership | null> {
  const row = await tx.query.articles.findFirst({
    where: { id },
    columns: { status: true, path: true },
    with: {
      channel: { columns: { path: true } },
      tagLinks: { columns: {}, orderBy: { position: 'asc' }, with: { tag: { columns: { name: true } } } },
    },
  });
  return row
    ? {
        status: row.status,
        path: row.path,
        channelPath: row.channel.path,
        tagNames: row.tagLinks.map((link) => link.tag.name),
      }
    : null;
}

/**
 * What a change makes stale: every response showing the article (its entity tag), lookups of it
 * that may have found nothing while it was a draft (its path tag), and every list
 * it is public in after the change and was not before (list tags). Lists it leaves or stays in
 * show it, so its entity tag reaches them already.
 */
function staleTags(id: number, before: Membership, after: Membership, publishing: boolean): string[] {
  const listed = (m: Membership) => (m.status === 'published' ? feedTagsOf(m) : []);
  // Publishing purges every list it is in, so publishing again repairs a purge that failed.
  const previous = new Set(publishing ? [] : listed(before));
  return [
    articleCacheTags.article(id),
    articleCacheTags.path(after.path),
    ...listed(after).filter((tag) => !previous.has(tag)),
  ];
}

async function replaceTags(tx: Transaction, id: number, names: string[]) {
  const unique = [...new Set(names.map((name) => name.trim()).filter(Boolean))];
  await tx.delete(articleTags).where(eq(articleTags.articleId, id));
  if (!unique.length) return;
  await tx
    .insert(tags)
    .values(unique.map((name) => ({ name })))
    .onConflictDoNothing();
  const rows = await tx.select({ id: tags.id, name: tags.name }).from(tags).where(inArray(tags.name, unique));
  const idByName = new Map(rows.map((row) => [row.name, row.id]));
  await tx
    .insert(articleTags)
    .values(unique.map((name, position) => ({ articleId: id, tagId: idByName.get(name) ?? 0, position })));
}

/**
 * Applies an editor's change in one transaction and returns the cache tags it made stale, for
 * the caller to purge once the transaction has committed, with the article's new status.
 */
export async function changeArticle(
  db: Database,
  id: number,
  change: { status?: ArticleStatus; fields?: ArticleChanges },
): Promise<{ staleTags: string[]; status: ArticleStatus }> {
  return db.transaction(async (tx) => {
    const before = await membership(tx, id);
    if (!before) throw userError('There is no article with that ID.');
    const { channelPath, tagNames, ...fields } = change.fields ?? {};
    const now = new Date();
    const set: Partial<typeof articles.$inferInsert> = { updatedAt: now };
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      if (value === null && (key === 'title' || key === 'source' || key === 'subtitles')) {
        throw userError(`\`${key}\` cannot be null.`);
      }
      Object.assign(set, { [key]: value });
    }
    if (channelPath) {
      const [channel] = await tx.select({ id: channels.id }).from(channels).where(eq(channels.path, channelPath));
      if (!channel) throw userError(`There is no channel "${channelPath}".`);
      set.channelId = channel.id;
    }
    if (change.status) {
      set.status = change.status;
      // A draft goes out now; a story put back after a retraction keeps its original time.
      if (change.status === 'published' && before.status === 'draft') set.publishedAt = now;
    }
    await tx
      .update(articles)
      .set(set)
      .where(and(eq(articles.id, id)));
    if (tagNames) await replaceTags(tx, id, tagNames);
    const after = (await membership(tx, id)) ?? before;
    const stale = staleTags(id, before, after, change.status === 'published');
    // Other modules' lists that show it (相关推荐) react in the same transaction.
    stale.push(...(await staleTagsOfListeners(tx, { id, before: before.status, after: after.status })));
    return { staleTags: stale, status: after.status };
  });
}
