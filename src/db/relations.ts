import { defineRelations } from 'drizzle-orm';
import * as tables from './tables';

export const relations = defineRelations(tables, (r) => ({
  sites: {
    links: r.many.siteLinks({ from: r.sites.id, to: r.siteLinks.siteId }),
    licences: r.many.siteLicences({ from: r.sites.id, to: r.siteLicences.siteId }),
    channels: r.many.channels({ from: r.sites.id, to: r.channels.siteId }),
  },
  channels: {
    site: r.one.sites({ from: r.channels.siteId, to: r.sites.id, optional: false }),
    parent: r.one.channels({ from: r.channels.parentId, to: r.channels.id, alias: 'parent' }),
    children: r.many.channels({ from: r.channels.id, to: r.channels.parentId, alias: 'parent' }),
    articles: r.many.articles({ from: r.channels.id, to: r.articles.channelId }),
  },
  articles: {
    channel: r.one.channels({ from: r.articles.channelId, to: r.channels.id, optional: false }),
    bylines: r.many.articleBylines({ from: r.articles.id, to: r.articleBylines.articleId }),
    tags: r.many.tags({
      from: r.articles.id.through(r.articleTags.articleId),
      to: r.tags.id.through(r.articleTags.tagId),
    }),
    related: r.many.articleRelated({ from: r.articles.id, to: r.articleRelated.articleId, alias: 'related' }),
  },
  articleRelated: {
    owner: r.one.articles({ from: r.articleRelated.articleId, to: r.articles.id, alias: 'related', optional: false }),
    article: r.one.articles({ from: r.articleRelated.relatedId, to: r.articles.id, optional: false }),
  },
  tags: {
    articles: r.many.articles({
      from: r.tags.id.through(r.articleTags.tagId),
      to: r.articles.id.through(r.articleTags.articleId),
    }),
  },
}));

export type Relations = typeof relations;
