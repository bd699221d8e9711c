import { builder } from '../../builder';
import { userError } from '../../shared/errors';
import { parseChannelPath } from '../channels/channel-path';
import { PUBLISHED } from './queries';

export const MAX_PAGE_SIZE = 100;

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
          query({
            where: {
              ...PUBLISHED,
              ...(after || before
                ? { publishedAt: { ...(after && { gte: after }), ...(before && { lt: before }) } }
                : {}),
              ...(channelPath && { channel: { OR: [{ path: channelPath }, { path: { like: `${channelPath}/%` } }] } }),
              ...(args.tag != null && { tags: { name: args.tag } }),
            },
            orderBy: { publishedAt: 'desc', id: 'desc' },
          }),
        );
      },
    },
    { name: 'ArticleConnection', description: 'A page of articles, newest first.' },
    { name: 'ArticleEdge', description: 'An article in a page of articles, with its cursor.' },
  ),
);
