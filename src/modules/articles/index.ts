import { defineModule } from '../../shared/module';
import { registerFeed } from './feed';
import { registerArticleMutations } from './mutations';
import { registerArticleQueries } from './queries';
import { articleRelations } from './relations';
import { registerArticleTypes } from './types';

/** Articles: the article page, feeds, bylines, tags, and the editor mutations. */
export const articles = defineModule({
  name: 'articles',
  relations: articleRelations,
  schema(builder) {
    registerArticleTypes(builder);
    registerArticleQueries(builder);
    registerFeed(builder);
    registerArticleMutations(builder);
  },
});

export type { BodyBlock, ImageAsset } from './body-blocks';
export { ImageRef } from './body-types';
export { articleCacheTags } from './cache';
export { type ArticleChange, onArticleChange, type Transaction } from './changes';
export { PUBLISHED } from './queries';
export { articles as articlesTable } from './tables';
