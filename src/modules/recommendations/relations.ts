import { defineRelationsPart } from 'drizzle-orm';
import { articlesTable as articles } from '../articles';
import { articleRelated } from './tables';

export const recommendationRelations = defineRelationsPart({ articles, articleRelated }, (r) => ({
  articleRelated: {
    owner: r.one.articles({ from: r.articleRelated.articleId, to: r.articles.id, alias: 'related', optional: false }),
    article: r.one.articles({ from: r.articleRelated.relatedId, to: r.articles.id, optional: false }),
  },
  // 相关推荐 hangs off the article: recommendations add the relation to the articles' table.
  articles: {
    related: r.many.articleRelated({ from: r.articles.id, to: r.articleRelated.articleId, alias: 'related' }),
  },
}));
