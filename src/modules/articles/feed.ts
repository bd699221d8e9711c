import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { builder } from '../../builder';
import type { FieldCachePolicy } from '../../cache/hints';
import { lifetimes } from '../../cache/lifetimes';
import { cacheTags } from '../../cache/tags';
import { userError } from '../../shared/errors';
import { parseChannelPath } from '../channels/channel-path';
import { PUBLISHED } from './queries';
import { articleTags, tags } from './tables';

export const MAX_PAGE_SIZE = 100;

/** From this many articles on, a tag is common enough to find its newest ones by walking the feed. */
const COMMON_TAG_ARTICLES = 10_000;

/**
 * "Has tag `name`", written so that the feed's walk down the (status, published_at, id) index stays
 * cheap whatever the tag. A plain EXISTS over the tag relation gets one generic estimate for every
 * tag: common tags are then found fast, but a rare or unknown tag walks every published article,
 * probing its tags each time (7.5 s at a million articles). So:
 * - an unknown tag stops the statement before it reads anything (a one-time filter);
 * - a common tag keeps the per-article probe (`OFFSET 0` stops Postgres from turning it into a hash
 *   of all the tag's articles, which costs a quarter of a second for the commonest tags);
 * - a rare tag is checked against a hash of its few articles, so the walk costs a cheap index-only
 *   pass at worst.
 * Which of the two is decided per execution, by counting at most COMMON_TAG_ARTICLES of its links.
 */
/**
 * Pothos pages past a cursor with `published_at < X OR (published_at = X AND id < Y)`, which bounds
 * no index scan: page 1,000 walked down from the newest article (1.8 s at a million articles). The
 * equivalent `published_at <= X` beside it does bound the scan, so every page starts at its cursor.
 * Left as is when the keyset filter has another shape: it is an optimisation, never a condition.
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

function taggedWith(articleId: SQLWrapper, name: string): SQL {
  const linked = sql`select ${articleTags.articleId} from ${articleTags}
    inner join ${tags} on ${tags.id} = ${articleTags.tagId} where ${tags.name} = ${name}`;
  return sql`exists (select 1 from ${tags} where ${tags.name} = ${name})
    and case
      when (select count(*) from (${linked} limit ${COMMON_TAG_ARTICLES}) as sample) >= ${COMMON_TAG_ARTICLES}
      then exists (${linked} and ${articleTags.articleId} = ${articleId} offset 0)
      else ${articleId} in (${linked})
    end`;
}

function checkPageSize(name: 'first' | 'last', value: number | null | undefined) {
  if (value == null) return;
  if (value < 1 || value > MAX_PAGE_SIZE) {
    throw userError(
      `\`${name}\` must be between 1 and ${MAX_PAGE_SIZE}; got ${value}. Page on with \`after\`.`,
      'BAD_USER_INPUT',
      {
        argument: name,
      },
    );
  }
}

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
            args.channel ? cacheTags.feedChannel(parseChannelPath(args.channel) ?? args.channel) : cacheTags.feedAll,
            ...(args.tag ? [cacheTags.feedTag(args.tag)] : []),
          ],
          maxAge: lifetimes.feed,
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
      resolve: (query, _root, args, ctx) => {
        checkPageSize('first', args.first);
        checkPageSize('last', args.last);
        if (args.first != null && args.last != null) throw userError('Pass either `first` or `last`, not both.');
        const { publishedAfter: after, publishedBefore: before } = args;
        if (after && before && after >= before) {
          throw userError('`publishedAfter` must be earlier than `publishedBefore`: that range is empty.');
        }
        let channelPath: string | null = null;
        if (args.channel != null) {
          channelPath = parseChannelPath(args.channel);
          if (channelPath === null) {
            throw userError(`"${args.channel.slice(0, 64)}" is not a channel path: use slugs like "yaowen/shandong".`);
          }
        }
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
                ...(args.tag != null && { RAW: (table) => taggedWith(table.id, args.tag as string) }),
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
