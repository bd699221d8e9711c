import { defineRelationsPart } from 'drizzle-orm';
import { articlesTable as articles } from '../articles';
import { articleSearch } from './tables';

export const searchRelations = defineRelationsPart({ articles, articleSearch }, (r) => ({
  articleSearch: {
    article: r.one.articles({ from: r.articleSearch.articleId, to: r.articles.id, optional: false }),
  },
}));
