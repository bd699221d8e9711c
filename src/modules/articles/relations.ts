import { defineRelationsPart } from 'drizzle-orm';
import { channels } from '../channels/tables';
import { articleBylines, articles, articleTags, tags } from './tables';

export const articleRelations = defineRelationsPart({ channels, articles, articleBylines, articleTags, tags }, (r) => ({
  articles: {
    channel: r.one.channels({ from: r.articles.channelId, to: r.channels.id, optional: false }),
    bylines: r.many.articleBylines({ from: r.articles.id, to: r.articleBylines.articleId }),
    /** Tag links in the editor's order (`position`): the first keyword is the story's main one. */
    tagLinks: r.many.articleTags({ from: r.articles.id, to: r.articleTags.articleId }),
  },
  articleBylines: {},
  articleTags: {
    tag: r.one.tags({ from: r.articleTags.tagId, to: r.tags.id, optional: false }),
  },
  tags: {},
}));
