import { builder } from '../../builder';
import type { TypeCachePolicy } from '../../cache/hints';
import { lifetimes } from '../../cache/lifetimes';
import { cacheTags } from '../../cache/tags';
import { userError } from '../../shared/errors';
import { type BreadcrumbItem, breadcrumbOf, breadcrumbSelection, channelUrlPath } from './breadcrumb';
import { parseChannelPath } from './channel-path';

export const ChannelKind = builder.enumType('ChannelKind', {
  description: 'What a channel carries, so a client knows which page to render for it.',
  values: {
    NEWS: { value: 'news', description: 'Articles (锐评, 要闻, 热线, …).' },
    VIDEO: { value: 'video', description: 'Video stories (视听).' },
    PHOTO: { value: 'photo', description: 'Photo galleries (图说).' },
    EPAPER: { value: 'epaper', description: 'The digital edition of the print newspaper (数字报).' },
    TV: { value: 'tv', description: 'Live television with programme guide (看电视).' },
    RADIO: { value: 'radio', description: 'Live radio with programme guide (听广播).' },
  } as const,
});

export const BreadcrumbItemRef = builder.objectRef<BreadcrumbItem>('BreadcrumbItem').implement({
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

export const Channel = builder.drizzleNode('channels', {
  name: 'Channel',
  description: 'A section of the site (栏目). Channels form a tree: 要闻 contains 山东.',
  id: { column: (channel) => channel.id },
  extensions: {
    cache: {
      tags: (channel) => [cacheTags.channel(channel.id)],
      maxAge: lifetimes.siteChrome,
    } satisfies TypeCachePolicy<{ id: number }>,
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
      description: 'Sub-channels in display order.',
      query: { orderBy: { position: 'asc' } },
    }),
    breadcrumb: t.field({
      type: [BreadcrumbItemRef],
      description: 'Trail from the home page down to this channel: 首页 > 要闻 > 山东.',
      select: breadcrumbSelection,
      resolve: (channel) => breadcrumbOf(channel),
    }),
  }),
});

builder.queryFields((t) => ({
  channel: t.drizzleField({
    type: Channel,
    nullable: true,
    description: 'A channel by its slug path (`yaowen/shandong`); null when there is none.',
    args: { path: t.arg.string({ required: true, description: 'Slug path, e.g. `yaowen` or `yaowen/shandong`.' }) },
    resolve: (query, _root, args, ctx) => {
      const path = parseChannelPath(args.path);
      if (path === null)
        throw userError(`"${args.path.slice(0, 64)}" is not a channel path: use slugs like "yaowen/shandong".`);
      return ctx.db.query.channels.findFirst(query({ where: { path } }));
    },
  }),
  channels: t.drizzleField({
    type: [Channel],
    description: 'The channel tree: every top-level channel in navigation order; descend with `children`.',
    resolve: (query, _root, _args, ctx) =>
      ctx.db.query.channels.findMany(query({ where: { parentId: { isNull: true } }, orderBy: { position: 'asc' } })),
  }),
}));
