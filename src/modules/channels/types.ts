import type { Builder } from '../../builder';
import type { TypeCachePolicy } from '../../cache/hints';
import { listOf } from '../../shared/cost';
import { enumFromPg } from '../../shared/enums';
import { breadcrumbOf, breadcrumbSelection, channelUrlPath } from './breadcrumb';
import { CHANNEL_MAX_AGE, channelTag } from './cache';
import { channelPathArgument } from './channel-path';
import { BreadcrumbItemRef } from './refs';
import { channelKind } from './tables';

export function registerChannels(builder: Builder): void {
  const ChannelKind = enumFromPg(builder, 'ChannelKind', channelKind, {
    description: 'What a channel carries, so a client knows which page to render for it.',
    values: {
      news: 'Articles (锐评, 要闻, 热线, …).',
      video: 'Video stories (视听).',
      photo: 'Photo galleries (图说).',
      epaper: 'The digital edition of the print newspaper (数字报).',
      tv: 'Live television with programme guide (看电视).',
      radio: 'Live radio with programme guide (听广播).',
    },
  });

  builder.objectType(BreadcrumbItemRef, {
    description: 'One step of a breadcrumb trail, e.g. 首页 > 要闻 > 山东.',
    fields: (t) => ({
      name: t.exposeString('name', { description: 'Label to show: 首页, 要闻, 山东.' }),
      path: t.exposeString('path', {
        description: 'Site-relative URL of the step: `/`, `/yaowen/`, `/yaowen/shandong/`.',
      }),
      channelPath: t.exposeString('channelPath', {
        nullable: true,
        description: 'The channel path to pass to `channel(path:)` or `articles(channel:)`; null for the home page.',
      }),
    }),
  });

  const Channel = builder.drizzleNode('channels', {
    name: 'Channel',
    description: 'A section of the site (栏目). Channels form a tree: 要闻 contains 山东.',
    id: { column: (channel) => channel.id },
    select: { columns: { id: true } },
    extensions: {
      cache: { tags: (channel) => [channelTag(channel.id)], maxAge: CHANNEL_MAX_AGE } satisfies TypeCachePolicy<{
        id: number;
      }>,
    },
    fields: (t) => ({
      slug: t.exposeString('slug', { description: 'Pinyin slug of this level, e.g. `shandong`.' }),
      path: t.exposeString('path', { description: 'Full slug path from the top, e.g. `yaowen/shandong`.' }),
      url: t.string({
        description: 'Site-relative URL of the channel page, e.g. `/yaowen/shandong/`.',
        select: { columns: { path: true } },
        resolve: (channel) => channelUrlPath(channel.path),
      }),
      name: t.exposeString('name', { description: 'Display name, e.g. 山东.' }),
      description: t.exposeString('description', { description: 'One sentence on what the channel covers.' }),
      kind: t.expose('kind', { type: ChannelKind, description: 'What the channel carries.' }),
      depth: t.exposeInt('depth', { description: '0 for a top-level channel, 1 for its sub-channels, and so on.' }),
      parent: t.relation('parent', { nullable: true, description: 'The channel above, or null at the top level.' }),
      children: t.relation('children', {
        extensions: listOf(12),
        description: 'Sub-channels in display order.',
        query: { orderBy: { position: 'asc' } },
      }),
      breadcrumb: t.field({
        extensions: listOf(4),
        type: [BreadcrumbItemRef],
        description: 'Trail from the home page down to this channel: 首页 > 要闻 > 山东.',
        select: breadcrumbSelection,
        resolve: (channel) => breadcrumbOf(channel),
      }),
    }),
  });

  builder.drizzleObjectField('sites', 'navigation', (t) =>
    t.relation('channels', {
      type: Channel,
      extensions: listOf(12),
      description: 'Top-level channels in navigation order (锐评 要闻 视听 …), each with its sub-channels.',
      query: { where: { parentId: { isNull: true }, inNavigation: true }, orderBy: { position: 'asc' } },
    }),
  );

  builder.queryFields((t) => ({
    channel: t.drizzleField({
      type: Channel,
      nullable: true,
      description: 'A channel by its slug path (`yaowen/shandong`); null when there is none.',
      args: { path: t.arg.string({ required: true, description: 'Slug path, e.g. `yaowen` or `yaowen/shandong`.' }) },
      resolve: (query, _root, args, ctx) => {
        const path = channelPathArgument(args.path);
        return ctx.db.query.channels.findFirst(query({ where: { path } }));
      },
    }),
    channels: t.drizzleField({
      extensions: listOf(12),
      type: [Channel],
      description: 'The channel tree: every top-level channel in navigation order; descend with `children`.',
      resolve: (query, _root, _args, ctx) =>
        ctx.db.query.channels.findMany(query({ where: { parentId: { isNull: true } }, orderBy: { position: 'asc' } })),
    }),
  }));
}
