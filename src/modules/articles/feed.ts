import { sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Builder } from '../../builder';
import type { FieldCachePolicy } from '../../cache/hints';
import type { Context } from '../../context';
import { checkListingArguments } from '../../shared/listing-arguments';
import { channelPathArgument, parseChannelPath } from '../channels';
import { articleCacheTags, FEED_MAX_AGE } from './cache';
import { PUBLISHED } from './queries';
import { articleTags } from './tables';

/**
 * Pothos pages past a cursor with `published_at < X OR (published_at = X AND id < Y)`, which bounds
 * no index scan: page 1,000 walked down from the newest article (0.5-1.8 s at a million articles).
 * The equivalent `published_at <= X` beside it does bound the scan, so every page starts at its
 * cursor. Left as is when the keyset filter has another shape: it is an optimisation, not a condition.
 */
function boundedByCursor<Q extends { where?: unknown }>(query: Q): Q {
  const clauses = (query.where as { AND?: unknown[] } | undefined)?.AND;
  if (!Array.isArray(clauses)) return query;
  const bounds = clauses.flatMap((clause): { publishedAt: { lte: Date } | { gte: Date } }[] => {
    const first = (clause as { OR?: { publishedAt?: { lt?: unknown; gt?: unknown } }[] } | null)?.OR?.[0];
    const compare = first?.publishedAt;
    if (compare?.lt instanceof Date) return [{ publishedAt: { lte: compare.lt } }];
    if (compare?.gt instanceof Date) return [{ publishedAt: { gte: compare.gt } }];
    return [];
  });
  return bounds.length ? { ...query, where: { AND: [...clauses, ...bounds] } } : query;
}

const tagIds = new LRUCache<string, number>({ max: 10_000, ttl: 10 * 60_000 });

/**
 * The id of the tag called `name`, or null when there is none; remembered for ten minutes per
 * process (per isolate on the Worker), so a warm tag feed is still one statement.
 *
 * Why the feed filters by tag id rather than by name: the best plan depends on how common the tag
 * is. For a common tag, walking the newest articles and probing each one's tags finds a page in
 * a few hundred probes; for a rare one that walk crosses the whole table (8.5 s at a million
 * articles), and fetching its few articles by key and sorting them is right. Postgres picks
 * between the two from the tag's frequency in its statistics, but only when the tag id is in the
 * statement: through a join on the name it plans every tag alike.
 */
async function tagIdFor(db: Context['db'], name: string): Promise<number | null> {
  const known = tagIds.get(name);
  if (known !== undefined) return known;
  const tag = await db.query.tags.findFirst({ columns: { id: true }, where: { name } });
  if (!tag) return null;
  tagIds.set(name, tag.id);
  return tag.id;
}

export function registerFeed(builder: Builder): void {
  builder.queryField('articles', (t) =>
    t.drizzleConnection(
      {
        type: 'articles',
        description:
          'Published articles, newest first, as a Relay connection. Filter by channel (its sub-channels included), by tag and by publication time.',
        extensions: {
          cache: {
            // The lists this page is a window on: publishing into any of them must purge it.
            tags: (args) => [
              args.channel
                ? articleCacheTags.feedChannel(parseChannelPath(args.channel) ?? args.channel)
                : articleCacheTags.feedAll,
              ...(args.tag ? [articleCacheTags.feedTag(args.tag)] : []),
            ],
            maxAge: FEED_MAX_AGE,
          } satisfies FieldCachePolicy<{ channel?: string | null; tag?: string | null }>,
        },
        args: {
          channel: t.arg.string({
            description:
              'Channel slug path, e.g. `yaowen`; articles of its sub-channels (`yaowen/shandong`) are included.',
          }),
          tag: t.arg.string({ description: 'Only articles with this tag, e.g. 乡村振兴.' }),
          publishedAfter: t.arg({
            type: 'DateTime',
            description: 'Only articles published at or after this moment.',
          }),
          publishedBefore: t.arg({ type: 'DateTime', description: 'Only articles published before this moment.' }),
        },
        resolve: async (query, _root, args, ctx) => {
          // Newest first: the cursor is (published_at, id).
          checkListingArguments(args, ['date', 'int']);
          const { publishedAfter: after, publishedBefore: before } = args;
          const channelPath = args.channel == null ? null : channelPathArgument(args.channel);
          const tagId = args.tag == null ? null : await tagIdFor(ctx.db, args.tag);
          if (args.tag != null && tagId === null) return [];
          return ctx.db.query.articles.findMany(
            boundedByCursor(
              query({
                where: {
                  ...PUBLISHED,
                  ...(after || before
                    ? { publishedAt: { ...(after && { gte: after }), ...(before && { lt: before }) } }
                    : {}),
                  ...(channelPath && {
                    channel: { OR: [{ path: channelPath }, { path: { like: `${channelPath}/%` } }] },
                  }),
                  ...(tagId !== null && {
                    // The id as a literal, not a parameter: each tag is then its own prepared statement,
                    // planned for that tag's frequency (a generic plan would suit common tags only).
                    RAW: (table) =>
                      sql`exists (select 1 from ${articleTags} where ${articleTags.articleId} = ${table.id} and ${articleTags.tagId} = ${sql.raw(String(tagId))})`,
                  }),
                },
                orderBy: { publishedAt: 'desc', id: 'desc' },
              }),
            ),
          );
        },
      },
      { name: 'ArticleConnection', description: 'A page of articles, newest first.' },
      { name: 'ArticleEdge', description: 'An article in a page of articles, with its cursor.' },
    ),
  );
}
