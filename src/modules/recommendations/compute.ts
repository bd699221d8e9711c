import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database';

export const RELATED_PER_ARTICLE = 6;

/**
 * Recomputes the related lists of the given articles from shared tags: most shared tags first,
 * then the closest in time. Drafts are included on purpose: they appear once published.
 * A batch job for the demo data; the recommendations domain will replace the scoring.
 */
export async function computeRelatedByTags(db: Database, articleIds: readonly number[]): Promise<void> {
  if (!articleIds.length) return;
  const owners = sql`(select unnest(${sql.param(articleIds)}::int[]))`;
  await db.execute(sql`delete from article_related where reason = 'shared_tags' and article_id in ${owners}`);
  await db.execute(sql`
    insert into article_related (article_id, related_id, position, reason)
    select article_id, related_id, position - 1, 'shared_tags'
    from (
      select pairs.article_id, pairs.related_id,
        row_number() over (
          partition by pairs.article_id
          order by pairs.shared desc, abs(extract(epoch from (a.published_at - b.published_at))), pairs.related_id
        ) as position
      from (
        select mine.article_id, theirs.article_id as related_id, count(*) as shared
        from article_tags mine
        join article_tags theirs on theirs.tag_id = mine.tag_id and theirs.article_id <> mine.article_id
        where mine.article_id in ${owners}
        group by mine.article_id, theirs.article_id
      ) pairs
      join articles a on a.id = pairs.article_id
      join articles b on b.id = pairs.related_id
    ) ranked
    where position <= ${RELATED_PER_ARTICLE}
    on conflict (article_id, related_id) do nothing`);
}
